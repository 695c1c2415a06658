#!/usr/bin/env bash
# M4 reduction benchmark: bench/run-m4.sh [points] [width]
# Builds the project (tests skipped), then reduces a generated series, pinned to one core.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
java -version 2>&1 | head -1
mvn -q -B -DskipTests package
taskset -c 0 java $MAVEN_OPTS -Xmx2g -cp "target/test-classes:target/classes:target/lib/*" \
  dev.tunescope.bench.M4Benchmark "$@"
