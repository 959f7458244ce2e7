#!/usr/bin/env bash
# Embedding split across processes into one PostgreSQL store: 20,000 STS-B sentences loaded
# once unsharded, then by two shards at once (`index add --shard 0/2` and `1/2`) into a
# second database, shard 1 killed mid-load and re-run. Checks that the sharded store holds
# exactly the unsharded one's passages and vectors, none twice, and prints the times.
#
#     bash benches/index/postgres_shards.sh [STSB_CSV_DIR] [COUNT]   # default ../shared/eval/stsb 20000
#     SHARDS_ON=citus bash benches/index/postgres_shards.sh          # the shards into a Citus cluster
#
# The server is a private pgserver (bash tests/postgres/setup). With SHARDS_ON=citus the
# sharded store is a Citus cluster instead (a coordinator and two workers,
# tests/citus/cluster.py; bash tests/citus/setup), the unsharded one a pgserver with the
# same pgvector (0.8), and the exact top 10 of 100 sentences is compared too. The shards read the vectors
# the unsharded load put in the embedding cache unless SHARD_CACHE=0 (then they embed
# again: the load is then as long as the unsharded one). Needs a release build and the
# models (models/fetch).
set -euo pipefail
cd "$(dirname "$0")/../.."
stsb=${1:-../shared/eval/stsb}
count=${2:-20000}
silica=${SILICA:-target/release/silica}
python=target/pgserver/bin/python
[ "${SHARDS_ON:-}" = citus ] && python=target/pgserver-pgvector08/bin/python
bin=$("$python" -c 'import pgserver, os; print(os.path.join(os.path.dirname(pgserver.__file__), "pginstall/bin"))')
work=$(mktemp -d)
export XDG_CACHE_HOME=$work/cache
mkfifo "$work/hold"
"$python" tests/postgres/server.py "$work/pg" <"$work/hold" >"$work/url" 2>/dev/null &
exec 3>"$work/hold"
trap 'exec 3>&-; wait; rm -rf "$work"' EXIT
until [ -s "$work/url" ]; do sleep 0.2; done
base=$(cat "$work/url")
psql() { "$bin/psql" -X -q -At "$@"; }
psql "$base" -c "CREATE DATABASE whole" -c "CREATE DATABASE sharded"
whole=${base/\/postgres\?//whole?}
sharded=${base/\/postgres\?//sharded?}
if [ "${SHARDS_ON:-}" = citus ]; then
  mkfifo "$work/hold-cluster"
  python3 tests/citus/cluster.py "$work/cluster" <"$work/hold-cluster" >"$work/cluster.out" &
  exec 4>"$work/hold-cluster"
  trap 'exec 3>&- 4>&-; wait; rm -rf "$work"' EXIT
  until grep -q -e '^ready$' -e '^error' "$work/cluster.out" 2>/dev/null; do sleep 0.5; done
  grep -q '^ready$' "$work/cluster.out" || { cat "$work/cluster.out"; exit 1; }
  sharded=$(head -1 "$work/cluster.out")
  echo "sharded store: a Citus cluster, coordinator and two workers"
fi

python3 - "$stsb" "$count" "$work/sentences.jsonl" <<'PY'
import csv, glob, json, os, sys
src, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
seen, unique = set(), []
for f in sorted(glob.glob(os.path.join(src, "*.csv"))):
    for row in csv.reader(open(f, encoding="utf-8")):
        for s in row[:2]:
            s = s.strip()
            if s and s not in seen:
                seen.add(s); unique.append(s)
assert len(unique) >= count, f"only {len(unique)} sentences"
with open(out, "w", encoding="utf-8") as w:
    for i, s in enumerate(unique[:count]):
        w.write(json.dumps({"id": f"s{i:05}", "text": s}, ensure_ascii=False) + "\n")
PY

seconds() { date +%s.%N; }
add() { "$silica" index add "$work/sentences.jsonl" --keep-all --keep-duplicates --store "$@"; }
# In the background the shell's job is silica itself (exec), so that kill reaches it.
add_bg() { exec "$silica" index add "$work/sentences.jsonl" --keep-all --keep-duplicates --store "$@"; }
docs() { psql "$1" -c "SELECT count(*) FROM silica_documents" 2>/dev/null || echo 0; }
t0=$(seconds)
add "$whole" 2>"$work/whole.err"
t1=$(seconds)
printf 'unsharded load: %.1f s  %s\n' "$(echo "$t1 - $t0" | bc)" "$(tail -1 "$work/whole.err")"

cache=()
[ "${SHARD_CACHE:-1}" = 0 ] && cache=(--no-cache)
t0=$(seconds)
add_bg "$sharded" --shard 0/2 --commit-every 256 "${cache[@]}" 2>"$work/shard0.err" &
s0=$!
add_bg "$sharded" --shard 1/2 --commit-every 256 "${cache[@]}" 2>"$work/shard1.err" &
s1=$!
# Shard 1 is killed once a quarter of the sentences are committed (both shards together).
until [ "$(docs "$sharded")" -ge $((count / 4)) ]; do
  kill -0 $s1 2>/dev/null || { echo "shard 1 ended before it could be killed"; exit 1; }
  sleep 0.1
done
kill -9 $s1
wait $s1 || true
echo "shard 1 killed with $(docs "$sharded") documents in the store"
wait $s0
t1=$(seconds)
echo "shard 0: $(tail -1 "$work/shard0.err")"
add "$sharded" --shard 1/2 --commit-every 256 "${cache[@]}" 2>"$work/shard1.err"
t2=$(seconds)
echo "shard 1 re-run: $(tail -1 "$work/shard1.err")"
printf 'sharded load: %.1f s (both shards until shard 0 ended) + %.1f s (shard 1 re-run)\n' \
  "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)"

dump() { psql "$1" -c "SELECT id, document, embedding::text FROM silica_passages ORDER BY id"; }
dump "$whole" >"$work/whole.txt"
dump "$sharded" >"$work/sharded.txt"
dupes=$(psql "$sharded" -c "SELECT count(*) - count(DISTINCT id) FROM silica_passages")
rows=$(wc -l <"$work/sharded.txt")
if cmp -s "$work/whole.txt" "$work/sharded.txt" && [ "$dupes" = 0 ]; then
  echo "ok: the sharded store equals the unsharded one ($rows passages, $dupes duplicates)"
else
  echo "MISMATCH: $rows passages in the sharded store, $(wc -l <"$work/whole.txt") unsharded, $dupes duplicates"
  exit 1
fi

# The exact top 10 of the first 100 sentences, through `neighbors --exact`, on both
# stores: the same hits and scores, ties at the cut aside (each store breaks them by the
# order its rows arrived in).
head -100 "$work/sentences.jsonl" | python3 -c 'import json,sys; [print(json.loads(l)["text"]) for l in sys.stdin]' >"$work/queries.txt"
for name in whole sharded; do
  "$silica" neighbors --store "${!name}" --exact --query-file "$work/queries.txt" --format json \
    >"$work/top-$name.json"
done
python3 - "$work/top-whole.json" "$work/top-sharded.json" <<'PY'
import json, sys
def lists(path):
    out = []
    for q in json.load(open(path)):
        hits = q["hits"] if isinstance(q, dict) else q
        cut = hits[-1]["score"]
        out.append((sorted((h["id"], h["score"]) for h in hits if h["score"] > cut), cut))
    return out
a, b = lists(sys.argv[1]), lists(sys.argv[2])
same = sum(x == y for x, y in zip(a, b))
print(f"exact top 10: {same} of {len(a)} queries the same on both stores")
sys.exit(0 if same == len(a) == 100 else 1)
PY
