#!/usr/bin/env bash
# Builds the macOS disk image (.dmg) on a Mac with a JDK 21+: mvn -DskipTests package && installer/macos.sh
# The PyTorch native library for macOS replaces the Linux one (DJL's pytorch-native-cpu, classifier osx-aarch64 on
# Apple silicon, osx-x86_64 on Intel), and JavaFX must be the macOS build of the same version.
set -euo pipefail
cd "$(dirname "$0")/.."
arch="$( [ "$(uname -m)" = arm64 ] && echo osx-aarch64 || echo osx-x86_64 )"
fx="$( [ "$(uname -m)" = arm64 ] && echo mac-aarch64 || echo mac )"
version="$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -1)"
mvn -q -B -DskipTests package -Djavafx.platform="$fx"
rm -rf target/installer && mkdir -p target/installer/input
cp target/tunescope.jar target/installer/input/ && cp -r target/lib target/installer/input/lib
cp -r sample-runs target/installer/input/sample-runs
mvn -q dependency:copy -Dartifact="ai.djl.pytorch:pytorch-native-cpu:2.7.1:jar:$arch" \
  -DoutputDirectory=target/installer/input/lib
rm target/installer/input/lib/pytorch-native-cpu-2.7.1-linux-x86_64.jar
# JavaFX goes into the runtime as named modules (from the class path it warns "Unsupported JavaFX configuration"
# on every start): the jars with a platform classifier hold the modules, the others are empty placeholders.
fxjars="$(ls target/lib/javafx-*.jar | grep -Ev -- '-[0-9.]+\.jar$' | paste -sd: -)"
rm target/installer/input/lib/javafx-*.jar
jlink --module-path "$fxjars" --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.jfr,javafx.controls,javafx.swing \
  --strip-debug --no-header-files --no-man-pages --output target/installer/runtime
jpackage --type dmg --name Tunescope --app-version "$version" --vendor Tunescope \
  --description "Tuning playbook for training runs" --input target/installer/input --main-jar tunescope.jar \
  --main-class dev.tunescope.Main --runtime-image target/installer/runtime --icon assets/tunescope.icns \
  --java-options "-Dai.djl.offline=true --enable-native-access=ALL-UNNAMED -Dtunescope.samples=\$APPDIR/sample-runs" \
  --mac-package-identifier dev.tunescope --dest target/installer
