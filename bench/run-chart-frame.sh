#!/usr/bin/env bash
# Chart frame benchmark: bench/run-chart-frame.sh [series] [points] [frames]
# Builds the project (tests skipped), then times full redraws of a 1600x900 line chart while panning,
# headless under Monocle with the software renderer (the same properties as the tests in pom.xml).
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
java -version 2>&1 | head -1
mvn -q -B -DskipTests package
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java $MAVEN_OPTS -Xmx8g \
  -Dtestfx.robot=glass -Dtestfx.headless=true -Dglass.platform=Monocle -Dmonocle.platform=Headless \
  -Dprism.order=sw -Dprism.text=t2k -Djava.awt.headless=true -Dheadless.geometry=1920x1080-32 \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.tunescope.bench.ChartFrameBenchmark "$@"
