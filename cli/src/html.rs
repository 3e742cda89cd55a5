//! The HTML view: one self-contained page (inline CSS and JS, nothing
//! fetched) that shows every layer of the JSON records `byline run` writes.
//!
//! The page embeds those very records, one `<script type="application/json">`
//! element each, unchanged but for `<` written as `\u003c` so no text can
//! close the element. The browser reads a record (`JSON.parse`) and renders
//! it only when its document is opened, so a page of 1,000 articles costs
//! little more than reading the file. The same page, in `serve` mode, is what
//! `byline serve` answers on `GET /`.

use byline_core::Document;
use byline_core::json::{OutputOptions, RecordId, error_record, write_document};
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
        )
    };
}

/// The page end after the embedded records: the script that renders them.
macro_rules! page_tail {
    () => {
        concat!("<script>\n", include_str!("html/view.js"), "</script>\n</body>\n</html>\n")
    };
}

/// The policy of `byline serve`'s page, which may post to its own origin.
pub(crate) const SERVE_CSP: &str = csp!("; connect-src 'self'");

/// The page start of `byline run --format html`.
pub(crate) const RUN_HEAD: &str = page_head!("", "run");

/// The page end of `byline run --format html`.
pub(crate) const TAIL: &str = page_tail!();

/// The page `byline serve` answers on `GET /`: no records, a text box, and
/// requests back to its own origin only.
pub(crate) const SERVE_PAGE: &str = concat!(page_head!("; connect-src 'self'", "serve"), page_tail!());

/// Appends a document's record, as `byline run` writes it (only the layers
/// `--layers` keeps), to the page. The page's script indexes text by
/// character, whatever `--offsets` says.
pub(crate) fn document(doc: &Document, options: &OutputOptions, out: &mut Vec<u8>) {
    let options = OutputOptions { unit: OffsetUnit::Chars, layers: options.layers.clone() };
    let mut record = Vec::with_capacity(doc.text().len() * 4 + 256);
    write_document(doc, &options, &mut record);
    embed(&doc.id, false, &record, out);
}

/// Appends an error record `{"id", "error"}` to the page.
pub(crate) fn error(id: &RecordId, error: &str, out: &mut Vec<u8>) {
    let mut record = Vec::new();
    error_record(id, error, &mut record);
    embed(id.as_str(), true, &record, out);
}

/// Appends one record in its own `<script type="application/json">`, its id
/// in an attribute so the document list needs no record parsed. In the JSON
/// `<` becomes `\u003c`, which JSON reads back as the same character (it
/// only occurs inside strings), so `</script>` or `<!--` cannot end it.
fn embed(id: &str, failed: bool, json: &[u8], out: &mut Vec<u8>) {
    out.reserve(json.len() + id.len() + 96);
    out.extend_from_slice(b"<script type=\"application/json\" class=\"byline-doc\" data-id=\"");
    escape_attribute(id, out);
    out.extend_from_slice(if failed { b"\" data-error>" } else { b"\">" });
    let mut rest = json;
    while let Some(at) = rest.iter().position(|&b| b == b'<') {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(br"\u003c");
        rest = &rest[at + 1..];
    }
    out.extend_from_slice(rest);
    out.extend_from_slice(b"</script>\n");
}

/// Text as a double-quoted attribute value.
fn escape_attribute(text: &str, out: &mut Vec<u8>) {
    for c in text.chars() {
        match c {
            '&' => out.extend_from_slice(b"&amp;"),
            '<' => out.extend_from_slice(b"&lt;"),
            '>' => out.extend_from_slice(b"&gt;"),
            '"' => out.extend_from_slice(b"&quot;"),
            '\'' => out.extend_from_slice(b"&#39;"),
            c => {
                let mut buf = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id attribute and the JSON of one embedded record.
    fn embedded(id: &str, json: &str) -> (String, String) {
        let mut out = Vec::new();
        embed(id, false, json.as_bytes(), &mut out);
        let out = String::from_utf8(out).expect("embedding keeps UTF-8");
        let open = out.find("\">").expect("a start tag") + 2;
        let close = out.rfind("</script>").expect("an end tag");
        let attribute = out[..open - 2].split("data-id=\"").nth(1).expect("data-id").to_owned();
        (attribute, out[open..close].to_owned())
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
            let (_, out) = embedded("doc", json);
            assert!(!out.contains('<'), "{out}");
            let back: serde_json::Value = serde_json::from_str(&out).expect("still JSON");
            let original: serde_json::Value = serde_json::from_str(json).expect("test JSON");
            assert_eq!(back, original, "{json}");
        }
    }

    #[test]
    fn ids_are_escaped_in_their_attribute() {
        let cases = [
            ("plain-1.txt", "plain-1.txt"),
            ("\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
            ("Tom & Jerry's <b>", "Tom &amp; Jerry&#39;s &lt;b&gt;"),
            ("café “x”", "café “x”"),
        ];
        for (id, expect) in cases {
            assert_eq!(embedded(id, "{}").0, expect, "{id}");
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
