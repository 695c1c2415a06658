#!/usr/bin/env bash
# Ingest benchmark of the TensorBoard reader: bench/run-ingest.sh [points|big] [work-dir]
# Builds the project (tests skipped), then reads a generated event file pinned to one core, CRC checking on,
# once with G1 (the collector a JVM picks on a multi-core desktop) and once with Serial (its pick on one CPU).
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
java -version 2>&1 | head -1
mvn -q -B -DskipTests package
for gc in G1 Serial; do
  echo "== -XX:+Use${gc}GC, pinned to one core"
  taskset -c 0 java $MAVEN_OPTS -Xmx8g "-XX:+Use${gc}GC" \
    -cp "target/test-classes:target/classes:target/lib/*" dev.tunescope.bench.IngestBenchmark "$@"
done
