"""Building pipelines: the default one, TOML files and text, the stage
registry, and errors with their file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

import byline

BUILT_IN = ["paragraphs", "tokens", "sentences", "entities", "numbers", "quotes"]


def test_the_default_pipeline_runs_every_built_in_stage(nlp: byline.Pipeline) -> None:
    assert nlp.name == "default"
    assert nlp.stages == BUILT_IN
    assert nlp.layers == BUILT_IN
    assert "quotes" in repr(nlp)
    assert byline.Pipeline.from_toml(byline.DEFAULT_PIPELINE).stages == BUILT_IN


def test_stages_lists_the_registry_with_options() -> None:
    by_name = {s.name: s for s in byline.stages()}
    assert set(BUILT_IN + ["gazetteer"]) <= set(by_name)
    assert [s.name for s in byline.stages()] == sorted(by_name)
    quotes = by_name["quotes"]
    assert quotes.adds == ["quotes"] and "entities" in quotes.needs
    assert quotes.summary
    sentences = by_name["sentences"]
    abbreviations = next(o for o in sentences.options if o.name == "abbreviations")
    assert abbreviations.type and abbreviations.doc
    assert all(isinstance(o, byline.StageOption) for s in by_name.values() for o in s.options)


SENTENCES_ONLY = """\
[pipeline]
name = "split"

[[stage]]
use = "paragraphs"

[[stage]]
use = "tokens"

[[stage]]
use = "sentences"
"""


@pytest.mark.parametrize("as_path", [False, True])
def test_from_toml_reads_text_or_a_file(tmp_path: Path, as_path: bool) -> None:
    source: object = SENTENCES_ONLY
    if as_path:
        path = tmp_path / "split.toml"
        path.write_text(SENTENCES_ONLY, encoding="utf-8")
        source = path
    nlp = byline.Pipeline.from_toml(source)  # type: ignore[arg-type]
    assert (nlp.name, nlp.layers) == ("split", ["paragraphs", "tokens", "sentences"])
    doc = nlp("One here. Two there.")
    assert [s.text for s in doc.sentences] == ["One here.", "Two there."]
    assert doc.entities == [] and "entities" not in doc.layers and "entities" not in doc.to_dict()


def test_a_file_path_given_as_str(tmp_path: Path) -> None:
    path = tmp_path / "split.toml"
    path.write_text(SENTENCES_ONLY, encoding="utf-8")
    assert byline.Pipeline.from_toml(str(path)).name == "split"


# Each case: a pipeline with mistakes, and (line, column) of each problem.
BROKEN = [
    ('[[stage]]\nuse = "paragrafs"\n', [(2, 7)]),
    ('[[stage]]\nuse = "paragraphs"\n\n[[stage]]\nuse = "sentences"\nabbreviations = 3\n', [(6, 17)]),
    ('[[stage]]\nuse = "paragraphs"\ncolour = "red"\n\n[[stage]]\nuse = "quotes"\n', [(3, 1), (6, 7), (6, 7)]),
    ('[[stage]\nuse = "tokens"\n', [(1, 9)]),
]


@pytest.mark.parametrize("text,places", BROKEN)
def test_pipeline_errors_name_file_line_and_column(text: str, places: list) -> None:
    with pytest.raises(byline.PipelineError) as caught:
        byline.Pipeline.from_toml(text)
    problems = caught.value.problems
    assert [(p.line, p.column) for p in problems] == places, str(caught.value)
    assert all(p.file == "<string>" and p.message for p in problems)
    assert str(caught.value).splitlines() == [str(p) for p in problems]
    assert str(problems[0]).startswith(f"<string>:{places[0][0]}:{places[0][1]}: ")
    assert isinstance(caught.value, ValueError)


def test_errors_in_a_file_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "news.toml"
    path.write_text('[pipeline]\nname = "news"\n\n[[stage]]\nuse = "entities"\n', encoding="utf-8")
    with pytest.raises(byline.PipelineError) as caught:
        byline.Pipeline.from_toml(path)
    problems = caught.value.problems
    assert [(p.line, p.column) for p in problems] == [(5, 7), (5, 7)]
    assert all(p.file.endswith("news.toml") and "needs layer" in p.message for p in problems)


def test_a_missing_file_is_a_pipeline_error(tmp_path: Path) -> None:
    with pytest.raises(byline.PipelineError) as caught:
        byline.Pipeline.from_toml(tmp_path / "absent.toml")
    assert "absent.toml" in str(caught.value)
