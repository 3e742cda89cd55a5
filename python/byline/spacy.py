"""A bridge to spaCy: byline's annotations as a spaCy ``Doc``.

``to_doc(doc, vocab)`` gives a spaCy ``Doc`` with byline's tokens (the text
is kept exactly: whitespace between tokens becomes spaCy's trailing spaces
and whitespace tokens), its sentences (``doc.sents``), its entities
(``doc.ents``, so displaCy shows them), and its numbers and quotes as
``doc.spans["numbers"]`` (labelled by kind) and ``doc.spans["quotes"]``
(labelled ``direct`` or ``reported``), with the quotes' speakers and cues in
``doc.spans["speakers"]`` and ``doc.spans["cues"]``.

Needs spaCy (``pip install ./python[spacy]``); no spaCy model is needed:
``spacy.blank("en").vocab`` will do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional

if TYPE_CHECKING:  # pragma: no cover
    import byline

__all__ = ["to_doc"]


def to_doc(doc: "byline.Doc", vocab: Any) -> Any:
    """byline's ``doc`` as a ``spacy.tokens.Doc`` over ``vocab``.

    The pipeline must have added tokens. Raises ``ImportError`` without
    spaCy and ``ValueError`` for a failed record or a document without tokens.
    """
    from spacy.tokens import Doc as SpacyDoc
    from spacy.util import filter_spans

    if doc.error is not None:
        raise ValueError(f"document {doc.id!r} failed: {doc.error}")
    if "tokens" not in doc.layers:
        raise ValueError("the pipeline added no tokens; add the `tokens` stage")
    text = doc.text
    sentence_starts = {s.start for s in doc.sentences}
    words: List[str] = []
    spaces: List[bool] = []
    starts: List[Any] = []  # True, False, or None (unknown) per token

    def gap(start: int, end: int) -> None:
        # Text between two tokens: one space trails the previous token;
        # anything else becomes a token of its own, as spaCy does.
        if start == end:
            return
        if words and text[start] == " " and not spaces[-1]:
            spaces[-1] = True
            start += 1
        if start < end:
            words.append(text[start:end])
            spaces.append(False)
            starts.append(False if doc.sentences else None)

    at = 0
    for token in doc.tokens:
        gap(at, token.start)
        words.append(token.text)
        spaces.append(False)
        starts.append(token.start in sentence_starts if doc.sentences else None)
        at = token.end
    gap(at, len(text))
    if starts and starts[0] is False:
        starts[0] = True  # spaCy's first token always starts a sentence
    result = SpacyDoc(vocab, words=words, spaces=spaces, sent_starts=starts if doc.sentences else None)

    def span(start: int, end: int, label: str) -> Any:
        return result.char_span(start, end, label=label, alignment_mode="expand")

    result.ents = filter_spans([s for s in (span(e.start, e.end, e.label) for e in doc.entities) if s is not None])
    groups: Dict[str, List[Any]] = {
        "numbers": [span(n.start, n.end, n.kind) for n in doc.numbers],
        "quotes": [span(q.start, q.end, "direct" if q.direct else "reported") for q in doc.quotes],
        "speakers": [span(q.speaker.start, q.speaker.end, "speaker") for q in doc.quotes if q.speaker],
        "cues": [span(q.cue.start, q.cue.end, "cue") for q in doc.quotes if q.cue],
    }
    for name, spans in groups.items():
        result.spans[name] = [s for s in spans if s is not None]
    return result
