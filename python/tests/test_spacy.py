"""The spaCy bridge, where spaCy is installed (no model needed)."""

from __future__ import annotations

import pytest

import byline

spacy = pytest.importorskip("spacy")
from byline.spacy import to_doc  # noqa: E402

TEXT = "FILE PHOTO\n\n“We will rebuild,”  said Mayor Ana Ruiz of Lisbon. Costs rose 4% to €2 million.\n"


@pytest.fixture(scope="module")
def pair(nlp: byline.Pipeline) -> tuple:
    ours = nlp(TEXT)
    return ours, to_doc(ours, spacy.blank("en").vocab)


def test_the_text_and_tokens_survive(pair: tuple) -> None:
    ours, theirs = pair
    assert theirs.text == TEXT
    words = [t.text for t in theirs if not t.is_space]
    assert words == [t.text for t in ours.tokens]


def test_sentences_entities_numbers_and_quotes(pair: tuple) -> None:
    ours, theirs = pair
    assert [s.text.strip() for s in theirs.sents] == [s.text for s in ours.sentences]
    assert [(e.text, e.label_) for e in theirs.ents] == [(e.text, e.label) for e in ours.entities]
    assert [(s.text, s.label_) for s in theirs.spans["numbers"]] == [(n.text, n.kind) for n in ours.numbers]
    assert [s.text for s in theirs.spans["quotes"]] == [q.text for q in ours.quotes]
    assert [s.text for s in theirs.spans["speakers"]] == [q.speaker.text for q in ours.quotes if q.speaker]


def test_a_doc_without_tokens_is_refused() -> None:
    nlp = byline.Pipeline.from_toml('[[stage]]\nuse = "paragraphs"\n')
    with pytest.raises(ValueError):
        to_doc(nlp("Just paragraphs."), spacy.blank("en").vocab)
