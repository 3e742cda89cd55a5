"""The package and `byline run` give the very same JSON, on the workspace
fixtures (tests/fixtures), one by one and through pipe."""

from __future__ import annotations

import json
import subprocess
from typing import Dict, List

import pytest

import byline


@pytest.fixture(scope="module")
def records(fixture_texts: Dict[str, str]) -> List[dict]:
    # An extra field, as JSONL input may carry: byline run passes it through.
    return [{"id": name, "text": text, "source": "fixture"} for name, text in fixture_texts.items()]


@pytest.fixture(scope="module")
def cli_lines(byline_bin: str, records: List[dict]) -> List[str]:
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    run = subprocess.run([byline_bin, "run"], input=stdin.encode("utf-8"), capture_output=True, check=True)
    return run.stdout.decode("utf-8").splitlines()


def test_pipe_writes_what_byline_run_writes(nlp: byline.Pipeline, records: List[dict], cli_lines: List[str]) -> None:
    docs = list(nlp.pipe(records, threads=2, batch_size=3))
    assert len(docs) == len(cli_lines) == len(records)
    for doc, line in zip(docs, cli_lines):
        assert doc.to_json() == line, doc.id
        assert doc.to_dict() == json.loads(line)
        assert doc.to_dict()["source"] == "fixture"


def test_calls_match_byline_run_layer_by_layer(nlp: byline.Pipeline, records: List[dict], cli_lines: List[str]) -> None:
    for record, line in zip(records, cli_lines):
        expected = json.loads(line)
        doc = nlp(record["text"], id=record["id"])
        data = doc.to_dict()
        assert data["id"] == expected["id"]
        for layer in doc.layers:
            assert data[layer] == expected[layer], (record["id"], layer)
            # The objects say what the JSON says.
            for obj, item in zip(doc.layers[layer], expected[layer]):
                assert (obj.start, obj.end, obj.text) == (item["start"], item["end"], item["text"])
        for number, item in zip(doc.numbers, expected["numbers"]):
            for field in ("value", "min", "max"):
                if field in item:
                    assert float(getattr(number, field)) == item[field]
                else:
                    assert getattr(number, field) is None


def test_stages_lists_what_byline_stages_lists(byline_bin: str) -> None:
    run = subprocess.run([byline_bin, "stages", "--json"], capture_output=True, check=True)
    expected = json.loads(run.stdout)
    ours = [
        {
            "name": s.name,
            "summary": s.summary,
            "needs": s.needs,
            "adds": s.adds,
            "options": [{"name": o.name, "ty": o.type, "default": o.default, "doc": o.doc} for o in s.options],
        }
        for s in byline.stages()
    ]
    assert ours == expected
