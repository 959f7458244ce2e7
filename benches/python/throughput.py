"""Throughput of the Python package against `silica bench` on the same texts, the same
model, weights and threads, measured side by side (rounds alternate, medians compared).

    bash python/tests/setup          # builds the package into target/python-venv
    target/python-venv/bin/python benches/python/throughput.py [--texts 320] [--rounds 5] [--quantize int8]

The texts: tests/data/reference/passages.jsonl (80 seed passages) cycled to --texts, with
the passage prompt, as `silica bench --input` embeds them. No embedding cache on either
side. The bar (issue 34): the package within 5% of the CLI.
"""

import argparse
import itertools
import json
import os
import pathlib
import statistics
import subprocess
import time

REPO = pathlib.Path(__file__).resolve().parents[2]
os.environ.setdefault("SILICA_MODELS_DIR", str(REPO / "models"))
os.environ["HF_HUB_OFFLINE"] = "1"

import silica  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=320)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--quantize", default="f32")
    parser.add_argument("--model", default=silica.DEFAULT_MODEL)
    args = parser.parse_args()

    source = REPO / "tests" / "data" / "reference" / "passages.jsonl"
    base = [json.loads(line)["text"] for line in source.open(encoding="utf-8")]
    texts = list(itertools.islice(itertools.cycle(base), args.texts))

    model = silica.Model(args.model, quantize=args.quantize, threads=args.threads)
    tokens = sum(model.count_tokens(texts, prompt="passage"))
    model.encode(texts[:64], prompt="passage")  # warm-up

    cli, python = [], []
    for _ in range(args.rounds):
        out = subprocess.run(
            [str(REPO / "target" / "release" / "silica"), "bench", "--input", str(source),
             "--passages", str(args.texts), "--runs", "1", "--threads", str(args.threads),
             "--quantize", args.quantize, "--model", args.model, "--no-cache", "--format", "json"],
            capture_output=True, text=True, check=True,
        ).stdout
        report = json.loads(out)
        cli.append(report["passages_per_second"])
        start = time.perf_counter()
        model.encode(texts, prompt="passage")
        python.append(len(texts) / (time.perf_counter() - start))

    c, p = statistics.median(cli), statistics.median(python)
    print(json.dumps({
        "model": args.model, "quantize": args.quantize, "threads": args.threads,
        "texts": len(texts), "tokens_python": tokens, "tokens_cli": report["tokens"],
        "cli_passages_per_second": round(c, 1), "python_passages_per_second": round(p, 1),
        "python_over_cli": round(p / c, 3),
        "cli_runs": [round(x, 1) for x in cli], "python_runs": [round(x, 1) for x in python],
    }, indent=2))


if __name__ == "__main__":
    main()
