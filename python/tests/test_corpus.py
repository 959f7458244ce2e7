"""silica.passages and silica.themes give what the CLI gives."""

import json

import pytest

import silica
from conftest import cli


def test_passages_equal_the_clis(model, seeds):
    from_cli = [json.loads(line) for line in cli("passages", seeds, "--format", "jsonl").splitlines()]
    assert silica.passages(seeds) == from_cli  # the tokenizer alone, by name
    assert model.passages([seeds]) == from_cli
    short = silica.passages(seeds, max_tokens=64)
    assert len(short) > len(from_cli) and max(p["tokens"] for p in short) <= 64


def test_dropped_lines_and_bad_input(seeds, tmp_path):
    dropped = silica.passages(seeds, dropped=True)
    assert dropped and all(set(d) >= {"source", "reason"} for d in dropped)
    with pytest.raises(silica.SilicaError, match="missing.txt"):
        silica.passages(tmp_path / "missing.txt")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine"}\n{not json\n', encoding="utf-8")
    with pytest.raises(silica.SilicaError, match="bad.jsonl:2: not JSON"):
        silica.passages(bad)
    with pytest.raises(TypeError, match="max_tokenz"):
        silica.passages(seeds, max_tokenz=3)


def test_themes_equal_the_clis(model, seeds, tmp_path):
    names = "supply chains; export controls; technological sovereignty"
    from_cli = json.loads(cli("themes", seeds, "--k", "4", "--themes", names, "--format", "json", "--no-cache"))
    report = model.themes(seeds, k=4, themes=[n.strip() for n in names.split(";")])
    assert report == from_cli
    html = silica.themes(seeds, model=model, k=4, format="html", output=tmp_path / "report.html")
    assert html.lstrip().lower().startswith("<!doctype html")
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == html
    with pytest.raises(silica.SilicaError, match="algorithm"):
        model.themes(seeds, algorithm="dbscan")
