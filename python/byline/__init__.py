"""byline for Python: paragraphs, sentences, tokens, named entities, numbers
with exact values and quotations with their speakers in English news text.

>>> import byline
>>> nlp = byline.Pipeline()
>>> doc = nlp("“It will open in May,” said Tomas Berg. It cost $4.5 million.")
>>> [(q.text, q.speaker.text) for q in doc.quotes]
[('“It will open in May,”', 'Tomas Berg')]
>>> [(n.text, n.value, n.unit) for n in doc.numbers]
[('$4.5 million', 4500000, 'USD')]

Every annotation has ``.start`` and ``.end`` as Python string offsets into
``doc.text`` (``doc.text[a.start:a.end] == a.text``). ``doc.to_json()`` is
exactly the line ``byline run`` writes for the same input.
"""

from __future__ import annotations

import json
from decimal import Decimal
from itertools import islice
from os import PathLike, fspath
from typing import Any, Dict, Iterable, Iterator, List, Mapping, NamedTuple, Optional, Tuple, Union

from . import _byline

__all__ = [
    "DEFAULT_PIPELINE",
    "Annotation",
    "Doc",
    "Entity",
    "Number",
    "Pipeline",
    "PipelineError",
    "Problem",
    "Quote",
    "RecordError",
    "Span",
    "StageInfo",
    "StageOption",
    "stages",
]

#: The default pipeline's TOML: copy it to start a pipeline of your own.
DEFAULT_PIPELINE: str = _byline.DEFAULT_PIPELINE

# Record kinds of the native module's (kind, id, payload) tuples.
_TEXT, _JSON, _BAD = 0, 1, 2


class Problem(NamedTuple):
    """One problem in a pipeline spec, at its place in the file."""

    file: str
    """The file the spec came from (``<string>`` for TOML text)."""
    line: Optional[int]
    """1-based line, when the problem has a place."""
    column: Optional[int]
    """1-based column (in characters), when the problem has a place."""
    message: str
    """What is wrong and what to do."""

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class PipelineError(ValueError):
    """A pipeline could not be built. ``problems`` lists every problem found
    (TOML syntax, unknown stages or options, unmet layer needs), each with
    its file, line and column; ``str(error)`` shows them one per line."""

    problems: List[Problem]

    def __init__(self, message: str, problems: List[Problem]) -> None:
        super().__init__(message)
        self.problems = problems


class RecordError(ValueError):
    """A record could not be annotated: it was not a text or a dict with a
    string ``text``, or a stage failed on it. ``id`` names the record."""

    id: str
    error: str

    def __init__(self, id: str, error: str) -> None:
        super().__init__(f"{id}: {error}")
        self.id = id
        self.error = error


def _build(make: Any, *args: Any) -> Any:
    """Calls a native pipeline constructor, raising :class:`PipelineError`."""
    try:
        return make(*args)
    except _byline.NativePipelineError as e:
        message, problems = e.args
        raise PipelineError(message, [Problem(*p) for p in problems]) from None


class StageOption(NamedTuple):
    """One option of a stage, as its pipeline table takes it."""

    name: str
    """The key in the stage's table."""
    type: str
    """The TOML type, e.g. ``string``, ``array of strings``, ``boolean``."""
    default: Optional[str]
    """The default, written as TOML, when there is one."""
    doc: str
    """What the option does."""


class StageInfo(NamedTuple):
    """A registered stage: what ``byline stages`` prints."""

    name: str
    """The name pipelines use (``use = "name"``)."""
    summary: str
    """One line saying what the stage finds."""
    needs: List[str]
    """Layers earlier stages must add."""
    adds: List[str]
    """Layers the stage adds."""
    options: List[StageOption]
    """The stage's options, in declaration order."""


def stages() -> List[StageInfo]:
    """Every stage this build of byline registers, sorted by name."""
    return [
        StageInfo(name, summary, needs, adds, [StageOption(*o) for o in options])
        for name, summary, needs, adds, options in _byline.stages()
    ]


class Span:
    """A stretch of the document's text: ``doc.text[start:end] == text``."""

    __slots__ = ("start", "end", "text")
    _fields: Tuple[str, ...] = ("start", "end", "text")

    start: int
    """Where it starts, in characters (Python string offsets)."""
    end: int
    """Where it ends (exclusive), in characters."""
    text: str
    """The text it covers."""

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text

    def _values(self) -> Tuple[Any, ...]:
        return tuple(getattr(self, f) for f in self._fields)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.start, self.end))

    def __repr__(self) -> str:
        fields = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields)
        return f"{type(self).__name__}({fields})"


def _span(item: Optional[Mapping[str, Any]]) -> Optional[Span]:
    return None if item is None else Span(item["start"], item["end"], item["text"])


class Entity(Span):
    """A named entity mention."""

    __slots__ = ("label",)
    _fields = Span._fields + ("label",)

    label: str
    """``PER``, ``ORG``, ``LOC``, ``MISC``, or a gazetteer label of yours."""

    def __init__(self, start: int, end: int, text: str, label: str) -> None:
        super().__init__(start, end, text)
        self.label = label


Value = Union[int, Decimal]
"""An exact number: an ``int`` when integral, else a ``decimal.Decimal``."""


def _exact(value: Optional[str]) -> Optional[Value]:
    if value is None:
        return None
    d = Decimal(value)
    return int(d) if d == d.to_integral_value() else d


class Number(Span):
    """A number with its exact value: a single ``value``, or a range with
    ``min`` and/or ``max``."""

    __slots__ = ("kind", "value", "min", "max", "unit", "qualifier")
    _fields = Span._fields + ("kind", "value", "min", "max", "unit", "qualifier")

    kind: str
    """``cardinal``, ``ordinal``, ``percent``, ``money`` or ``quantity``."""
    value: Optional[Value]
    """The exact value of a single number (``int`` or ``Decimal``)."""
    min: Optional[Value]
    """The lower bound of a range."""
    max: Optional[Value]
    """The upper bound of a range."""
    unit: Optional[str]
    """An ISO 4217 code for money; a unit name (``kilometer``) for a quantity."""
    qualifier: Optional[str]
    """``approximately``, ``more_than``, ``less_than``, ``at_least``, ``at_most`` or ``up_to``."""

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        kind: str,
        value: Optional[Value] = None,
        min: Optional[Value] = None,
        max: Optional[Value] = None,
        unit: Optional[str] = None,
        qualifier: Optional[str] = None,
    ) -> None:
        super().__init__(start, end, text)
        self.kind = kind
        self.value = value
        self.min = min
        self.max = max
        self.unit = unit
        self.qualifier = qualifier


class Quote(Span):
    """A quotation and, when found, who said it."""

    __slots__ = ("direct", "speaker", "cue", "resolved")
    _fields = Span._fields + ("direct", "speaker", "cue", "resolved")

    direct: bool
    """True for words inside quote marks; False for reported speech."""
    speaker: Optional[Span]
    """The mention it is attributed to: a name, description or pronoun."""
    cue: Optional[Span]
    """The attributing word(s): ``said``, ``told``, ``according to``."""
    resolved: Optional[Span]
    """The named mention a pronoun or description speaker refers to."""

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        direct: bool,
        speaker: Optional[Span] = None,
        cue: Optional[Span] = None,
        resolved: Optional[Span] = None,
    ) -> None:
        super().__init__(start, end, text)
        self.direct = direct
        self.speaker = speaker
        self.cue = cue
        self.resolved = resolved


class Annotation(Span):
    """An annotation of a custom layer (added by a stage outside byline):
    its span and its attributes, readable as ``a.attrs["key"]``, ``a["key"]``
    or ``a.key``."""

    __slots__ = ("attrs",)
    _fields = Span._fields + ("attrs",)

    attrs: Dict[str, Any]
    """The attributes written beside ``start``, ``end`` and ``text``."""

    def __init__(self, start: int, end: int, text: str, attrs: Optional[Dict[str, Any]] = None) -> None:
        super().__init__(start, end, text)
        self.attrs = attrs or {}

    def __getitem__(self, key: str) -> Any:
        return self.attrs[key]

    def __getattr__(self, name: str) -> Any:
        # Only called for names that are not slots: look in the attributes.
        try:
            return self.attrs[name]
        except KeyError:
            raise AttributeError(name) from None


def _layer(name: str, items: List[Dict[str, Any]], exact: List[Tuple[Optional[str], ...]]) -> List[Span]:
    """One layer of a document's JSON as annotation objects."""
    if name in ("paragraphs", "sentences", "tokens"):
        return [Span(i["start"], i["end"], i["text"]) for i in items]
    if name == "entities":
        return [Entity(i["start"], i["end"], i["text"], i["label"]) for i in items]
    if name == "numbers":
        return [
            Number(
                i["start"], i["end"], i["text"], i["kind"],
                _exact(value), _exact(low), _exact(high), i.get("unit"), i.get("qualifier"),
            )
            for i, (value, low, high) in zip(items, exact)
        ]  # fmt: skip
    if name == "quotes":
        return [
            Quote(i["start"], i["end"], i["text"], i["direct"], _span(i["speaker"]), _span(i["cue"]), _span(i["resolved"]))
            for i in items
        ]
    fixed = ("start", "end", "text")
    return [Annotation(i["start"], i["end"], i["text"], {k: v for k, v in i.items() if k not in fixed}) for i in items]


class Doc:
    """An annotated document: its ``id``, its unchanged ``text`` and one list
    of annotations per layer. A record that failed (``pipe(...,
    errors="record")``) has ``error`` set and no layers."""

    __slots__ = ("id", "text", "error", "_json", "_exact", "_layer_names", "_layers")

    id: str
    """The document's id."""
    text: str
    """The original text, never changed."""
    error: Optional[str]
    """Why the record failed, or None."""

    def __init__(
        self,
        id: str,
        text: str,
        json_bytes: bytes,
        exact: List[Tuple[Optional[str], ...]],
        error: Optional[str],
        layer_names: List[str],
    ) -> None:
        self.id = id
        self.text = text
        self.error = error
        self._json = json_bytes
        self._exact = exact
        self._layer_names = layer_names
        self._layers: Optional[Dict[str, List[Any]]] = None

    def to_json(self) -> str:
        """The document as one line of JSON, exactly as ``byline run``
        writes it (without the newline); ``{"id", "error"}`` for a failed
        record."""
        return self._json.decode("utf-8")

    def to_dict(self) -> Dict[str, Any]:
        """``json.loads(doc.to_json())``: a new dict on each call."""
        result: Dict[str, Any] = json.loads(self._json)
        return result

    @property
    def layers(self) -> Dict[str, List[Any]]:
        """Every layer the pipeline added, by name (custom ones too), in
        output order; an empty dict for a failed record."""
        if self._layers is None:
            data = self.to_dict() if self.error is None else {}
            self._layers = {
                name: _layer(name, data[name], self._exact) for name in _output_order(self._layer_names) if name in data
            }
        return self._layers

    def _get(self, name: str) -> List[Any]:
        return self.layers.get(name, [])

    @property
    def paragraphs(self) -> List[Span]:
        """Paragraphs, in order (empty if no stage added them)."""
        return self._get("paragraphs")

    @property
    def sentences(self) -> List[Span]:
        """Sentences, in order, never crossing a paragraph."""
        return self._get("sentences")

    @property
    def tokens(self) -> List[Span]:
        """Word tokens, in order."""
        return self._get("tokens")

    @property
    def entities(self) -> List[Entity]:
        """Named entities, in order."""
        return self._get("entities")

    @property
    def numbers(self) -> List[Number]:
        """Numbers with their exact values, in order."""
        return self._get("numbers")

    @property
    def quotes(self) -> List[Quote]:
        """Quotations with speaker, cue and resolved name, in order."""
        return self._get("quotes")

    def __repr__(self) -> str:
        text = self.text if len(self.text) <= 40 else self.text[:39] + "…"
        error = f", error={self.error!r}" if self.error is not None else ""
        return f"Doc(id={self.id!r}, text={text!r}{error})"


_STANDARD = ("paragraphs", "sentences", "tokens", "entities", "numbers", "quotes")


def _output_order(names: List[str]) -> List[str]:
    """Layer names in the order the JSON writes them: standard, then custom."""
    return [n for n in _STANDARD if n in names] + [n for n in names if n not in _STANDARD]


def _record(item: Any, position: int) -> Tuple[Tuple[int, str, str], str]:
    """A pipe item as a native ``(kind, id, payload)`` record and its text."""
    fallback = str(position)
    if isinstance(item, str):
        return (_TEXT, fallback, item), item
    if isinstance(item, Mapping):
        text = item.get("text")
        try:
            line = json.dumps(dict(item), ensure_ascii=False)
        except (TypeError, ValueError) as e:
            return (_BAD, str(item.get("id", fallback)), f"the record is not JSON: {e}"), ""
        return (_JSON, fallback, line), text if isinstance(text, str) else ""
    message = f'a record must be a str or a dict with a string "text", not {type(item).__name__}'
    return (_BAD, fallback, message), ""


class Pipeline:
    """A validated byline pipeline. ``Pipeline()`` is the default one
    (:data:`DEFAULT_PIPELINE`); :meth:`from_toml` loads your own. Calling it
    annotates a text; :meth:`pipe` annotates many in parallel. The GIL is
    released while annotating, so other Python threads keep running."""

    __slots__ = ("_native", "_layer_names")

    def __init__(self) -> None:
        self._set(_build(_byline.NativePipeline.default_pipeline))

    def _set(self, native: Any) -> None:
        self._native = native
        self._layer_names: List[str] = native.layer_names

    @classmethod
    def from_toml(cls, path_or_text: Union[str, "PathLike[str]"]) -> "Pipeline":
        """A pipeline from a TOML file (a path) or from TOML text.

        A ``str`` holding a newline or ``=``, or starting with ``[``, is read
        as TOML text (its problems are reported under ``<string>``); any
        other ``str`` or ``os.PathLike`` is a file path. Raises
        :class:`PipelineError` listing every problem with its line and column.
        """
        pipeline = cls.__new__(cls)
        if isinstance(path_or_text, str) and (
            "\n" in path_or_text or "=" in path_or_text or path_or_text.lstrip().startswith("[")
        ):
            pipeline._set(_build(_byline.NativePipeline.from_toml, path_or_text, "<string>"))
        else:
            pipeline._set(_build(_byline.NativePipeline.from_file, fspath(path_or_text)))
        return pipeline

    @property
    def name(self) -> str:
        """The pipeline's name (``[pipeline] name``)."""
        name: str = self._native.name
        return name

    @property
    def stages(self) -> List[str]:
        """Its stages' names, in order."""
        names: List[str] = self._native.stage_names
        return names

    @property
    def layers(self) -> List[str]:
        """The layers its stages add, in order."""
        return list(self._layer_names)

    def _doc(self, output: Tuple[str, bytes, List[Tuple[Optional[str], ...]], Optional[str]], text: str) -> Doc:
        id, json_bytes, exact, error = output
        return Doc(id, text, json_bytes, exact, error, self._layer_names)

    def __call__(self, text: str, id: str = "doc") -> Doc:
        """Annotates one text. Raises :class:`RecordError` if a stage fails."""
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        doc = self._doc(self._native.annotate((_TEXT, str(id), text)), text)
        if doc.error is not None:
            raise RecordError(doc.id, doc.error)
        return doc

    def pipe(
        self,
        records: Iterable[Union[str, Mapping[str, Any]]],
        threads: Optional[int] = None,
        batch_size: int = 512,
        errors: str = "raise",
    ) -> Iterator[Doc]:
        """Annotates many records, yielding a :class:`Doc` for each in input order.

        A record is a text or a dict with a string ``text`` and optionally an
        ``id`` (other fields pass through to ``to_json()``, as ``byline
        run`` does); a record without an id is named by its position (``"0"``,
        ``"1"``, ...). Records are read ``batch_size`` at a time and each
        batch is annotated on ``threads`` worker threads (default: one per
        core) with the GIL released, so memory stays flat on any number of
        records. A bad record raises :class:`RecordError` when it is reached;
        with ``errors="record"`` it yields a ``Doc`` whose ``error`` is set.
        """
        if errors not in ("raise", "record"):
            raise ValueError(f'errors must be "raise" or "record", not {errors!r}')
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if threads is not None and threads < 1:
            raise ValueError("threads must be at least 1")
        return self._pipe(iter(records), threads, batch_size, errors == "raise")

    def _pipe(self, records: Iterator[Any], threads: Optional[int], batch_size: int, raise_errors: bool) -> Iterator[Doc]:
        pool = _byline.ThreadPool(threads) if threads is not None else None
        position = 0
        while True:
            batch = [_record(item, position + i) for i, item in enumerate(islice(records, batch_size))]
            if not batch:
                return
            position += len(batch)
            outputs = self._native.annotate_batch([record for record, _ in batch], pool)
            for output, (_, text) in zip(outputs, batch):
                doc = self._doc(output, text)
                if doc.error is not None and raise_errors:
                    raise RecordError(doc.id, doc.error)
                yield doc

    def __repr__(self) -> str:
        return f"Pipeline(name={self.name!r}, stages={self.stages!r})"
