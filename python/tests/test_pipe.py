"""pipe: input order, ids, dicts and strings, threads, errors, streaming
with bounded memory, and the GIL released while annotating."""

from __future__ import annotations

import threading
import time
from typing import Iterator, List

import pytest

import byline


def test_pipe_keeps_input_order_and_names_records_by_position(nlp: byline.Pipeline) -> None:
    texts = [f"Item {i} cost ${i}." for i in range(50)]
    docs = list(nlp.pipe(texts, batch_size=7))
    assert [d.id for d in docs] == [str(i) for i in range(50)]
    assert [d.text for d in docs] == texts
    assert [d.numbers[-1].value for d in docs] == list(range(50))


def test_pipe_takes_dicts_and_strings(nlp: byline.Pipeline) -> None:
    records = [{"id": "a", "text": "One."}, "Two.", {"id": 7, "text": "Three."}, {"text": "Four."}]
    docs = list(nlp.pipe(records))
    assert [(d.id, d.text) for d in docs] == [("a", "One."), ("1", "Two."), ("7", "Three."), ("3", "Four.")]
    # An integer id is written back as that integer, as `byline run` writes it.
    assert docs[2].to_dict()["id"] == 7


@pytest.mark.parametrize("threads", [None, 1, 3])
def test_threads_do_not_change_the_output(nlp: byline.Pipeline, threads: object) -> None:
    texts = [f"“Rates rose {i}%,” said Ana Ruiz of Lisbon." for i in range(40)]
    expected = [nlp(t, id=str(i)).to_json() for i, t in enumerate(texts)]
    assert [d.to_json() for d in nlp.pipe(texts, threads=threads, batch_size=16)] == expected  # type: ignore[arg-type]


BAD = [{"id": "x", "title": "no text"}, {"id": "y", "text": 5}, 42, None, {"id": "z", "text": "ok", "when": object()}]


@pytest.mark.parametrize("bad", BAD)
def test_a_bad_record_raises_when_reached(nlp: byline.Pipeline, bad: object) -> None:
    docs = nlp.pipe(["Fine.", bad, "Never reached."])  # type: ignore[list-item]
    assert next(docs).text == "Fine."
    with pytest.raises(byline.RecordError) as caught:
        next(docs)
    assert caught.value.error and caught.value.id


def test_errors_record_yields_a_doc_with_its_error(nlp: byline.Pipeline) -> None:
    records = ["Fine.", {"id": "x", "title": "no text"}, 42, "Also fine."]
    docs = list(nlp.pipe(records, errors="record"))  # type: ignore[arg-type]
    assert [d.error is None for d in docs] == [True, False, False, True]
    missing, wrong_type = docs[1], docs[2]
    # A record without text keeps its own id, as in `byline run`.
    assert missing.id == "x" and "text" in (missing.error or "")
    assert missing.to_dict() == {"id": "x", "error": missing.error}
    assert missing.layers == {} and missing.tokens == []
    assert wrong_type.id == "2" and "int" in (wrong_type.error or "")
    assert "error=" in repr(missing)


def test_text_that_is_not_unicode_is_a_bad_record(nlp: byline.Pipeline) -> None:
    (doc,) = nlp.pipe(["lone surrogate \ud800 here"], errors="record")
    assert doc.error is not None


def test_pipe_checks_its_arguments_at_once(nlp: byline.Pipeline) -> None:
    for kwargs in ({"errors": "ignore"}, {"batch_size": 0}, {"threads": 0}):
        with pytest.raises(ValueError):
            nlp.pipe(["x"], **kwargs)  # type: ignore[arg-type]


def test_pipe_streams_100000_texts_in_order_with_bounded_read_ahead(nlp: byline.Pipeline) -> None:
    total, batch_size = 100_000, 1000
    produced = 0

    def texts() -> Iterator[str]:
        nonlocal produced
        for i in range(total):
            produced += 1
            yield f"Story {i}: Ana Ruiz paid {i} dollars."

    seen = 0
    most_ahead = 0
    for doc in nlp.pipe(texts(), threads=2, batch_size=batch_size):
        assert doc.id == str(seen)
        assert doc.text == f"Story {seen}: Ana Ruiz paid {seen} dollars."
        seen += 1
        most_ahead = max(most_ahead, produced - seen)
    assert seen == total
    # Never more than one batch read ahead of what was yielded: memory is
    # bounded by batch_size, not by the input's length.
    assert most_ahead < batch_size


def test_the_gil_is_released_while_annotating(nlp: byline.Pipeline) -> None:
    long_text = "“We will rebuild,” Mayor Ana Ruiz said on Monday, as costs rose 4%. " * 4000
    ticks: List[float] = []
    stop = threading.Event()

    def ticker() -> None:
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    thread = threading.Thread(target=ticker)
    thread.start()
    try:
        time.sleep(0.01)
        start = time.perf_counter()
        nlp(long_text)
        end = time.perf_counter()
    finally:
        stop.set()
        thread.join()
    during = [t for t in ticks if start < t < end]
    # Held GIL: the ticker could not run at all while Rust annotates.
    assert end - start > 0.05, "the text should take a while to annotate"
    assert len(during) >= 5, (len(during), end - start)
