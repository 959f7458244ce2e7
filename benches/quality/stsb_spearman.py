#!/usr/bin/env python3
"""STS-B Spearman of `silica embed` vectors (MTEB's STS convention: cosine vs gold score).

Until `silica eval sts` exists (the eval issue), this is how README's quality numbers are
made. Standard library only.

    benches/quality/stsb_spearman.py ../shared/eval/stsb/stsb-fr-test.csv [silica embed flags...]
"""
import csv, json, math, os, subprocess, sys, tempfile

def ranks(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    r = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):  # ties share their average rank
            r[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return r

def pearson(x, y):
    mx, my = sum(x) / len(x), sum(y) / len(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sx = math.sqrt(sum((a - mx) ** 2 for a in x))
    sy = math.sqrt(sum((b - my) ** 2 for b in y))
    return sxy / (sx * sy)

def main():
    path, flags = sys.argv[1], sys.argv[2:]
    pairs = [(r[0], r[1], float(r[2])) for r in csv.reader(open(path, encoding="utf-8"))]
    silica = os.environ.get("SILICA", "target/release/silica")
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "sentences.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for i, (a, b, _) in enumerate(pairs):
                f.write(json.dumps({"id": f"a{i}", "text": a}) + "\n")
                f.write(json.dumps({"id": f"b{i}", "text": b}) + "\n")
        out = os.path.join(tmp, "vectors.jsonl")
        subprocess.run([silica, "embed", src, "--no-text", "-o", out, *flags], check=True)
        vec = {r["id"]: r["embedding"] for r in map(json.loads, open(out, encoding="utf-8"))}
    cos = [sum(x * y for x, y in zip(vec[f"a{i}"], vec[f"b{i}"])) for i in range(len(pairs))]
    gold = [s for _, _, s in pairs]
    print(json.dumps({"file": path, "n": len(pairs), "spearman": round(pearson(ranks(cos), ranks(gold)), 4),
                      "pearson": round(pearson(cos, gold), 4)}))

if __name__ == "__main__":
    main()
