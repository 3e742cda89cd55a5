//! The HTML view: one self-contained page (inline CSS and JS, nothing
//! fetched) that shows every layer of the JSON records `byline run` writes.
//!
//! The page embeds those very records, unchanged but for `<` written as
//! `\u003c` so no text can close the `<script>` element that holds them, and
//! renders one document at a time in the browser, on demand: a page of
//! 1,000 articles opens as fast as a page of one. The same page, in `serve`
//! mode, is what `byline serve` answers on `GET /`.

use byline_core::Document;
use byline_core::span::OffsetUnit;

/// The Content-Security-Policy of the pages: nothing may leave the page (no
/// fetch, image, font or form post); inline style and script are the only
/// allowances, besides what `$connect` adds.
macro_rules! csp {
    ($connect:literal) => {
        concat!(
            "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; ",
            "base-uri 'none'; form-action 'none'",
            $connect
        )
    };
}

/// Page start up to the embedded records, with the policy `csp!($connect)`
/// and the page's mode (`run` or `serve`).
macro_rules! page_head {
    ($connect:literal, $mode:literal) => {
        concat!(
            "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"",
            csp!($connect),
            "\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
            "<meta name=\"referrer\" content=\"no-referrer\">\n<title>byline</title>\n<style>\n",
            include_str!("html/view.css"),
            "</style>\n</head>\n<body data-mode=\"",
            $mode,
            "\">\n",
            include_str!("html/body.html"),
            "<script type=\"application/json\" id=\"byline-data\">[\n"
        )
    };
}

/// The policy of `byline serve`'s page, which may post to its own origin.
pub(crate) const SERVE_CSP: &str = csp!("; connect-src 'self'");

/// The page start of `byline run --format html`.
pub(crate) const RUN_HEAD: &str = page_head!("", "run");

/// The page `byline serve` answers on `GET /`: no records, a text box, and
/// requests back to its own origin only.
pub(crate) const SERVE_PAGE: &str = concat!(
    page_head!("; connect-src 'self'", "serve"),
    "]</script>\n<script>\n",
    include_str!("html/view.js"),
    "</script>\n</body>\n</html>\n"
);

/// The page end after the embedded records.
pub(crate) const TAIL: &str =
    concat!("\n]</script>\n<script>\n", include_str!("html/view.js"), "</script>\n</body>\n</html>\n");

/// Separator between two embedded records.
pub(crate) const SEPARATOR: &str = ",\n";

/// Appends a document's record, as `byline run` writes it, to the page. The
/// page's script indexes text by character, whatever `--offsets` says.
pub(crate) fn document(doc: &Document, out: &mut Vec<u8>) {
    let mut record = Vec::with_capacity(doc.text().len() * 4 + 256);
    doc.write_json(OffsetUnit::Chars, &mut record);
    embed(&record, out);
}

/// Appends an error record `{"id", "error"}` to the page.
pub(crate) fn error(id: &str, error: &str, out: &mut Vec<u8>) {
    let mut record = Vec::new();
    byline_core::json::error_record(id, error, &mut record);
    embed(&record, out);
}

/// Appends one JSON record for embedding inside `<script>`: `<` becomes
/// `\u003c`, which JSON reads back as the same character (it only occurs
/// inside strings), so `</script>` or `<!--` in a text cannot end the data.
pub(crate) fn embed(json: &[u8], out: &mut Vec<u8>) {
    out.reserve(json.len());
    let mut rest = json;
    while let Some(at) = rest.iter().position(|&b| b == b'<') {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(br"\u003c");
        rest = &rest[at + 1..];
    }
    out.extend_from_slice(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded(json: &str) -> String {
        let mut out = Vec::new();
        embed(json.as_bytes(), &mut out);
        String::from_utf8(out).expect("embedding keeps UTF-8")
    }

    #[test]
    fn embedding_keeps_the_json_and_hides_every_tag() {
        let cases = [
            r#"{"text":"</script><script>alert(1)</script>"}"#,
            r#"{"text":"\"><img src=x onerror=alert(1)>"}"#,
            r#"{"text":"<!-- a comment opener"}"#,
            r#"{"text":"no tags at all, “curly” and café"}"#,
        ];
        for json in cases {
            let out = embedded(json);
            assert!(!out.contains('<'), "{out}");
            let back: serde_json::Value = serde_json::from_str(&out).expect("still JSON");
            let original: serde_json::Value = serde_json::from_str(json).expect("test JSON");
            assert_eq!(back, original, "{json}");
        }
    }

    #[test]
    fn pages_fetch_nothing() {
        for page in [format!("{RUN_HEAD}{TAIL}"), SERVE_PAGE.to_owned()] {
            assert!(page.contains("content=\"default-src 'none'; "));
            for external in ["http://", "https://", "//fonts", "@import", "url("] {
                assert!(!page.contains(external), "the page refers to {external}");
            }
        }
        assert!(!RUN_HEAD.contains("connect-src"), "a saved page needs no connection");
    }
}
