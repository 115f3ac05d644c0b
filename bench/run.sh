#!/usr/bin/env bash
# Whole-run benchmark of `dealwire extract`: JSON Lines in, Parquet out.
# Usage: bench/run.sh [ARTICLES] [THREADS...]   (defaults: 200000, "1 N" with N = cores)
# Env: BENCH_DIR (default /tmp/dw-bench), CARGO_TARGET_DIR (default target),
#      DEALWIRE_BIN (a prebuilt binary; skips the build).
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-200000}
shift || true
threads=("$@")
if [ ${#threads[@]} -eq 0 ]; then threads=(1 "$(nproc)"); fi
dir=${BENCH_DIR:-/tmp/dw-bench}
target=${CARGO_TARGET_DIR:-target}
mkdir -p "$dir"
if [ ! -x /usr/bin/time ]; then
  echo "needs GNU time: apt-get install -y time" >&2
  exit 1
fi
corpus="$dir/corpus-$articles.jsonl"
[ -f "$corpus" ] || python3 bench/gen_corpus.py --articles "$articles" --out "$corpus"
if [ -n "${DEALWIRE_BIN:-}" ]; then
  bin=$DEALWIRE_BIN
else
  cargo build --release -p dealwire-cli >&2
  bin="$target/release/dealwire"
fi
bytes=$(stat -c %s "$corpus")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "corpus: $articles articles, $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB"
printf '%-8s %6s %10s %10s %12s %10s %12s\n' threads cores seconds MB/s articles/s MB/cpu-s peak_RSS_MiB
for t in "${threads[@]}"; do
  out="$dir/out-$t"
  rm -rf "$out"
  # Pin the run to as many cores as worker threads (reader and writer threads
  # included), so that the one-thread row is a true one-core figure.
  cores=$(( t < $(nproc) ? t : $(nproc) ))
  /usr/bin/time -v taskset -c "0-$((cores - 1))" "$bin" extract "$corpus" --out "$out" --threads "$t" --quiet \
    2> "$dir/time-$t.log" >/dev/null
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$dir/time-$t.log")
  cpu=$(awk -F': ' '/User time|System time/{s+=$2} END{print s}' "$dir/time-$t.log")
  rss=$(awk -F': ' '/Maximum resident set size/{printf "%.1f", $2/1024}' "$dir/time-$t.log")
  written=$(grep -m1 -oE '^[0-9]+ articles' "$dir/time-$t.log" | cut -d' ' -f1)
  awk -v t="$t" -v c="$cores" -v s="$secs" -v b="$bytes" -v a="$written" -v r="$rss" -v u="$cpu" \
    'BEGIN{printf "%-8s %6d %10.2f %10.1f %12.0f %10.1f %12s\n", t, c, s, b/1e6/s, a/s, b/1e6/u, r}'
done
