"""silica.Model: vectors equal to the CLI's and to sentence-transformers' reference,
prompts as sentence-transformers applies them, the GIL released, errors as SilicaError."""

import json
import threading
import time

import numpy as np
import pytest

import silica
from conftest import DATA, cli, read_jsonl

REFERENCE = DATA / "reference"


def cosines(a, b):
    a = a / np.linalg.norm(a, axis=1, keepdims=True)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    return (a * b).sum(axis=1)


def test_vectors_equal_the_clis(model, tmp_path):
    rows = read_jsonl(REFERENCE / "passages.jsonl")
    out = tmp_path / "cli.npy"
    cli("embed", REFERENCE / "passages.jsonl", "--unit", "text", "--prompt", "passage",
        "--no-cache", "-o", out)
    from_cli = np.load(out)
    from_python = model.encode([r["text"] for r in rows], prompt="passage")
    assert from_python.dtype == np.float32
    assert from_python.shape == from_cli.shape == (len(rows), 384)
    assert cosines(from_python, from_cli).min() >= 0.99999


def test_vectors_reproduce_sentence_transformers(model):
    rows = read_jsonl(REFERENCE / "passages.jsonl")
    texts = [r["text"] for r in rows]
    for prompt, name in [("passage", "multilingual-e5-small.jsonl"),
                         ("query", "multilingual-e5-small.query.jsonl")]:
        reference = np.array([r["embedding"] for r in read_jsonl(REFERENCE / name)], dtype=np.float32)
        assert cosines(model.encode(texts, prompt=prompt), reference).min() >= 0.9999


def test_prompts_as_sentence_transformers_applies_them(model):
    text = "Quels pays ont signé un accord sur l'IA ?"
    query = model.encode(text, prompt="query")
    assert query.shape == (384,)  # one string, one vector
    np.testing.assert_allclose(query, model.encode("query: " + text), atol=1e-6)
    np.testing.assert_allclose(query, model.encode(text, prompt_name="query"), atol=1e-6)
    np.testing.assert_allclose(query, model.encode_query(text), atol=1e-6)
    np.testing.assert_allclose(model.encode_document(text), model.encode("passage: " + text), atol=1e-6)
    # No prompt named and none the model's default: the text alone.
    assert model.prompts["default"] is None
    assert cosines(model.encode([text]), query[None, :])[0] < 0.999
    with pytest.raises(ValueError, match="names no prompt 'Clustering'"):
        model.encode(text, prompt_name="Clustering")


def test_batch_and_one_by_one_agree(model):
    texts = [r["text"] for r in read_jsonl(REFERENCE / "passages.jsonl")][:12]
    together = model.encode(texts, prompt="passage")
    alone = np.stack([model.encode(t, prompt="passage") for t in texts])
    np.testing.assert_allclose(together, alone, atol=1e-5)


def test_empty_list_and_similarity(model):
    assert model.encode([]).shape == (0, 384)
    scores = model.similarity(["export controls on chips"],
                              ["contrôles à l'exportation des semi-conducteurs", "une recette de tarte"])
    assert scores.shape == (1, 2) and scores[0, 0] > scores[0, 1]
    v = model.encode(["a", "b"], prompt="query")
    np.testing.assert_allclose(silica.similarity(v, v).diagonal(), 1.0, atol=1e-5)


def test_the_gil_is_released_while_embedding(model):
    texts = [r["text"] for r in read_jsonl(REFERENCE / "passages.jsonl")] * 3
    worker = threading.Thread(target=model.encode, args=(texts,), kwargs={"prompt": "passage"})
    counted = 0
    start = time.perf_counter()
    worker.start()
    while worker.is_alive():
        counted += 1
    seconds = time.perf_counter() - start
    worker.join()
    # Holding the GIL, the native call would leave this loop a few thousand turns at most
    # (one switch interval before it starts); released, it spins the whole time.
    assert seconds > 0.2, "embedding was too quick to tell"
    assert counted > 100_000, f"{counted} turns in {seconds:.2f} s: the GIL was held"


def test_errors_are_silica_errors(model):
    with pytest.raises(silica.SilicaError, match="no-such/model"):
        silica.Model("no-such/model")
    with pytest.raises(silica.SilicaError, match="dimensions|Matryoshka|cut"):
        model.encode(["text"], dimensions=100)
    with pytest.raises(TypeError, match="text 1 is a int"):
        model.encode(["fine", 3])
    with pytest.raises(silica.SilicaError, match="threads=1"):
        silica.Model(threads=1 if silica.threads() != 1 else 2)


def test_int8_is_close_to_f32(model):
    texts = [r["text"] for r in read_jsonl(REFERENCE / "passages.jsonl")][:16]
    int8 = silica.Model(quantize="int8")
    assert int8.quantize == "int8" and int8.fingerprint != model.fingerprint
    assert cosines(int8.encode(texts, prompt="passage"), model.encode(texts, prompt="passage")).min() > 0.98


def test_shorter_vectors_of_a_matryoshka_model(tmp_path):
    import shutil

    folder = tmp_path / "tiny-qwen3-mrl"
    shutil.copytree(DATA / "models" / "tiny-qwen3", folder)
    # What sentence-transformers writes on the card of a model trained with MatryoshkaLoss.
    (folder / "README.md").write_text("Trained with MatryoshkaLoss.\n", encoding="utf-8")
    mrl = silica.Model(str(folder))
    texts = [r["text"] for r in read_jsonl(REFERENCE / "passages.jsonl")][:10]
    full = mrl.encode(texts, prompt="query")
    short = mrl.encode(texts, prompt="query", dimensions=32)
    assert full.shape == (10, 64) and short.shape == (10, 32)
    head = full[:, :32] / np.linalg.norm(full[:, :32], axis=1, keepdims=True)
    np.testing.assert_allclose(short, head, atol=1e-6)
    np.testing.assert_allclose(mrl.encode(texts, prompt="query", truncate_dim=32), short, atol=1e-7)
    source = tmp_path / "texts.jsonl"
    source.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    out = tmp_path / "short.npy"
    cli("embed", source, "--unit", "text", "--prompt", "query", "--dimensions", "32",
        "--model", folder, "--no-cache", "-o", out)
    assert cosines(short, np.load(out)).min() >= 0.99999
