#!/usr/bin/env bash
# Builds a start-up cache for one way of starting Tunescope: installer/start-cache.sh OUTPUT JAVA [JVM OPTIONS...] -jar JAR
# It runs the CLI over an empty folder and over sample-runs/ so the JVM records the classes a start loads and links;
# later starts given the cache map them instead of parsing and verifying jars again. JDK 25+ writes an AOT cache
# (JEP 483/514, -XX:AOTCacheOutput); JDK 19-24 a dynamic AppCDS archive (-XX:ArchiveClassesAtExit). The cache only
# holds for the same JDK, the same JVM options and the same jar paths: callers rebuild it whenever the jar changes.
# Prints the option to start with (-XX:AOTCache=... or -XX:SharedArchiveFile=...); prints nothing when none was made.
set -uo pipefail
out="$1"; java="$2"; shift 2
here="$(cd "$(dirname "$0")/.." && pwd)"
major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$(dirname "$(dirname "$java")")/release" 2>/dev/null)"
[ -n "$major" ] || major=0
empty="$(mktemp -d)"; tmp="$out.tmp.$$"
trap 'rm -rf "$empty" "$tmp" "$tmp.config"' EXIT
mkdir -p "$(dirname "$out")"
# One JVM records the cache, so the workload is one command; diagnose reads every sample run and builds the findings,
# which loads the readers, the run model and the report writer that inspect and the app's first plot also use.
workload=(diagnose "$here/sample-runs")
if [ "$major" -ge 25 ]; then
  # -Xlog:aot=error: the JDK lists each class it cannot link ahead of time (picocli's handlers); those just load as usual.
  "$java" -XX:AOTCacheOutput="$tmp" -Xlog:aot=error -Xlog:cds=error "$@" "${workload[@]}" >/dev/null 2>&1 \
    && [ -s "$tmp" ] && mv -f "$tmp" "$out" && echo "-XX:AOTCache=$out"
elif [ "$major" -ge 19 ]; then
  "$java" -XX:ArchiveClassesAtExit="$tmp" -Xlog:cds=error "$@" "${workload[@]}" >/dev/null 2>&1 \
    && [ -s "$tmp" ] && mv -f "$tmp" "$out" && echo "-XX:SharedArchiveFile=$out"
fi
exit 0
