//! The `entities` and `gazetteer` stages in pipelines, on news written for
//! these tests: datelines, curly quotes, all-caps headlines, names the 1996
//! training data never saw, and the gazetteer's overlap policies.

use byline_core::{Pipeline, registry};

fn link() {
    std::hint::black_box(byline_segment::tokens as fn(&str) -> _);
    std::hint::black_box(byline_entities::Model::builtin as fn() -> _);
}

fn pipeline(extra: &str) -> Pipeline {
    link();
    let spec = format!(
        "[[stage]]\nuse = \"paragraphs\"\n[[stage]]\nuse = \"tokens\"\n[[stage]]\nuse = \"sentences\"\n{extra}"
    );
    Pipeline::from_toml(&spec, "<test>").unwrap_or_else(|e| panic!("{e}"))
}

fn entities(p: &Pipeline, text: &str) -> Vec<(String, String)> {
    let doc = p.annotate("t", text).expect("annotates");
    doc.layers.entities.unwrap_or_default().into_iter().map(|e| (e.span.text(text).to_owned(), e.label)).collect()
}

/// Each expected `(text, label)` is among the entities found.
fn check(p: &Pipeline, text: &str, expect: &[(&str, &str)]) {
    let found = entities(p, text);
    for (t, l) in expect {
        assert!(found.iter().any(|(ft, fl)| ft == t && fl == l), "{t} as {l} in {text:?}; found {found:?}");
    }
}

#[test]
fn finds_names_in_news() {
    let p = pipeline("[[stage]]\nuse = \"entities\"");
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "LONDON (Reuters) - British Prime Minister Keir Starmer met Ukrainian President Volodymyr Zelensky on Monday.",
            &[("LONDON", "LOC"), ("Reuters", "ORG"), ("British", "MISC"), ("Keir Starmer", "PER")],
        ),
        (
            "“We will win,” said Maria Fernandez, the coach of Real Madrid, in a statement on Tuesday.",
            &[("Maria Fernandez", "PER"), ("Real Madrid", "ORG")],
        ),
        ("Shares of Nvidia and Microsoft rose in New York.", &[("Nvidia", "ORG"), ("New York", "LOC")]),
        (
            "He flew from Paris to Tokyo with officials of the European Union.",
            &[("Paris", "LOC"), ("Tokyo", "LOC"), ("European Union", "ORG")],
        ),
    ];
    for (text, expect) in cases {
        check(&p, text, expect);
    }
}

#[test]
fn headlines_are_read_with_the_story() {
    let p = pipeline("[[stage]]\nuse = \"entities\"");
    let text = "VOLKOV BEATS TANAKA TO REACH GENEVA FINAL\n\nGENEVA 2024-05-04\n\nIrina Volkov beat Yui Tanaka 6-3 \
                6-4 in Geneva on Saturday. Volkov will face the winner of the other semi-final.";
    check(&p, text, &[("VOLKOV", "PER"), ("GENEVA", "LOC"), ("Irina Volkov", "PER"), ("Geneva", "LOC")]);
    // The headline's name is labelled as the story labels it.
    let found = entities(&p, text);
    let label_of = |t: &str| found.iter().find(|(ft, _)| ft == t).map(|(_, l)| l.clone());
    assert!(label_of("TANAKA").is_some(), "{found:?}");
    assert_eq!(label_of("TANAKA"), label_of("Yui Tanaka"), "{found:?}");
}

#[test]
fn labels_option_filters() {
    let p = pipeline("[[stage]]\nuse = \"entities\"\nlabels = [\"LOC\"]");
    let found = entities(&p, "Angela Merkel visited Paris.");
    assert_eq!(found, vec![("Paris".to_owned(), "LOC".to_owned())]);
    assert!(registry::build("entities", "labels = [\"GPE\"]").is_err(), "unknown label");
    assert!(registry::build("entities", "model = \"/no/such/model.bin\"").is_err(), "missing model file");
    assert!(registry::build("entities", "single_pass = true").is_ok());
}

#[test]
fn never_panics_on_odd_text() {
    let p = pipeline("[[stage]]\nuse = \"entities\"");
    for text in ["", " ", "\n\n\n", "A", "“”", "ÀÉÎ ÕÜ 東京 🎉", &"WORD ".repeat(3000), &"x".repeat(10_000)]
    {
        assert!(p.annotate("t", text).is_ok(), "{text:?}");
    }
}

#[test]
fn gazetteer_policies() {
    let text = "Acme Robotics Labs hired Jo Park in Springfield.";
    let gazetteer = |policy: &str| {
        format!(
            "[[stage]]\nuse = \"gazetteer\"\npolicy = \"{policy}\"\n\
             [[stage.patterns]]\nlabel = \"ORG\"\nphrases = [\"Acme Robotics Labs\", \"Park in Springfield\"]\n\
             [[stage.patterns]]\nlabel = \"PRODUCT\"\nphrases = [\"springfield\"]\ncase_sensitive = false\n"
        )
    };
    // The tagger's entities first, then the gazetteer merged in.
    let tagged = entities(&pipeline("[[stage]]\nuse = \"entities\""), text);
    assert!(tagged.iter().any(|(t, _)| t == "Jo Park"), "{tagged:?}");
    let with =
        |policy: &str| entities(&pipeline(&format!("[[stage]]\nuse = \"entities\"\n{}", gazetteer(policy))), text);

    // overwrite: every match replaces what it overlaps.
    let overwrite = with("overwrite");
    assert!(overwrite.contains(&("Acme Robotics Labs".into(), "ORG".into())), "{overwrite:?}");
    assert!(overwrite.contains(&("Park in Springfield".into(), "ORG".into())), "{overwrite:?}");
    assert!(!overwrite.iter().any(|(t, _)| t == "Jo Park"));
    // fill: a match replaces only entities it covers; `Park in Springfield` cuts `Jo Park`.
    let fill = with("fill");
    assert!(fill.contains(&("Acme Robotics Labs".into(), "ORG".into())), "{fill:?}");
    assert!(fill.iter().any(|(t, _)| t == "Jo Park"), "{fill:?}");
    assert!(!fill.iter().any(|(t, _)| t == "Park in Springfield"));
    // skip: the tagger's entities stay; matches only fill gaps.
    let skip = with("skip");
    assert!(skip.iter().any(|(t, _)| t == "Jo Park"), "{skip:?}");
    for (t, l) in &tagged {
        assert!(skip.contains(&(t.clone(), l.clone())), "skip keeps {t}: {skip:?}");
    }

    // Without a tagger, the gazetteer alone makes the layer.
    let alone = entities(&pipeline(&gazetteer("fill")), text);
    assert_eq!(
        alone,
        vec![("Acme Robotics Labs".to_owned(), "ORG".to_owned()), ("Park in Springfield".to_owned(), "ORG".to_owned()),]
    );
}

#[test]
fn gazetteer_options_are_checked() {
    link();
    assert!(registry::build("gazetteer", "lists = [\"countries\", \"companies\"]").is_ok());
    assert!(registry::build("gazetteer", "lists = [\"planets\"]").is_err());
    assert!(registry::build("gazetteer", "[[patterns]]\nphrases = [\"x\"]").is_err(), "a list needs a label");
    assert!(registry::build("gazetteer", "policy = \"merge\"").is_err());
    assert!(registry::build("gazetteer", "file = \"/no/such/file.tsv\"").is_err());
    let p = pipeline("[[stage]]\nuse = \"gazetteer\"\nlists = [\"countries\"]\ncase_sensitive = false");
    assert_eq!(
        entities(&p, "Talks in FRANCE and germany."),
        vec![("FRANCE".to_owned(), "LOC".to_owned()), ("germany".to_owned(), "LOC".to_owned()),]
    );
}
