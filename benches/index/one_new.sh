#!/usr/bin/env bash
# `silica index add` of one new document to an index of N documents (default 10,000): how
# long the add takes, and how much of it is the new document's embedding.
#
#     bash benches/index/one_new.sh [N] [EVAL_DIR]     # EVAL_DIR defaults to ../shared/eval
#
# The documents are benches/corpus/make's (PIAF paragraphs, then windows of STS-B
# sentences). The first build embeds them all (minutes on 2 cores); then the runs are: one
# new document added, nothing changed, one new document with every file touched (stamps
# no longer trusted: every file is read and hashed again), and one new document with
# --sync. The embedding's share: `silica embed` of the new document alone (process start,
# model load and the forward pass), the least an add of it can take. Needs a release build and the models (models/fetch).
# SILICA names another binary; KEEP=1 keeps the work folder; WORK=DIR reuses one that KEEP
# kept (its first build is not run again; the new documents are removed first).
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
eval_dir=${2:-../shared/eval}
silica=${SILICA:-target/release/silica}
if [[ -n "${WORK:-}" ]]; then
  work=$WORK
  rm -f "$work"/corpus/new-*.txt
else
  work=$(mktemp -d)
  if [[ -z "${KEEP:-}" ]]; then trap 'rm -rf "$work"' EXIT; else echo "work folder: $work"; fi
  bash benches/corpus/make "$work/corpus" "$n" "$eval_dir"
  # Files as if written well before the index (a stamp within 2 s of a file's time is not
  # trusted).
  find "$work/corpus" -type f -exec touch -d '1 hour ago' {} +
fi

seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" 2>"$work/err" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
run() {
  local label=$1
  shift
  printf '%-44s %7.2f s  %s\n' "$label" "$(seconds "$silica" index add "$work/corpus" --index "$work/idx" "$@")" \
    "$(grep -E 'documents? added' "$work/err" | tail -1)"
}
# Three new documents, distinct (a near-copy of one already stored would be a duplicate and
# add nothing).
new_document() {
  local text
  case $1 in
    1) text="Harbour strike ends

Dock workers returned to the terminals on Monday after a two-week strike over pay, and the first container ships began unloading at dawn while the port authority counted the cost." ;;
    2) text="Ferry routes cut

The ferry company will stop two island routes next month, blaming fuel costs and a shortage of trained crews, and islanders fear for their winter supplies." ;;
    3) text="Chip plant approved

The regional council approved a semiconductor plant that will employ two thousand people once its clean rooms open, the largest industrial project in a decade." ;;
  esac
  printf '%s\n' "$text" >"$work/corpus/new-$1.txt"
  touch -d '1 hour ago' "$work/corpus/new-$1.txt"
}

if [[ -n "${WORK:-}" ]]; then
  run "back to the first build's documents" --sync
else
  run "first build ($n documents)"
fi
new_document 1
run "one new document"
run "nothing changed"
new_document 2
find "$work/corpus" -type f -exec touch -d '30 minutes ago' {} +
run "one new document, every file touched"
new_document 3
run "one new document, --sync" --sync
printf '%-44s %7.2f s\n' "silica embed of the new document alone" \
  "$(seconds "$silica" embed --no-cache "$work/corpus/new-3.txt")"
