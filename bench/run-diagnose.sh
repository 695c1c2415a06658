#!/usr/bin/env bash
# Opening a folder of runs to the full diagnosis: bench/run-diagnose.sh [runs] [steps] [work-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
java -version 2>&1 | head -1
mvn -q -B -DskipTests package
exec java $MAVEN_OPTS -Xmx4g -cp "target/test-classes:target/classes:target/lib/*" \
  dev.tunescope.bench.DiagnoseBenchmark "$@"
