"""The real Python clients users point at `silica serve`, each checked against `silica embed`.

Run by tests/serve_clients.rs with one of the virtual environments tests/clients/setup
builds:  python check.py BASE_URL EXPECTED.json
EXPECTED holds the texts and the vectors `silica embed` gives them with the passage prompt
(the server's default) and the query prompt. Prints one line per check; exits 1 at the first
failure, naming it.
"""

import json
import subprocess
import sys

import numpy as np

base, expected_path = sys.argv[1], sys.argv[2]
expected = json.load(open(expected_path))
texts = expected["texts"]
passage = np.array(expected["passage"], dtype=np.float32)
query = np.array(expected["query"], dtype=np.float32)
model = expected["model"]


def check(name, ok, detail=""):
    if not ok:
        print(f"FAIL {name}: {detail}")
        sys.exit(1)
    print(f"ok   {name}")


def same_vectors(name, got, want):
    got = np.asarray(got, dtype=np.float32)
    if got.shape != want.shape:
        check(name, False, f"shape {got.shape}, expected {want.shape}")
    cosines = (got * want).sum(axis=1) / (
        np.linalg.norm(got, axis=1) * np.linalg.norm(want, axis=1)
    )
    check(name, cosines.min() >= 0.99999, f"lowest cosine {cosines.min():.6f}")


# --- openai: its default (base64) and float answers, a list and a single string.
import openai

client = openai.OpenAI(base_url=f"{base}/v1", api_key="unused")
answer = client.embeddings.create(model=model, input=texts)
same_vectors(
    f"openai {openai.__version__} embeddings.create, base64 (its default)",
    [d.embedding for d in answer.data],
    passage,
)
answer = client.embeddings.create(model=model, input=texts, encoding_format="float")
same_vectors(
    f"openai {openai.__version__} embeddings.create, float",
    [d.embedding for d in answer.data],
    passage,
)
answer = client.embeddings.create(model=model, input=texts[0])
same_vectors("openai one string", [answer.data[0].embedding], passage[:1])
check("openai usage counts tokens", answer.usage.prompt_tokens > 0, answer.usage)

# --- langchain-openai: string mode works; its default (token ids from tiktoken) gets a 422
# that says what to do.
import langchain_openai
from importlib.metadata import version

lc = f"langchain-openai {version('langchain-openai')}"
strings = langchain_openai.OpenAIEmbeddings(
    base_url=f"{base}/v1", api_key="unused", model=model, check_embedding_ctx_length=False
)
same_vectors(f"{lc} embed_documents (check_embedding_ctx_length=False)", strings.embed_documents(texts), passage)
same_vectors(f"{lc} embed_query", [strings.embed_query(texts[1])], passage[1:2])

defaults = langchain_openai.OpenAIEmbeddings(base_url=f"{base}/v1", api_key="unused", model=model)
try:
    defaults.embed_documents(texts[:2])
    check(f"{lc} defaults (token ids)", False, "the server accepted token ids")
except openai.UnprocessableEntityError as error:
    message = str(error)
    check(
        f"{lc} defaults (token ids): 422 naming check_embedding_ctx_length=False",
        "check_embedding_ctx_length=False" in message,
        message,
    )

# --- huggingface_hub: feature_extraction and sentence_similarity POST to the server root, as
# text-embeddings-inference serves them; get_endpoint_info reads /info.
import huggingface_hub
from huggingface_hub import InferenceClient

hub = f"huggingface_hub {huggingface_hub.__version__}"
inference = InferenceClient(base_url=base)
same_vectors(f"{hub} feature_extraction (a list)", inference.feature_extraction(texts), passage)
same_vectors(f"{hub} feature_extraction (one text)", inference.feature_extraction(texts[0]), passage[:1])
same_vectors(
    f"{hub} feature_extraction prompt_name=query",
    inference.feature_extraction(texts, prompt_name="query", normalize=True, truncate=True),
    query,
)
scores = inference.sentence_similarity(texts[0], other_sentences=texts[1:4])
want = query[1:4] @ query[0]
check(
    f"{hub} sentence_similarity (query prompt, cosines)",
    np.allclose(scores, want, atol=1e-5),
    f"{scores} against {want}",
)
# get_endpoint_info and health_check want the endpoint as the model, on hf-inference.
endpoint = InferenceClient(model=base, provider="hf-inference")
check(f"{hub} health_check", endpoint.health_check())
info = endpoint.get_endpoint_info()
check(
    f"{hub} get_endpoint_info",
    info["model_id"] == model and info["max_input_length"] > 0 and info["model_type"]["embedding"]["pooling"],
    info,
)


# --- plain curl: text-embeddings-inference's other routes.
def curl(path, body):
    out = subprocess.run(
        ["curl", "-sS", "--fail-with-body", "-H", "Content-Type: application/json", "-d", json.dumps(body), base + path],
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        check(f"curl {path}", False, out.stderr + out.stdout)
    return json.loads(out.stdout)


tokens = curl("/tokenize", {"inputs": texts[0], "add_special_tokens": True})[0]
ids = [t["id"] for t in tokens]
check("curl /tokenize: special tokens first and last", tokens[0]["special"] and tokens[-1]["special"], tokens[:2])
prompted = "passage: " + texts[0]
plain = [t for t in tokens if not t["special"]]
check(
    "curl /tokenize: offsets cover the prompted text",
    all(prompted[t["start"] : t["stop"]] == t["text"] for t in plain),
    plain[:3],
)
decoded = curl("/decode", {"ids": ids, "skip_special_tokens": True})
check("curl /decode gives the text back", decoded == [prompted], f"{decoded!r} against {prompted!r}")
hidden = curl("/embed_all", {"inputs": [texts[0]]})
check(
    "curl /embed_all: one vector per token",
    len(hidden) == 1 and len(hidden[0]) == len(ids) and len(hidden[0][0]) == passage.shape[1],
    f"{len(hidden[0])} vectors for {len(ids)} tokens",
)
mean = np.asarray(hidden[0], dtype=np.float32).mean(axis=0)
same_vectors("curl /embed_all: its mean is the /embed vector (mean pooling)", [mean], passage[:1])
print("all clients agree with silica embed")
