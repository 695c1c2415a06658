#!/usr/bin/env bash
# Start-up benchmark: bench/run-start.sh [rounds]
# Times three starts, each as a cold JVM without the start-up cache (the baseline) and with it, the two in turn
# (A B A B ...) so drift on a shared machine hits both; prints the medians and the median of the per-round ratios:
#   1. inspect of an empty folder (JVM start and CLI set-up only);
#   2. inspect of one big tensorboardX file (2M scalar points, written once by IngestBenchmark's writer);
#   3. the app on sample-runs/ under Xvfb: "first runs shown" as the app reports it (ms since the JVM started),
#      skipped when xvfb-run is not installed.
# Also times the same inspect with -XX:TieredStopAtLevel=1 (C1 only), to show whether short commands gain from it.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
java -version 2>&1 | head -1
echo "cores: $(nproc), not pinned"
rounds=${1:-7}
work=target/bench/start
mkdir -p "$work/empty"
# The launcher builds the jar and its start-up caches when they are missing or stale: the CLI's, and the app's
# (under Xvfb) when it is asked to open a folder.
./tunescope --version >/dev/null
major="$(tunescope_java_major "$JAVA_HOME")"
cache_options() {
  if [ "$major" -ge 25 ]; then echo "-XX:AOTCache=$1 -Xlog:aot=off -Xlog:cds=off"; else echo "-XX:SharedArchiveFile=$1 -Xlog:cds=off"; fi
}
read -r -a with <<<"$(cache_options "$PWD/target/start-cache-cli.jsa")"
[ -s target/start-cache-cli.jsa ] || { echo "no CLI start-up cache was built" >&2; exit 1; }
fx="$(ls target/lib/javafx-*.jar | grep -Ev -- '-[0-9.]+\.jar$' | paste -sd: -)"
# The options ./tunescope starts with (the cache holds only for these).
opts=(-Dai.djl.offline=true -XX:+UseG1GC --module-path "$fx" --add-modules javafx.controls,javafx.swing)
[ "$major" -lt 24 ] || opts+=(--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED,javafx.graphics)
big="$work/ingest_run/events.out.tfevents.1700000000.bench"
if [ ! -s "$big" ]; then
  java $MAVEN_OPTS -cp "target/test-classes:target/classes:target/lib/*" dev.tunescope.bench.IngestBenchmark 2000000 "$work" >/dev/null
fi
echo "big file: $(stat -c %s "$big") bytes"

now() { date +%s%N; }
# Wall seconds of one run of the CLI: cli_seconds [JVM OPTIONS...] -- ARGS...
cli_seconds() {
  local jvm=() t0
  while [ "$1" != -- ]; do jvm+=("$1"); shift; done; shift
  t0=$(now)
  java "${opts[@]}" "${jvm[@]}" -jar target/tunescope.jar "$@" >/dev/null 2>&1
  echo "scale=3; ($(now) - $t0) / 1000000000" | bc
}
# "first runs shown" of one app start, in seconds: app_seconds [JVM OPTIONS...]
app_seconds() {
  local shots; shots="$(mktemp -d)"
  xvfb-run -a -s "-screen 0 1600x1000x24" java "${opts[@]}" "$@" -jar target/tunescope.jar sample-runs \
    --screenshots "$shots" 2>/dev/null | sed -n 's/^first runs shown \([0-9]*\) ms.*/scale=3; \1 \/ 1000/p' | bc
  rm -rf "$shots"
}
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# compare NAME 'BASELINE COMMAND' 'COMMAND': interleaved rounds, one warm-up of each first (disk cache).
compare() {
  local name="$1" base="$2" cand="$3" b c bs="" cs="" rs="" r
  eval "$base" >/dev/null; eval "$cand" >/dev/null
  for ((r = 0; r < rounds; r++)); do
    b=$(eval "$base"); c=$(eval "$cand")
    bs+="$b "; cs+="$c "; rs+="$(echo "scale=4; $c / $b" | bc) "
  done
  printf '%-40s baseline %6.3f s   candidate %6.3f s   ratio %.2f   (medians of %d)\n' "$name" \
    "$(median <<<"$bs")" "$(median <<<"$cs")" "$(median <<<"$rs")" "$rounds"
}
compare "inspect empty folder, cache" "cli_seconds -- inspect $work/empty" "cli_seconds ${with[*]} -- inspect $work/empty"
compare "inspect big file, cache" "cli_seconds -- inspect $big" "cli_seconds ${with[*]} -- inspect $big"
compare "inspect empty folder, cache + C1 only" "cli_seconds ${with[*]} -- inspect $work/empty" \
  "cli_seconds ${with[*]} -XX:TieredStopAtLevel=1 -- inspect $work/empty"
compare "inspect big file, cache + C1 only" "cli_seconds ${with[*]} -- inspect $big" \
  "cli_seconds ${with[*]} -XX:TieredStopAtLevel=1 -- inspect $big"
compare "./tunescope inspect empty (launcher)" "cli_seconds -- inspect $work/empty" \
  "t0=\$(now); ./tunescope inspect $work/empty >/dev/null 2>&1; echo \"scale=3; (\$(now) - \$t0) / 1000000000\" | bc"
if command -v xvfb-run >/dev/null; then
  { [ -s target/start-cache-app.jsa ] && [ ! target/tunescope.jar -nt target/start-cache-app.jsa ]; } || bash installer/start-cache.sh app "$PWD/target/start-cache-app.jsa" \
    "$JAVA_HOME/bin/java" "${opts[@]}" -jar target/tunescope.jar >/dev/null
  read -r -a with_app <<<"$(cache_options "$PWD/target/start-cache-app.jsa")"
  compare "app: first runs shown (sample-runs)" "app_seconds" "app_seconds ${with_app[*]}"
else
  echo "app: skipped, xvfb-run is not installed"
fi
