//! Training smoke test on a tiny CoNLL file written for this test: the
//! perceptron's loss goes down, tags come out, a seed gives the same model,
//! and the model file reads back.

use byline_entities::Model;
use byline_entities::conll::read_conll;
use byline_entities::train::{TrainEvent, TrainOptions, evaluate, train};

/// Six short documents in IOB1 (the second in IOB2), made up for this test.
const TRAIN: &str = "\
-DOCSTART- -X- O O

Maria NNP I-PER
Lopez NNP I-PER
visited VBD O
Lisbon NNP I-LOC
on IN O
Monday NNP O
. . O

Acme NNP I-ORG
Corp NNP I-ORG
opened VBD O
an DT O
office NN O
in IN O
Lisbon NNP I-LOC
. . O

-DOCSTART- -X- O O

Peter B-PER
Novak I-PER
joined O
Acme B-ORG
Corp I-ORG
in O
Prague B-LOC
. O

-DOCSTART- -X- O O

The DT O
Brazilian JJ I-MISC
team NN O
met VBD O
Maria NNP I-PER
Lopez NNP I-PER
in IN O
Prague NNP I-LOC
. . O

-DOCSTART- -X- O O

Globex NNP I-ORG
hired VBD O
Peter NNP I-PER
Novak NNP I-PER
. . O

-DOCSTART- -X- O O

Lisbon NNP I-LOC
beat VBD O
Prague NNP I-LOC
in IN O
the DT O
Brazilian JJ I-MISC
cup NN O
. . O

-DOCSTART- -X- O O

Maria NNP I-PER
said VBD O
Globex NNP I-ORG
will MD O
grow VB O
. . O
";

fn options(seed: u64) -> TrainOptions {
    TrainOptions { epochs: 8, patience: 8, seed, folds: 2, ..TrainOptions::default() }
}

#[test]
fn loss_goes_down_and_tags_come_out() {
    let docs = read_conll(TRAIN).expect("valid CoNLL");
    let mut mistakes = Vec::new();
    let model = train(&docs, &docs, &options(3), &mut |e| {
        if let TrainEvent::Epoch { pass, mistakes: m, .. } = e {
            if pass == "first" {
                mistakes.push(*m);
            }
        }
    })
    .expect("trains");
    assert!(mistakes.len() >= 2, "{mistakes:?}");
    assert!(mistakes[mistakes.len() - 1] < mistakes[0], "the loss goes down: {mistakes:?}");
    assert_eq!(model.tagset.labels(), ["PER", "ORG", "LOC", "MISC"]);

    // The training data is learned.
    let (overall, _) = evaluate(&model, &docs);
    assert!(overall.f1 >= 90.0, "training F1 {}", overall.f1);
    let spans = model.tag(&[vec!["Peter", "Novak", "visited", "Lisbon", "."]]);
    let labels: Vec<&str> = spans.iter().map(|s| model.tagset.labels()[s.label].as_str()).collect();
    assert_eq!(labels, ["PER", "LOC"]);

    // The file round trip keeps every weight.
    let bytes = model.to_bytes();
    let back = Model::from_bytes(&bytes).expect("reads back");
    assert_eq!(back.to_bytes(), bytes);
    assert!(Model::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    assert!(Model::from_bytes(b"not a model").is_err());
}

#[test]
fn a_seed_gives_the_same_model() {
    let docs = read_conll(TRAIN).expect("valid CoNLL");
    let quiet = &mut |_: &TrainEvent| {};
    let a = train(&docs, &[], &options(7), quiet).expect("trains").to_bytes();
    let b = train(&docs, &[], &options(7), quiet).expect("trains").to_bytes();
    assert_eq!(a, b);
}

#[test]
fn no_entities_is_an_error() {
    let docs = read_conll("a O\nb O\n").expect("valid CoNLL");
    assert!(train(&docs, &[], &options(1), &mut |_| {}).is_err());
}
