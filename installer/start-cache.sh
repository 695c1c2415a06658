#!/usr/bin/env bash
# Builds a start-up cache for one way of starting Tunescope:
#   installer/start-cache.sh cli|app OUTPUT JAVA [JVM OPTIONS...] -jar JAR
# It starts Tunescope once so the JVM records the classes a start loads and links; later starts given the cache map
# them instead of reading and verifying jars again. JDK 25+ writes an AOT cache (JEP 483/514, -XX:AOTCacheOutput);
# JDK 19-24 a dynamic AppCDS archive (-XX:ArchiveClassesAtExit); older JDKs nothing. The cache only holds for the same
# JDK, JVM options and jar paths (the JVM checks, and ignores a cache that does not match), so callers rebuild it
# whenever the jar changes. Prints the options to start with; prints nothing when no cache was made.
#   cli: diagnose of sample-runs/, which loads the readers, the run model and the report code inspect also uses.
#   app: the app on sample-runs/ under Xvfb taking its screenshots (it exits by itself); needs xvfb-run. One cache
#        for both costs the CLI: mapping the app's ~57 MB instead of ~30 MB makes inspect ~0.07 s slower.
set -uo pipefail
mode="$1"; out="$2"; java="$3"; shift 3
here="$(cd "$(dirname "$0")/.." && pwd)"
major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$(dirname "$(dirname "$java")")/release" 2>/dev/null)"
[ -n "$major" ] || major=0
scratch="$(mktemp -d)"; tmp="$out.tmp.$$"
trap 'rm -rf "$scratch" "$tmp" "$tmp.config"' EXIT
mkdir -p "$(dirname "$out")"
case "$mode" in
  cli) run=() workload=(diagnose "$here/sample-runs") ;;
  app) command -v xvfb-run >/dev/null || exit 0
       run=(xvfb-run -a -s "-screen 0 1600x1000x24") workload=("$here/sample-runs" --screenshots "$scratch") ;;
  *) echo "start-cache.sh: mode is cli or app, not $mode" >&2; exit 2 ;;
esac
if [ "$major" -ge 25 ]; then
  # -Xlog:aot=error: the JDK lists each class it cannot link ahead of time (picocli's handlers); those load as usual.
  record=(-XX:AOTCacheOutput="$tmp" -Xlog:aot=error -Xlog:cds=error) use=(-XX:AOTCache="$out" -Xlog:aot=off -Xlog:cds=off)
elif [ "$major" -ge 19 ]; then
  record=(-XX:ArchiveClassesAtExit="$tmp" -Xlog:cds=error) use=(-XX:SharedArchiveFile="$out" -Xlog:cds=off)
else
  exit 0
fi
echo "tunescope: building the $mode start-up cache (once per build)" >&2
"${run[@]}" "$java" "${record[@]}" "$@" "${workload[@]}" >/dev/null 2>&1 && [ -s "$tmp" ] && mv -f "$tmp" "$out" \
  && echo "${use[*]}"
exit 0
