#!/usr/bin/env bash
# Starts the app through ./tunescope under Xvfb on the sample runs, waits for the first plot, saves screenshots and
# checks the app exited cleanly with nothing alarming in its log; then the same with the installed .deb (installed as
# root) and with the app-image. Usage: installer/smoke-test.sh (after installer/build.sh app-image deb).
set -euo pipefail
cd "$(dirname "$0")/.."
out="target/installer/smoke"
rm -rf "$out" && mkdir -p "$out"

run_app() { # name, launcher
  local name="$1" launcher="$2" log="$out/$1.log"
  echo "== $name: $launcher"
  local start=$(date +%s%N)
  if ! timeout 180 xvfb-run -a -s "-screen 0 1600x1000x24" "$launcher" --light --screenshots "$out/$name" >"$log" 2>&1; then
    cat "$log"; echo "$name: the app did not exit cleanly" >&2; exit 1
  fi
  cat "$log"
  [ -s "$out/$name/main-window.png" ] || { echo "$name: no screenshot" >&2; exit 1; }
  if grep -E "Exception|Error:|SEVERE" "$log" | grep -v "^WARNING"; then
    echo "$name: errors in the log" >&2; exit 1
  fi
  # a normal start says nothing but its progress: no JavaFX, SLF4J or JVM warnings
  if grep -E "Unsupported JavaFX configuration|SLF4J|sun\.misc\.Unsafe|restricted method|^WARNING" "$log"; then
    echo "$name: warnings in the log of a normal start" >&2; exit 1
  fi
  echo "$name: first plot and screenshots in $(( ($(date +%s%N) - start) / 1000000 )) ms (whole run, incl. screenshots)"
}

# the launcher a developer uses (it passes JavaFX as modules and the JVM flags the installed apps get too)
run_app launcher ./tunescope
deb=$(ls target/installer/tunescope_*.deb)
# The package registers a menu entry; a desktop has these folders, a bare server may not.
mkdir -p /usr/share/applications /usr/share/desktop-directories
# Removed again however this script ends, also when the install itself fails half-way: the next run on this machine
# must find /opt/tunescope as it was before.
trap 'dpkg --purge tunescope >/dev/null 2>&1 || true' EXIT
# apt resolves the package's dependencies (xdg-utils); its lists may need fetching first on a fresh machine
apt-get install -y -q "$(realpath "$deb")" >/dev/null 2>&1 \
  || { apt-get update -q >/dev/null && apt-get install -y -q "$(realpath "$deb")" >/dev/null; }
run_app deb /opt/tunescope/bin/tunescope
run_app app-image target/installer/tunescope/bin/tunescope
ls -la "$deb" | awk '{print "deb size: " $5 " bytes"}'
du -sb target/installer/tunescope | awk '{print "app-image size: " $1 " bytes"}'
echo "smoke test passed"
