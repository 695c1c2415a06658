#!/usr/bin/env bash
# Records a start-up cache into a jpackage app-image and makes its launcher use it: installer/app-image-cache.sh DIR
# The native launcher takes JVM options only from lib/app/tunescope.cfg (not from JDK_JAVA_OPTIONS), so the recording
# option goes there for one run of the app-image itself (its own jlink runtime, the paths it ships with), and is then
# replaced by the option that reads the cache. The JVM accepts the cache after the image moves (/opt/tunescope) as
# long as the files keep their places inside it; a cache that does not match is ignored, silently.
# JDK 25+: an AOT cache (JEP 483/514); 19-24: a dynamic AppCDS archive; older runtimes, or a failed run: none.
# The run is the app under Xvfb taking its screenshots when xvfb-run is installed, otherwise diagnose of the samples.
set -euo pipefail
image="$1"
cfg="$image/lib/app/tunescope.cfg"
major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$image/lib/runtime/release")"
if [ "$major" -ge 25 ]; then
  record=(-XX:AOTCacheOutput='$APPDIR/tunescope.jsa' -Xlog:aot=error -Xlog:cds=error)
  use=(-XX:AOTCache='$APPDIR/tunescope.jsa' -Xlog:aot=off -Xlog:cds=off)
elif [ "$major" -ge 19 ]; then
  record=(-XX:ArchiveClassesAtExit='$APPDIR/tunescope.jsa' -Xlog:cds=error)
  use=(-XX:SharedArchiveFile='$APPDIR/tunescope.jsa' -Xlog:cds=off)
else
  echo "start-up cache: none (the runtime is JDK $major)"; exit 0
fi
cp "$cfg" "$cfg.orig"
trap 'mv -f "$cfg.orig" "$cfg"' ERR
printf 'java-options=%s\n' "${record[@]}" >>"$cfg"
scratch="$(mktemp -d)"
if command -v xvfb-run >/dev/null; then
  workload=(xvfb-run -a -s "-screen 0 1600x1000x24" "$image/bin/tunescope" "$image/lib/app/sample-runs" --screenshots "$scratch")
else
  workload=("$image/bin/tunescope" diagnose "$image/lib/app/sample-runs")
fi
start=$(date +%s)
"${workload[@]}" >/dev/null 2>&1 || true
rm -rf "$scratch"
mv -f "$cfg.orig" "$cfg"
trap - ERR
if [ -s "$image/lib/app/tunescope.jsa" ]; then
  printf 'java-options=%s\n' "${use[@]}" >>"$cfg"
  echo "start-up cache: $(stat -c %s "$image/lib/app/tunescope.jsa") bytes, recorded in $(( $(date +%s) - start )) s"
else
  rm -f "$image/lib/app/tunescope.jsa"*
  echo "start-up cache: none (the recording run failed)"
fi
