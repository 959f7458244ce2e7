#!/usr/bin/env python3
"""Theme stability, continuity and novelty of `silica themes` on PIAF paragraphs.

PIAF v1.0 paragraphs (761, French Wikipedia, 7 article categories) as JSONL documents
(`{"id", "text", "label"}`), then, for each algorithm:

- stability: `--k 7 --seed S` for S in 1..5; adjusted Rand index over every pair of runs,
  and V-measure against the categories;
- continuity: a first run on the paragraphs whose id's sha256 first byte is not 0 mod 10
  (about 90%), a second on all of them with `--previous` the first report: the share of
  the first run's paragraphs whose cluster keeps its stable id;
- novelty: for each held-out category, a first run without it (k = 6), a second with it
  (k = 7, `--previous`): the share of the category's paragraphs in one cluster reported
  new, and the clusters reported new.

Standard library only.

    benches/quality/theme_change.py ../shared/eval/piaf/piaf-v1.0.json [--model M] [--half dev|test]
"""
import argparse, hashlib, itertools, json, math, os, subprocess, sys, tempfile
from collections import Counter

def ari(a, b):
    comb = lambda k: k * (k - 1) / 2
    both = sum(comb(c) for c in Counter(zip(a, b)).values())
    sa = sum(comb(c) for c in Counter(a).values())
    sb = sum(comb(c) for c in Counter(b).values())
    expected = sa * sb / comb(len(a))
    top = (sa + sb) / 2
    return 1.0 if top == expected else (both - expected) / (top - expected)

def v_measure(truth, pred):
    n = len(truth)
    h = lambda xs: -sum(c / n * math.log(c / n) for c in Counter(xs).values())
    ct, cp, cb = Counter(truth), Counter(pred), Counter(zip(truth, pred))
    mi = sum(c / n * math.log(c * n / (ct[x] * cp[y])) for (x, y), c in cb.items())
    hom = 1.0 if h(truth) == 0 else mi / h(truth)
    com = 1.0 if h(pred) == 0 else mi / h(pred)
    return 0.0 if hom + com == 0 else 2 * hom * com / (hom + com)

def self_check():
    assert ari([0, 0, 1, 1], [1, 1, 0, 0]) == 1.0 and abs(ari([0, 0, 1, 1], [0, 1, 0, 1]) + 0.5) < 1e-12
    assert abs(v_measure([0, 0, 1, 1], [5, 5, 7, 7]) - 1.0) < 1e-12

def main():
    self_check()
    p = argparse.ArgumentParser()
    p.add_argument("piaf")
    p.add_argument("--model", default="intfloat/multilingual-e5-small")
    p.add_argument("--half", choices=["dev", "test"])
    p.add_argument("--algorithms", default="kmeans,spectral")
    args = p.parse_args()
    silica = os.environ.get("SILICA", "target/release/silica")
    rows = []
    for a, article in enumerate(json.load(open(args.piaf, encoding="utf-8"))["data"]):
        split = "dev" if hashlib.sha256(article["title"].encode()).digest()[0] % 2 == 0 else "test"
        if args.half and split != args.half:
            continue
        for q, paragraph in enumerate(article["paragraphs"]):
            rows.append({"id": f"a{a}p{q}", "text": paragraph["context"], "label": article["categorie"]})
    label = {r["id"]: r["label"] for r in rows}
    k = len(set(label.values()))
    tmp = tempfile.mkdtemp()

    def themes(subset, name, algorithm, k, extra=()):
        src = os.path.join(tmp, "in.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for r in subset:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        out = os.path.join(tmp, name)
        subprocess.run([silica, "themes", src, "--algorithm", algorithm, "--k", str(k), "--format", "json",
                        "-o", out, "--model", args.model, "--stability-runs", "1", *extra],
                       check=True, capture_output=True)
        return json.load(open(out, encoding="utf-8"))

    def clusters(report):
        return {i["id"].split("#")[0]: i["cluster"] for i in report["items"]}

    def stable(report):
        sid = {c["id"]: c["stable_id"] for c in report["clusters"]}
        return {i["id"].split("#")[0]: sid[i["cluster"]] for i in report["items"]}

    results = {"n": len(rows), "k": k, "model": args.model, "half": args.half}
    for algorithm in args.algorithms.split(","):
        runs = [clusters(themes(rows, f"s{s}.json", algorithm, k, ["--seed", str(s)])) for s in range(1, 6)]
        ids = sorted(runs[0])
        pred = [[r[i] for i in ids] for r in runs]
        pairs = [ari(a, b) for a, b in itertools.combinations(pred, 2)]
        truth = [label[i] for i in ids]
        first = [r for r in rows if hashlib.sha256(r["id"].encode()).digest()[0] % 10 != 0]
        before = stable(themes(first, "c1.json", algorithm, k))
        after = stable(themes(rows, "c2.json", algorithm, k, ["--previous", os.path.join(tmp, "c1.json")]))
        novelty = {}
        for held in sorted(set(label.values())):
            themes([r for r in rows if r["label"] != held], "n1.json", algorithm, k - 1)
            report = themes(rows, "n2.json", algorithm, k, ["--previous", os.path.join(tmp, "n1.json")])
            ids_of = stable(report)
            members = [i for i in ids_of if label[i] == held]
            new = report["changes"]["new"]
            best = max([sum(ids_of[i] == n for i in members) for n in new] or [0]) / len(members)
            novelty[held] = {"in_one_new_theme": round(best, 3), "new": len(new),
                             "split": len(report["changes"]["split"])}
        results[algorithm] = {
            "stability_mean_ari": round(sum(pairs) / len(pairs), 4),
            "stability_min_ari": round(min(pairs), 4),
            "v_measure": round(sum(v_measure(truth, p) for p in pred) / len(pred), 4),
            "continuity": round(sum(before[i] == after[i] for i in before) / len(before), 4),
            "novelty": novelty,
        }
        print(algorithm, json.dumps(results[algorithm], ensure_ascii=False), file=sys.stderr)
    print(json.dumps(results, ensure_ascii=False, indent=1))

if __name__ == "__main__":
    main()
