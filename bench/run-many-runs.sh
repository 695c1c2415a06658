#!/usr/bin/env bash
# Many runs: bench/run-many-runs.sh [copies] [command] [repeats] [work-dir]
# A folder of copies of the shared fixture tree (14 real runs each; 72 copies = 1,008 runs), then:
# 1. the command with the JVM warm, run again and again in one process (ManyRunsBenchmark), against one copy;
# 2. the command one-shot, as a user runs it, interleaved with the same command on one copy (the JVM's start and
#    floor), repeated: medians of wall time and peak resident memory from /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
java -version 2>&1 | head -1
copies=${1:-72}
command=${2:-diagnose}
repeats=${3:-5}
work=${4:-target/bench/many}
mvn -q -B -DskipTests package
cp="target/test-classes:target/classes:target/lib/*"
java $MAVEN_OPTS -Dai.djl.offline=true -XX:+UseG1GC -cp "$cp" dev.tunescope.bench.ManyRunsBenchmark "$copies" \
  "$command" "$work"
. bench/median.sh
declare -A wall rss
for ((r = 0; r < repeats; r++)); do
  for folder in "fixtures-x$copies" fixtures-x1; do
    /usr/bin/time -f "%e %M" -o "$work/time.txt" java $MAVEN_OPTS -XX:+UseG1GC -Dai.djl.offline=true \
      -jar target/tunescope.jar "$command" "$work/$folder" >/dev/null 2>"$work/err.txt" \
      || { cat "$work/err.txt"; exit 1; }
    read -r seconds kilobytes < <(tail -1 "$work/time.txt")
    wall[$folder]+="$seconds "
    rss[$folder]+="$((kilobytes / 1024)) "
  done
done
many=$(median <<<"${wall[fixtures-x$copies]}")
one=$(median <<<"${wall[fixtures-x1]}")
printf 'one-shot %s of %d runs: %s s, %s MB resident; of one copy (14 runs): %s s, %s MB; ratio %.2f\n' \
  "$command" $((14 * copies)) "$many" "$(median <<<"${rss[fixtures-x$copies]}")" "$one" \
  "$(median <<<"${rss[fixtures-x1]}")" "$(echo "$many / $one" | bc -l)"
echo "(medians of $repeats, interleaved; wall time and peak RSS from /usr/bin/time)"
