#!/usr/bin/env bash
# Reconnect benchmark: bench/run-reconnect.sh [points] [work-dir]
# Opens a generated event file (2M scalars, about 106 MB) over SFTP from an embedded SSH server on loopback, through
# the app's own SshFolders, with and (interleaved, in the same run) without the session killed half way through the
# read; reports the time each takes and the file bytes the server sent for each.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
java -version 2>&1 | head -1
mvn -q -B -DskipTests package
java $MAVEN_OPTS -Xmx4g -XX:+UseG1GC -cp "target/test-classes:target/classes:target/lib/*" \
  dev.tunescope.bench.ReconnectBenchmark "$@"
