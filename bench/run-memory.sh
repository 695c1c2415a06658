#!/usr/bin/env bash
# Memory budget: bench/run-memory.sh [repeats] [work-dir]   (SKIP_HEAP=1 for the command-line part only)
# 1. Heap per point, per series and per run, each against baselines measured in the same run (MemoryBenchmark).
# 2. The command line on large folders under a fixed heap, the cases interleaved and repeated: median wall time
#    and peak resident memory, each also as a ratio to the baseline case (inspect of one Lightning run under the
#    same -Xmx2g: the JVM's start and floor), exit statuses, runs reported, and the first line printed on stderr
#    (what was left out, if anything). The folders are written once under the work dir (about 2.3 GB) and kept.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
java -version 2>&1 | head -1
repeats=${1:-3}
work=${2:-target/bench/memory}
mvn -q -B -DskipTests package
cp="target/test-classes:target/classes:target/lib/*"
if [ "${SKIP_HEAP:-}" != 1 ]; then
  java $MAVEN_OPTS -Xmx6g -XX:+UseG1GC -cp "$cp" dev.tunescope.bench.MemoryBenchmark heap "$work"
else
  java $MAVEN_OPTS -cp "$cp" dev.tunescope.bench.MemoryBenchmark folders "$work"
fi

baseline="2g inspect lightning-1"
cases=(
  "$baseline"
  "2g inspect lightning-10k" "2g diagnose lightning-10k"
  "2g inspect tensorboardx-10k" "2g diagnose tensorboardx-10k"
  "2g inspect tiny-100k" "2g diagnose tiny-100k"
  "256m inspect wide" "256m diagnose wide"
  "256m inspect lightning-10k"
)
declare -A wall rss status reported said
for ((r = 0; r < repeats; r++)); do
  for c in "${cases[@]}"; do
    read -r heap command folder <<<"$c"
    set +e
    /usr/bin/time -f "%e %M" -o "$work/time.txt" java $MAVEN_OPTS "-Xmx$heap" -XX:+UseG1GC -Dai.djl.offline=true \
      -jar target/tunescope.jar "$command" "$work/$folder" >"$work/out.txt" 2>"$work/err.txt"
    code=$?
    set -e
    read -r seconds kilobytes < <(tail -1 "$work/time.txt")
    wall[$c]+="$seconds "
    rss[$c]+="$((kilobytes / 1024)) "
    status[$c]+="$code "
    if [ "$command" = inspect ]; then reported[$c]=$(tail -1 "$work/out.txt"); else reported[$c]=""; fi
    said[$c]=$({ grep -v -e '^WARNING' -e 'Unsupported JavaFX' -e SLF4J "$work/err.txt" || true; } | head -1 | cut -c1-150)
  done
done
. bench/median.sh
base_wall=$(median <<<"${wall[$baseline]}")
base_rss=$(median <<<"${rss[$baseline]}")
printf '\n%-30s %8s %6s %8s %6s %-6s %-13s %s\n' "heap command folder" "wall (s)" "ratio" "RSS (MB)" "ratio" "exit" \
  "runs" "stderr"
for c in "${cases[@]}"; do
  w=$(median <<<"${wall[$c]}")
  m=$(median <<<"${rss[$c]}")
  printf '%-30s %8s %6.2f %8s %6.2f %-6s %-13s %s\n' "$c" "$w" "$(echo "$w / $base_wall" | bc -l)" "$m" \
    "$(echo "$m / $base_rss" | bc -l)" "$(tr -s ' ' ',' <<<"${status[$c]% }")" "${reported[$c]}" "${said[$c]}"
done
echo "(medians of $repeats; wall time and peak RSS from /usr/bin/time; ratios to '$baseline')"
du -sh "$work"/lightning-10k "$work"/tensorboardx-10k "$work"/tiny-100k "$work"/wide | sed 's/^/on disk: /'
