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
    # three interleaved rounds of: cache off (the baseline), cache emptied (the first open), cache warm (a reopen)
    dir="${2:-target/bench/huge}"
    java -cp "$cp" dev.tunescope.bench.HugeFolder "$dir" "${3:-4}" "${4:-1000000}"
    du -sh "$dir"
    cache="$(mktemp -d)"
    results="$(mktemp)"
    for round in 1 2 3; do
      for pass in off emptied warm; do
        setting="$cache"
        [ "$pass" = off ] && setting=off
        [ "$pass" = emptied ] && rm -rf "${cache:?}"/*
        /usr/bin/time -o "$results.one" -f "%e %M" java -Xmx1g -XX:+UseG1GC -Dtunescope.cache="$setting" \
          -jar target/tunescope.jar inspect "$dir" > "$results.out" 2> "$results.err"
        echo "$pass $(cat "$results.one") $(grep -c ' 1000000 ' "$results.out") $(grep -c 'heap budget' "$results.err")" \
          | tee -a "$results"
      done
    done
    echo "pass: median wall s, median max resident MB, series with every point, heap-budget notices"
    for pass in off emptied warm; do
      grep "^$pass " "$results" | sort -k2 -n | sed -n 2p \
        | awk '{printf "%s: %s s, %d MB, %s series, %s notices\n", $1, $2, $3 / 1024, $4, $5}'
    done
    du -sh "$cache"
    rm -rf "$cache" "$results" "$results".* ;;
  *) echo "usage: bench/run-cache.sh reopen|huge ..." >&2; exit 2 ;;
esac
