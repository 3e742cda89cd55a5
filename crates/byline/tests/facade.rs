//! The facade's promises: every enabled stage is registered, the default
//! pipeline runs exactly the enabled built-in stages in order, and its
//! constructors report pipeline errors with their place.

use byline::{Pipeline, registry};

/// The default pipeline's stages whose family is compiled in, in order.
fn enabled_stages() -> Vec<&'static str> {
    [
        ("paragraphs", cfg!(feature = "segment")),
        ("tokens", cfg!(feature = "segment")),
        ("sentences", cfg!(feature = "segment")),
        ("entities", cfg!(feature = "entities")),
        ("numbers", cfg!(feature = "numbers")),
        ("quotes", cfg!(feature = "quotes")),
    ]
    .into_iter()
    .filter_map(|(name, on)| on.then_some(name))
    .collect()
}

#[test]
fn the_default_pipeline_runs_the_enabled_stages_in_order() {
    let pipeline = Pipeline::default();
    let names: Vec<&str> = pipeline.stages().iter().map(|s| s.name()).collect();
    assert_eq!(names, enabled_stages());
    assert_eq!(pipeline.name(), "default");
}

#[test]
fn every_enabled_stage_is_registered() {
    byline::link_stage_crates();
    let registered: Vec<&str> = registry::registrations().iter().map(|r| r.name).collect();
    for name in enabled_stages() {
        assert!(registered.contains(&name), "{name} is not registered: {registered:?}");
    }
    if cfg!(feature = "entities") {
        assert!(registered.contains(&"gazetteer"));
    }
}

#[cfg(feature = "quotes")]
#[test]
fn annotate_adds_every_layer() {
    let text = "“The bridge opens in May,” said Tomas Berg, who runs the port.\n\nIt cost 40 million euros.";
    let doc = byline::annotate(text).expect("the default pipeline annotates");
    assert_eq!((doc.id.as_str(), doc.text()), (byline::ANNOTATE_ID, text));
    let layers = &doc.layers;
    assert_eq!(layers.paragraphs.as_ref().map(Vec::len), Some(2));
    assert!(layers.sentences.as_ref().is_some_and(|s| s.len() >= 2));
    assert!(layers.tokens.as_ref().is_some_and(|t| !t.is_empty()));
    let entity_texts: Vec<&str> = layers.entities.iter().flatten().map(|e| e.span.text(text)).collect();
    assert!(entity_texts.contains(&"Tomas Berg"), "{entity_texts:?}");
    let money = layers.numbers.iter().flatten().find(|n| n.kind == byline::NumberKind::Money);
    assert_eq!(money.and_then(|n| n.unit.as_deref()), Some("EUR"));
    let quote = layers.quotes.iter().flatten().next().expect("one quote");
    assert_eq!(quote.speaker.map(|s| s.text(text)), Some("Tomas Berg"));
}

#[cfg(not(feature = "quotes"))]
#[test]
fn a_cut_down_default_pipeline_adds_only_its_layers() {
    let pipeline = Pipeline::default();
    let doc = pipeline.annotate("d", "One sentence. Another.").expect("annotates");
    assert!(doc.layers.quotes.is_none());
    assert_eq!(doc.layers.sentences.is_some(), cfg!(feature = "segment"));
}

#[test]
fn pipeline_errors_keep_their_place() {
    let text = "[pipeline]\nname = \"mine\"\n\n[[stage]]\nuse = \"paragrafs\"\n";
    let err = Pipeline::from_toml(text, "mine.toml").expect_err("unknown stage");
    let first = &err.diagnostics[0];
    assert_eq!(first.origin, "mine.toml");
    assert_eq!(first.position.map(|(line, _)| line), Some(5), "{err}");
    assert!(err.to_string().starts_with("mine.toml:5:"), "{err}");
}

#[cfg(feature = "numbers")]
#[test]
fn the_core_pipeline_converts_both_ways() {
    let pipeline = Pipeline::from_toml("[[stage]]\nuse = \"numbers\"\n", "inline").expect("valid");
    let core: byline::byline_core::Pipeline = pipeline.into();
    let back = Pipeline::from(core);
    assert_eq!(back.stages().len(), 1);
}

#[cfg(feature = "numbers")]
#[test]
fn pipelines_build_from_stages_in_code() {
    let stage = registry::build("numbers", "").expect("numbers builds with its defaults");
    let pipeline = Pipeline::from_stages("mine", vec![stage]).expect("valid");
    let doc = pipeline.annotate("d", "It cost $5.").expect("annotates");
    assert_eq!(doc.layers.numbers.map(|n| n.len()), Some(1));
}
