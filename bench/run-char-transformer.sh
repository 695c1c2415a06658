#!/usr/bin/env bash
# Time per training step of the character Transformer, both arrangements: bench/run-char-transformer.sh [batch] [steps]
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
java -version 2>&1 | head -1
mvn -q -B -DskipTests package
exec java $MAVEN_OPTS -Xmx2g -Dai.djl.offline=true -cp "target/test-classes:target/classes:target/lib/*" \
  dev.tunescope.bench.CharTransformerStepBenchmark "$@"
