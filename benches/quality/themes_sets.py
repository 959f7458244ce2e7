#!/usr/bin/env python3
"""Writes the labelled sets that `silica eval themes` is tuned and reported on.

PIAF v1.0 (French Wikipedia paragraphs, 7 article categories) is split by article into a
dev half (tuning) and a test half (reporting): an article goes to dev when the first byte
of the SHA-256 of its title is even. Each paragraph becomes one JSONL row
{"id", "text", "label", "title"}; the label is its article's category
(`piaf-SPLIT.jsonl`, for `--unit document`). Each article also becomes one row whose text is
its title and paragraphs separated by blank lines (`piaf-articles-SPLIT.jsonl`, for
`--unit passage`: every passage carries its article's category, and passages are read in
their article). Two themes files map theme names (English, French) to the category values.

    benches/quality/themes_sets.py ../shared/eval/piaf/piaf-v1.0.json OUT_DIR

Standard library only.
"""
import hashlib, json, os, sys

NAMES = {
    # category: (English theme name, French theme name)
    "Histoire": ("history", "histoire"),
    "Géographie": ("geography", "géographie"),
    "Sport": ("sport", "sport"),
    "Arts": ("arts", "arts"),
    "Société": ("society", "société"),
    "Sciences": ("science", "sciences"),
    "Religion": ("religion", "religion"),
}


def split_of(title):
    return "dev" if hashlib.sha256(title.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def main():
    path, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    data = json.load(open(path, encoding="utf-8"))["data"]
    files = {s: open(os.path.join(out, f"piaf-{s}.jsonl"), "w", encoding="utf-8") for s in ("dev", "test")}
    articles = {s: open(os.path.join(out, f"piaf-articles-{s}.jsonl"), "w", encoding="utf-8") for s in ("dev", "test")}
    counts = {"dev": 0, "test": 0}
    for a, article in enumerate(data):
        split = split_of(article["title"])
        for p, paragraph in enumerate(article["paragraphs"]):
            row = {"id": f"a{a}p{p}", "text": paragraph["context"], "label": article["categorie"], "title": article["title"]}
            files[split].write(json.dumps(row, ensure_ascii=False) + "\n")
            counts[split] += 1
        text = "\n\n".join([article["title"]] + [p["context"] for p in article["paragraphs"]])
        row = {"id": f"a{a}", "text": text, "label": article["categorie"], "title": article["title"]}
        articles[split].write(json.dumps(row, ensure_ascii=False) + "\n")
    for f in list(files.values()) + list(articles.values()):
        f.close()
    for lang, i in (("en", 0), ("fr", 1)):
        with open(os.path.join(out, f"piaf-themes-{lang}.toml"), "w", encoding="utf-8") as f:
            for category, names in NAMES.items():
                f.write(f'[[theme]]\nname = "{names[i]}"\nlabel = "{category}"\n\n')
    print(json.dumps(counts), file=sys.stderr)


if __name__ == "__main__":
    main()
