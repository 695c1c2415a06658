#!/usr/bin/env bash
# Ingest benchmark of the TensorBoard reader: bench/run-ingest.sh [points] [work-dir]
# Builds the project (tests skipped), then runs on one core with CRC checking on.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
"$JAVA_HOME/bin/java" -version 2>&1 | head -1
mvn -q -B -DskipTests package
exec taskset -c 0 "$JAVA_HOME/bin/java" -Xmx8g \
  -cp "target/test-classes:target/classes:target/lib/*" dev.tunescope.bench.IngestBenchmark "$@"
