#!/usr/bin/env bash
# Steps/s of Tunescope's training loop against a bare DJL loop: bench/run-trainer.sh [workload] [batch] [steps]
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
java -version 2>&1 | head -1
mvn -q -B -DskipTests package
exec java $MAVEN_OPTS --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Xmx4g \
  -cp "target/test-classes:target/classes:target/lib/*" dev.tunescope.bench.TrainerBenchmark "$@"
