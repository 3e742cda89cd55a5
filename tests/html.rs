//! `byline run --format html` without a browser: the page embeds exactly the
//! records `byline run` writes, one script element each, with no markup from
//! the documents and nothing that refers outside the page. The browser side
//! (rendering, focus, hover) is `tests/browser/run.sh`.

use serde_json::Value;

mod support;

/// What `byline ARGS` prints for this stdin.
fn byline(args: &[&str], stdin: &str) -> String {
    String::from_utf8(support::byline(args, stdin.as_bytes()).stdout).expect("UTF-8 output")
}

const OPEN: &str = "<script type=\"application/json\" class=\"byline-doc\" data-id=\"";

/// The embedded records: (the id attribute as written, the JSON).
fn embedded(page: &str) -> Vec<(&str, &str)> {
    page.split(OPEN)
        .skip(1)
        .map(|rest| {
            let (attribute, rest) = rest.split_once('"').expect("an id attribute");
            let json = rest.split_once('>').expect("a start tag").1;
            (attribute, json.split_once("</script>").expect("an end tag").0)
        })
        .collect()
}

#[test]
fn the_page_embeds_byline_runs_records_and_no_markup_from_them() {
    let input = [
        serde_json::json!({"id": "plain", "text": "Mayor Ana Ruiz said the city would spend $3 million."}),
        serde_json::json!({"id": "\"><b>bold</b>", "text": "He typed </script><script>alert(1)</script> and \"><img src=x onerror=alert(2)>."}),
        serde_json::json!({"id": "no-text", "body": "a record without text"}),
    ]
    .iter()
    .map(|v| v.to_string() + "\n")
    .collect::<String>();
    let page = byline(&["run", "--format", "html", "--offsets", "bytes"], &input);
    let records = byline(&["run"], &input);

    assert!(page.starts_with("<!doctype html>") && page.ends_with("</html>\n"));
    let embedded = embedded(&page);
    let expected: Vec<&str> = records.lines().collect();
    assert_eq!(embedded.len(), expected.len());
    for ((_, json), line) in embedded.iter().zip(&expected) {
        assert!(!json.contains('<'), "a raw < in {json}");
        // Character offsets whatever --offsets says: the page indexes characters.
        let ours: Value = serde_json::from_str(json).expect("embedded JSON");
        let theirs: Value = serde_json::from_str(line).expect("byline run's JSON");
        assert_eq!(ours, theirs);
    }
    assert_eq!(embedded[1].0, "&quot;&gt;&lt;b&gt;bold&lt;/b&gt;");
    assert!(page.contains(&format!("{OPEN}no-text\" data-error>")), "the error record is marked");

    // Outside the records: no markup from the documents, no reference outside the page.
    let mut shell = page.clone();
    for (_, json) in &embedded {
        shell = shell.replacen(json, "", 1);
    }
    for absent in ["<b>", "<img", "alert(", "http://", "https://", "url(", "@import", " src="] {
        assert!(!shell.contains(absent), "the page holds {absent}");
    }
    assert!(shell.contains("content=\"default-src 'none'; "));
    assert_eq!(shell.matches("\n<script").count(), embedded.len() + 1, "one script per record, and the view's");
}

#[test]
fn an_empty_run_is_an_empty_page() {
    let page = byline(&["run", "--format", "html"], "");
    assert!(page.starts_with("<!doctype html>") && page.ends_with("</html>\n"));
    assert!(embedded(&page).is_empty());
}
