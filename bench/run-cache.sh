#!/usr/bin/env bash
# Run cache benchmarks.
#   bench/run-cache.sh reopen [work-dir]   reopening the big tensorboardX-shaped file's folder, warm JVM, against
#                                          reading it from its file in the same rounds
#   bench/run-cache.sh huge [dir] [runs] [steps]
#                                          a folder of 200 million points (4 runs x 50 tags x 1M steps, ~11 GB),
#                                          opened with `inspect` under -Xmx1g twice: cache emptied, then warm
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
java -version 2>&1 | head -1
mvn -q -B -DskipTests package
cp="target/test-classes:target/classes:target/lib/*"
case "${1:-reopen}" in
  reopen)
    taskset -c 0 java -Xmx4g -XX:+UseG1GC -cp "$cp" dev.tunescope.bench.RunCacheBenchmark "${2:-target/bench}" ;;
  huge)
    dir="${2:-target/bench/huge}"
    java -cp "$cp" dev.tunescope.bench.HugeFolder "$dir" "${3:-4}" "${4:-1000000}"
    du -sh "$dir"
    cache="$(mktemp -d)"
    for pass in "cache emptied" "cache warm"; do
      echo "== inspect under -Xmx1g, $pass"
      /usr/bin/time -f "%e s wall, %M KB max resident" \
        java -Xmx1g -XX:+UseG1GC -Dtunescope.cache="$cache" -jar target/tunescope.jar inspect "$dir" \
        | grep -E "points|^lr_|train/loss" | head -12
    done
    du -sh "$cache"
    rm -rf "$cache" ;;
  *) echo "usage: bench/run-cache.sh reopen|huge ..." >&2; exit 2 ;;
esac
