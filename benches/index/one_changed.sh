#!/usr/bin/env bash
# `silica index add` over 1,000 documents where one changed: only that document's passages
# are embedded again (the summary line on stderr counts them), and how long each run takes.
#
#     bash benches/index/one_changed.sh [STSB_CSV_DIR]     # default ../shared/eval/stsb
#
# The documents are real sentences: each is 5 consecutive STS-B sentences (all four
# languages' dev and test files). Needs a release build and the models (models/fetch).
set -euo pipefail
cd "$(dirname "$0")/../.."
stsb=${1:-../shared/eval/stsb}
silica=${SILICA:-target/release/silica}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$stsb" "$work/corpus" <<'PY'
import csv, glob, os, sys
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out)
sentences = []
for f in sorted(glob.glob(os.path.join(src, "*.csv"))):
    for row in csv.reader(open(f, encoding="utf-8")):
        sentences.extend(s.strip() for s in row[:2] if s.strip())
seen, unique = set(), []
for s in sentences:
    if s not in seen:
        seen.add(s); unique.append(s)
for d in range(1000):
    body = " ".join(unique[d * 5:(d + 1) * 5])
    open(os.path.join(out, f"doc{d:04}.txt"), "w", encoding="utf-8").write(body + "\n")
PY
run() {
  local start end
  start=$(date +%s.%N)
  "$silica" index add "$work/corpus" --index "$work/idx" --sync 2>"$work/err" >/dev/null
  end=$(date +%s.%N)
  printf '%-28s %6.1f s  %s\n' "$1" "$(echo "$end - $start" | bc)" "$(grep -E 'documents? added' "$work/err" | tail -1)"
}
run "first run (1,000 documents)"
run "nothing changed"
echo " An edited sentence." >>"$work/corpus/doc0500.txt"
run "one document changed"
