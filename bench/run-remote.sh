#!/usr/bin/env bash
# Remote read benchmark: bench/run-remote.sh [points] [work-dir]
# Opens a generated event file (2M scalars, about 106 MB) over SFTP from an embedded SSH server on loopback and,
# interleaved in the same run, from the local disk (the baseline); then times a refresh after 1 MB was appended and
# counts the bytes it moved. Loopback has no network latency: on a real link the open is bound by its bandwidth.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
java -version 2>&1 | head -1
mvn -q -B -DskipTests package
java $MAVEN_OPTS -Xmx4g -XX:+UseG1GC -cp "target/test-classes:target/classes:target/lib/*" \
  dev.tunescope.bench.RemoteReadBenchmark "$@"
