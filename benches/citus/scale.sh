#!/usr/bin/env bash
# The store at scale on one PostgreSQL and on a Citus cluster (a coordinator and two
# workers on this machine, tests/citus/cluster.py), side by side in one run: N vectors
# loaded through the store's write path, the HNSW index built, queries through the store's
# search (benches/index/postgres.rs prints one Markdown row per ef_search: load, HNSW build,
# p50/p99 query, recall@10 against exact f32 search, bytes).
#
#     bash benches/citus/scale.sh 1000000 --ef 40,100      # N and index_postgres' flags
#
# The single server is tests/postgres/setup's pgserver with pgvector 0.8 (PostgreSQL 16.2);
# the cluster's nodes are Debian's PostgreSQL 15 with the same pgvector (tests/citus/setup).
# Vectors: $SILICA_BENCH_VECTORS (an .npy of real embeddings) when set, else synthetic.
# Folders go under $SILICA_BENCH_DIR (default target/bench-citus).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
n=${1:-100000}
shift || true
work=${SILICA_BENCH_DIR:-$PWD/target/bench-citus}
mkdir -p "$work"
cargo build --release --bench index_postgres >&2
bench=$(ls -t target/release/deps/index_postgres-* | grep -v '\.d$' | head -1)

echo "## one PostgreSQL (pgserver 16.2, pgvector 0.8)"
SILICA_PGSERVER_PYTHON=$PWD/target/pgserver-pgvector08/bin/python SILICA_BENCH_DIR=$work \
  "$bench" "$n" "$@"

echo "## Citus: coordinator and two workers (PostgreSQL 15, pgvector 0.8)"
control=$work/cluster-control
rm -f "$control" && mkfifo "$control"
python3 tests/citus/cluster.py "$work/cluster" <"$control" >"$work/cluster.out" &
cluster=$!
exec 3>"$control"
trap 'exec 3>&-; wait $cluster' EXIT
until grep -q -e '^ready$' -e '^error' "$work/cluster.out" 2>/dev/null; do sleep 0.5; done
if grep -q '^error' "$work/cluster.out"; then
  cat "$work/cluster.out" >&2
  exit 1
fi
SILICA_BENCH_STORE=$(head -1 "$work/cluster.out") "$bench" "$n" "$@"
