"""Docs and annotations: every layer and field, exact values, Python
character offsets on non-ASCII text, and the JSON forms."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import byline

STORY = (
    "Port Deal Signed\n\n"
    "“The bridge opens in May,” said Tomas Berg, who runs the port of Kalmar.\n\n"
    "The project cost about 40 million euros, and tolls will rise 2.5% to $3.75."
)


@pytest.fixture(scope="module")
def doc(nlp: byline.Pipeline) -> byline.Doc:
    return nlp(STORY, id="port-1")


def spans_of(doc: byline.Doc) -> list:
    """Every span in every layer, quotes' speaker, cue and resolved too."""
    spans = []
    for items in doc.layers.values():
        for a in items:
            spans.append(a)
            if isinstance(a, byline.Quote):
                spans += [s for s in (a.speaker, a.cue, a.resolved) if s is not None]
    return spans


def test_a_doc_has_its_id_text_and_every_layer(doc: byline.Doc) -> None:
    assert (doc.id, doc.text, doc.error) == ("port-1", STORY, None)
    assert list(doc.layers) == ["paragraphs", "sentences", "tokens", "entities", "numbers", "quotes"]
    assert [p.text for p in doc.paragraphs][0] == "Port Deal Signed"
    assert len(doc.paragraphs) == 3
    assert [s.text for s in doc.sentences][1:] == [p.text for p in doc.paragraphs][1:]
    assert [t.text for t in doc.tokens][:3] == ["Port", "Deal", "Signed"]
    assert all(type(s) is byline.Span for s in doc.paragraphs + doc.sentences + doc.tokens)
    assert doc.layers["tokens"] is doc.layers["tokens"], "layers are built once"
    assert repr(doc).startswith("Doc(id='port-1', text='Port Deal Signed")


def test_every_span_indexes_the_python_string(doc: byline.Doc) -> None:
    for span in spans_of(doc):
        assert doc.text[span.start : span.end] == span.text, span


def test_entities_have_labels(doc: byline.Doc) -> None:
    found = {(e.text, e.label) for e in doc.entities}
    assert ("Tomas Berg", "PER") in found
    assert all(isinstance(e, byline.Entity) for e in doc.entities)


def test_numbers_have_exact_values(doc: byline.Doc) -> None:
    by_text = {n.text: n for n in doc.numbers}
    euros = by_text["about 40 million euros"]
    assert (euros.kind, euros.value, euros.unit, euros.qualifier) == ("money", 40_000_000, "EUR", "approximately")
    assert type(euros.value) is int
    percent = by_text["2.5%"]
    assert (percent.kind, percent.value) == ("percent", Decimal("2.5"))
    assert type(percent.value) is Decimal
    dollars = by_text["$3.75"]
    assert (dollars.value, dollars.unit, dollars.min, dollars.max) == (Decimal("3.75"), "USD", None, None)


def test_ranges_have_min_and_max(nlp: byline.Pipeline) -> None:
    (number,) = [n for n in nlp("Temperatures will reach 20 to 25 degrees.").numbers if n.min is not None]
    assert (number.min, number.max, number.value) == (20, 25, None)


def test_quotes_have_speaker_and_cue_as_spans(doc: byline.Doc) -> None:
    (quote,) = doc.quotes
    assert quote.text == "“The bridge opens in May,”"
    assert quote.direct is True
    assert quote.speaker == byline.Span(STORY.index("Tomas Berg"), STORY.index("Tomas Berg") + 10, "Tomas Berg")
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.resolved is None


def test_pronoun_speakers_resolve_to_a_name(nlp: byline.Pipeline) -> None:
    text = "Mayor Lena Holm spoke on Monday. “We are ready,” she said."
    (quote,) = nlp(text).quotes
    assert quote.speaker is not None and quote.speaker.text == "she"
    assert quote.resolved is not None and quote.resolved.text.endswith("Lena Holm")


NON_ASCII = [
    "Renée Åström said the café in Zürich raised €4.5 million. “Ça va,” she said.",
    "東京 — Officials in Tokyo said 30% of the 1,200 homes were hit.",
    "😀 Emoji first: Dr. Priya Raman said 😀 “we’re fine” 😀 and paid $20.",
    "Line one\r\nLine two has Jürgen Klopp and 12 km.\r\n",
]


@pytest.mark.parametrize("text", NON_ASCII)
def test_non_ascii_offsets_are_python_offsets(nlp: byline.Pipeline, text: str) -> None:
    doc = nlp(text)
    spans = spans_of(doc)
    assert len(spans) > 5
    for span in spans:
        assert text[span.start : span.end] == span.text, span
    assert doc.to_dict()["text"] == text


def test_a_non_ascii_entity_and_number_in_characters(nlp: byline.Pipeline) -> None:
    text = "😀😀 Jürgen Klopp paid €4.50."
    doc = nlp(text)
    klopp = next(e for e in doc.entities if e.text == "Jürgen Klopp")
    assert (klopp.start, klopp.end) == (3, 15)
    money = next(n for n in doc.numbers if n.kind == "money")
    assert (money.start, money.end, money.value, money.unit) == (21, 26, Decimal("4.5"), "EUR")


def test_to_json_and_to_dict_agree(doc: byline.Doc) -> None:
    data = doc.to_dict()
    assert json.loads(doc.to_json()) == data
    assert "\n" not in doc.to_json()
    assert list(data) == ["id", "text", "paragraphs", "sentences", "tokens", "entities", "numbers", "quotes"]
    assert data["quotes"][0]["speaker"]["text"] == "Tomas Berg"
    data["id"] = "changed"
    assert doc.to_dict()["id"] == "port-1", "to_dict returns a new dict"


def test_call_takes_only_text(nlp: byline.Pipeline) -> None:
    assert nlp("").tokens == [] and nlp("").id == "doc"
    with pytest.raises(TypeError):
        nlp(b"bytes")  # type: ignore[arg-type]


def test_custom_layers_become_annotations() -> None:
    # No built-in stage adds a custom layer, so this checks the conversion
    # a third-party stage's layer goes through, on its JSON form.
    items = [{"start": 0, "end": 5, "text": "MIAMI", "place": "MIAMI", "agency": "AP"}]
    (a,) = byline._layer("datelines", items, [])
    assert isinstance(a, byline.Annotation)
    assert (a.start, a.end, a.text, a.attrs) == (0, 5, "MIAMI", {"place": "MIAMI", "agency": "AP"})
    assert a["agency"] == a.agency == "AP"
    with pytest.raises(AttributeError):
        a.missing  # noqa: B018
    assert a == byline.Annotation(0, 5, "MIAMI", {"place": "MIAMI", "agency": "AP"})
    assert "agency" in repr(a)


def test_annotations_compare_by_value() -> None:
    assert byline.Span(0, 1, "a") == byline.Span(0, 1, "a")
    assert byline.Span(0, 1, "a") != byline.Entity(0, 1, "a", "PER")
    assert len({byline.Span(0, 1, "a"), byline.Span(0, 1, "a")}) == 1
    assert repr(byline.Entity(0, 1, "a", "PER")) == "Entity(start=0, end=1, text='a', label='PER')"
