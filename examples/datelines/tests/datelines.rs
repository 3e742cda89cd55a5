//! The datelines example stage: a table of cases, then a snapshot of a custom
//! pipeline exactly as a user's crate would write it.

use byline_core::Pipeline;
use byline_example_datelines::dateline;

/// `(text, expected dateline text or "", place, agency)`.
const CASES: &[(&str, &str, &str, &str)] = &[
    ("WASHINGTON (Reuters) - The Senate voted.", "WASHINGTON (Reuters) -", "WASHINGTON", "Reuters"),
    ("PORTLAND, Ore. — The council voted.", "PORTLAND, Ore. —", "PORTLAND, Ore.", ""),
    ("ZÜRICH — A café owner won.", "ZÜRICH —", "ZÜRICH", ""),
    ("FRESNO, Calif. -- Reservoirs fell.", "FRESNO, Calif. --", "FRESNO, Calif.", ""),
    ("SAN JOSE, Calif. (AP) – Shares rose.", "SAN JOSE, Calif. (AP) –", "SAN JOSE, Calif.", "AP"),
    ("Mayor Elena Fischer said - nothing.", "", "", ""),
    ("The vote was 4-1 on Thursday.", "", "", ""),
    ("NASA said the launch - delayed twice - would happen.", "", "", ""),
    ("", "", "", ""),
];

#[test]
fn finds_datelines() {
    for &(text, expected, place, agency) in CASES {
        let found = dateline(text, 0);
        let got = found.as_ref().map_or("", |a| a.span.text(text));
        assert_eq!(got, expected, "{text:?}");
        if let Some(a) = found {
            assert_eq!(a.attrs.get("place").and_then(|v| v.as_str()), Some(place), "{text:?}");
            assert_eq!(a.attrs.get("agency").and_then(|v| v.as_str()).unwrap_or(""), agency, "{text:?}");
        }
    }
}

fn pipeline() -> Pipeline {
    // Reference the crates whose stages the pipeline uses, so the linker keeps
    // their registrations in this test binary.
    std::hint::black_box(byline_segment::paragraphs as fn(&str) -> _);
    std::hint::black_box(byline_example_datelines::dateline as fn(&str, usize) -> _);
    Pipeline::from_toml(
        r#"
        [pipeline]
        name = "wire"

        [[stage]]
        use = "paragraphs"

        [[stage]]
        use = "datelines"
        paragraphs = 2
        "#,
        "wire.toml",
    )
    .expect("valid pipeline")
}

#[test]
fn snapshot_of_a_custom_pipeline() {
    let text = "Storm Hits Coast\n\nMIAMI (AP) — A storm made landfall on Tuesday.\n\nMore rain is due.";
    insta::assert_yaml_snapshot!(byline_core::testing::snapshot(&pipeline(), text));
}

#[test]
fn the_custom_layer_is_written_under_its_name() {
    let doc = pipeline().annotate("d", "LIMA (Reuters) - Quiet day.").expect("annotates");
    let json = doc.to_json(byline_core::span::OffsetUnit::Chars);
    assert_eq!(
        json["datelines"],
        serde_json::json!([{"start": 0, "end": 16, "text": "LIMA (Reuters) -", "place": "LIMA", "agency": "Reuters"}])
    );
}

#[test]
fn the_stage_is_registered_with_its_options() {
    std::hint::black_box(byline_example_datelines::dateline as fn(&str, usize) -> _);
    let r = byline_core::registry::find("datelines").expect("registered");
    let options = r.option_docs();
    assert_eq!(options[0].name, "paragraphs");
    assert_eq!(options[0].default.as_deref(), Some("4"));
    let err = Pipeline::from_toml("[[stage]]\nuse = \"datelines\"\n", "x.toml").expect_err("needs paragraphs");
    assert_eq!(
        err.to_string(),
        "x.toml:2:7: stage `datelines` needs layer `paragraphs`, which no earlier stage adds; add `[[stage]] use = \"paragraphs\"` before it"
    );
}
