#!/usr/bin/env bash
# Builds Tunescope's installers with jpackage and a jlink runtime: installer/build.sh [app-image|deb|rpm]...
# Output in target/installer/. Needs a JDK 21+ (for jpackage) and, for deb, dpkg-deb and fakeroot; for rpm, rpmbuild.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
types=("$@"); [ ${#types[@]} -gt 0 ] || types=(app-image deb)
version="$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -1)"
mvn -q -B -DskipTests package
rm -rf target/installer && mkdir -p target/installer/input
cp target/tunescope.jar target/installer/input/
cp -r target/lib target/installer/input/lib
mkdir -p target/installer/input/sample-runs && cp -r sample-runs/. target/installer/input/sample-runs/
# JavaFX goes into the runtime as named modules, as it expects to be loaded (from the class path it warns
# "Unsupported JavaFX configuration" on every start), so its jars leave the class path. The jars with a platform
# classifier (javafx-graphics-21.0.8-linux.jar) hold the modules; the others are empty placeholders.
fx="$(ls target/lib/javafx-*.jar | grep -Ev -- '-[0-9.]+\.jar$' | paste -sd: -)"
rm target/installer/input/lib/javafx-*.jar
# The modules the app and its libraries use (DJL and the rest come as jars on the class path).
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.jfr,javafx.controls,javafx.swing
jlink --module-path "$fx" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output target/installer/runtime
java_options="-Dai.djl.offline=true -XX:+UseG1GC -Dtunescope.samples=\$APPDIR/sample-runs"
# The runtime is this JDK's: on 24+ it warns about protobuf-java's sun.misc.Unsafe and about JavaFX and JNA loading
# native code unless told these are expected, as ./tunescope tells it (older JDKs do not know the first flag).
if [ "$(tunescope_java_major "$JAVA_HOME")" -ge 24 ]; then
  java_options+=" --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED,javafx.graphics"
else
  java_options+=" --enable-native-access=ALL-UNNAMED"
fi
common=(--name tunescope --app-version "$version" --vendor "Tunescope" --description "Tuning playbook for training runs"
  --input target/installer/input --main-jar tunescope.jar --main-class dev.tunescope.Main
  --runtime-image target/installer/runtime --icon assets/tunescope.png --dest target/installer
  --java-options "$java_options")
for type in "${types[@]}"; do
  start=$(date +%s)
  case "$type" in
    app-image) jpackage --type app-image "${common[@]}" ;;
    deb) jpackage --type deb "${common[@]}" --linux-shortcut --linux-menu-group Development --linux-app-category devel ;;
    rpm) jpackage --type rpm "${common[@]}" --linux-shortcut --linux-menu-group Development ;;
    *) echo "unknown package type $type" >&2; exit 2 ;;
  esac
  echo "$type built in $(( $(date +%s) - start )) s"
done
ls -la target/installer
