#!/usr/bin/env bash
# The measurements of README's Performance section: per-stage throughput (`clu bench`),
# end to end with and without repair on 1 and 2 threads (wall, CPU, peak RSS), start-up.
#   scripts/bench.sh [CORPUS_DIR]     (default /tmp/clu-corpus, generated if missing)
# Needs a release build and GNU time (/usr/bin/time). Outputs go to $CORPUS_DIR.out/.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-/tmp/clu-corpus}
out="$corpus.out"
clu=${CLU:-${CARGO_TARGET_DIR:-target}/release/clu}
[ -x "$clu" ] || cargo build --release
[ -d "$corpus" ] || python3 scripts/gen_corpus.py "$corpus" --count 10000
mkdir -p "$out"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load $(cut -d' ' -f1-3 /proc/loadavg)"
bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{ n += $1 } END { print n }')
echo "corpus: $(find "$corpus" -type f | wc -l) files, $bytes bytes"

# Stages on a sample of one file in twenty (CPU time of one thread).
find "$corpus" -type f | sort | awk 'NR % 20 == 0' > "$out/sample.txt"
xargs "$clu" bench < "$out/sample.txt"
xargs "$clu" bench --no-repair < "$out/sample.txt"

for repair in "" "--no-repair"; do
  for jobs in 1 2; do
    /usr/bin/time -f "%e %U %S %M" -o "$out/time" "$clu" extract "$corpus" $repair -j "$jobs" -q -o "$out/j$jobs$repair.jsonl"
    read -r wall user sys rss < "$out/time"
    awk -v b="$bytes" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v j="$jobs" -v m="${repair:-repair}" 'BEGIN {
      printf "end to end, %s, -j %d: %.1f s wall, %.1f MB/s, %.1f MB/s per CPU-second, peak RSS %.0f MB\n",
        m, j, w, b / 1e6 / w, b / 1e6 / (u + s), r / 1024 }'
  done
  cmp "$out/j1$repair.jsonl" "$out/j2$repair.jsonl" && echo "same bytes on 1 and 2 threads"
done

small=fixtures/synthetic/syn01_hautes_alpes_org_colon.txt
/usr/bin/time -f "%e %U %S" -o "$out/time" bash -c "for i in \$(seq 20); do '$clu' extract $small > /dev/null; done"
read -r wall user sys < "$out/time"
awk -v w="$wall" -v u="$user" -v s="$sys" 'BEGIN { printf "start-up (one 1.6 kB file): %.1f ms wall, %.1f ms CPU per run\n", w * 50, (u + s) * 50 }'
