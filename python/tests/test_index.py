"""silica.Index: what the CLI's index add and neighbors --index do."""

import json

import pytest

import silica
from conftest import DATA, cli


def test_add_and_search_as_the_cli(model, seeds, tmp_path):
    index = silica.Index(tmp_path / "idx", model=model)
    added = index.add(seeds)
    assert added["documents_added"] == added["documents"] == 5
    assert len(index) == added["passages"] > 0
    again = index.add(seeds)
    assert again["documents_added"] == 0 and again["unchanged"] == 5

    query = "Which countries signed AI agreements with Israel?"
    hits = index.search(query, k=3)
    assert len(hits) == 3 and hits[0]["score"] >= hits[1]["score"] >= hits[2]["score"]
    from_cli = json.loads(cli("neighbors", "--index", tmp_path / "idx", "--query", query,
                              "-k", "3", "--format", "json", "--no-cache"))
    cli_hits = from_cli  # one query: its hits
    assert [h["id"] for h in hits] == [h["id"] for h in cli_hits]
    assert [round(h["score"], 4) for h in hits] == [round(h["score"], 4) for h in cli_hits]

    # A stored passage by id (its own vector, no model), and lexical retrieval.
    (by_id,) = index.search(ids=[hits[0]["id"]], k=2)
    assert hits[0]["id"] not in [h["id"] for h in by_id]
    assert index.search(query, k=2, retrieval="lexical")
    # Reopened without a model: the one it was built with is loaded for text queries.
    reopened = silica.Index(tmp_path / "idx")
    assert [h["id"] for h in reopened.search(query, k=3)] == [h["id"] for h in hits]


def test_another_model_is_refused(model, seeds, tmp_path):
    index = silica.Index(tmp_path / "idx", model=model)
    index.add(seeds)
    other = silica.Model(str(DATA / "models" / "tiny-modernbert"))
    with pytest.raises(silica.SilicaError, match="built with"):
        silica.Index(tmp_path / "idx", model=other).search("anything")
    with pytest.raises(silica.SilicaError, match="k must be at least 1"):
        index.search("anything", k=0)


def test_themes_of_an_index_as_the_cli(model, seeds, tmp_path):
    index = silica.Index(tmp_path / "idx", model=model)
    index.add(seeds)
    from_cli = json.loads(cli("themes", "--index", tmp_path / "idx", "--k", "4", "--format", "json"))
    assert silica.Index(tmp_path / "idx").themes(k=4) == from_cli
    # Named themes load the index's model to embed them.
    named_cli = json.loads(cli("themes", "--index", tmp_path / "idx", "--k", "4", "--format", "json",
                               "--themes", "export controls; supply chains", "--no-cache"))
    assert index.themes(k=4, themes=["export controls", "supply chains"]) == named_cli
    with pytest.raises(silica.SilicaError, match="unit document"):
        index.themes(unit="document")
