#!/usr/bin/env python3
"""V-measure, NMI and ARI of `silica themes` clusters against PIAF article categories.

PIAF v1.0 paragraphs (761, French Wikipedia) are written as JSONL documents labelled by
their article's category (7 values); `silica themes --format json` clusters them; the
passages' clusters are compared with the labels. Standard library only; `silica eval`
(coming) will make this a command.

    benches/quality/piaf_clustering.py ../shared/eval/piaf/piaf-v1.0.json [silica themes flags...]
"""
import json, math, os, subprocess, sys, tempfile
from collections import Counter

def entropy(labels):
    n = len(labels)
    return -sum(c / n * math.log(c / n) for c in Counter(labels).values())

def mutual_information(a, b):
    n = len(a)
    ca, cb, cab = Counter(a), Counter(b), Counter(zip(a, b))
    return sum(c / n * math.log(c * n / (ca[x] * cb[y])) for (x, y), c in cab.items())

def scores(truth, pred):
    h_t, h_p, mi = entropy(truth), entropy(pred), mutual_information(truth, pred)
    homogeneity = 1.0 if h_t == 0 else mi / h_t
    completeness = 1.0 if h_p == 0 else mi / h_p
    v = 0.0 if homogeneity + completeness == 0 else 2 * homogeneity * completeness / (homogeneity + completeness)
    nmi = 1.0 if h_t == h_p == 0 else (mi / math.sqrt(h_t * h_p) if h_t * h_p > 0 else 0.0)
    comb = lambda k: k * (k - 1) / 2
    index = sum(comb(c) for c in Counter(zip(truth, pred)).values())
    sum_t = sum(comb(c) for c in Counter(truth).values())
    sum_p = sum(comb(c) for c in Counter(pred).values())
    expected = sum_t * sum_p / comb(len(truth))
    maximum = (sum_t + sum_p) / 2
    ari = 1.0 if maximum == expected else (index - expected) / (maximum - expected)
    return {"v_measure": round(v, 4), "nmi": round(nmi, 4), "ari": round(ari, 4)}

def self_check():
    assert scores([0, 0, 1, 1], [1, 1, 0, 0]) == {"v_measure": 1.0, "nmi": 1.0, "ari": 1.0}
    independent = scores([0, 0, 1, 1], [0, 1, 0, 1])
    assert independent["nmi"] == 0.0 and independent["v_measure"] == 0.0 and independent["ari"] == -0.5, independent

def main():
    self_check()
    path, flags = sys.argv[1], sys.argv[2:]
    data = json.load(open(path, encoding="utf-8"))["data"]
    silica = os.environ.get("SILICA", "target/release/silica")
    label_of = {}
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "piaf.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for a, article in enumerate(data):
                for p, paragraph in enumerate(article["paragraphs"]):
                    doc_id = f"a{a}p{p}"
                    label_of[doc_id] = article["categorie"]
                    f.write(json.dumps({"id": doc_id, "text": paragraph["context"]}, ensure_ascii=False) + "\n")
        out = os.path.join(tmp, "report.json")
        subprocess.run([silica, "themes", src, "--format", "json", "-o", out, *flags], check=True)
        report = json.load(open(out, encoding="utf-8"))
    truth, pred = [], []
    for item in report["items"]:
        truth.append(label_of[item["id"].rsplit("#", 1)[0]])
        # Unassigned passages (HDBSCAN) count as one more group, as MTEB scores noise.
        pred.append(item["cluster"] if item["cluster"] is not None else -1)
    result = scores(truth, pred)
    result.update({"passages": len(pred), "categories": len(set(truth)), "clusters": len(report["clusters"]),
                   "unassigned": len(report["unassigned"]), "flags": " ".join(flags)})
    print(json.dumps(result))

if __name__ == "__main__":
    main()
