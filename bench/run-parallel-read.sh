#!/usr/bin/env bash
# Parallel reading: bench/run-parallel-read.sh [copies] [threads] [work-dir]
# Loads a folder of copies of the shared fixture tree (14 real runs each; 72 copies = 1,008 runs) with the JVM
# warm and no run cache, on [threads] threads (default: one per core) and on one thread, interleaved in the same
# process (ParallelReadBenchmark), and prints both medians and the speed-up. It times the same way the in-process
# `diagnose` of that folder (read, group, judge) and a ceiling: the folder's files read and parsed on plain threads
# that share nothing (ParallelCeiling), which says how much faster than one thread this machine's cores can go.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
java -version 2>&1 | head -1
copies=${1:-72}
threads=${2:-$(nproc)}
work=${3:-target/bench/many}
mvn -q -B -DskipTests package
cp="target/test-classes:target/classes:target/lib/*"
java $MAVEN_OPTS -Dai.djl.offline=true -XX:+UseG1GC -cp "$cp" dev.tunescope.bench.ParallelReadBenchmark "$copies" \
  "$threads" "$work"
