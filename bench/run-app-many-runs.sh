#!/usr/bin/env bash
# Many runs in the desktop app: bench/run-app-many-runs.sh [copies] [repeats] [work-dir]
# A folder of copies of the shared fixture tree (14 real runs each; 715 copies = 10,010 runs), opened in the app
# under Xvfb and openbox through ./tunescope, interleaved with the app on one copy (the app's start and floor).
# Prints, as medians, when the first runs were on screen and when every study was diagnosed and drawn, both from
# the JVM's start (the app's --screenshots mode prints them, then saves its views and exits).
# Needs Debian's xvfb, libgtk-3-0 and openbox.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
copies=${1:-715}
repeats=${2:-3}
work=${3:-target/bench/app-many}
mvn -q -B -DskipTests package
write_copies() { # $1: how many, into $work/fixtures-x$1, once
  local folder="$work/fixtures-x$1"
  [[ -e "$folder/done" ]] && return
  for ((i = 0; i < $1; i++)); do
    local copy="$folder/$(printf 'copy_%04d' "$i")"
    mkdir -p "$copy"
    for part in tb lightning_csv keras_csv mlflow; do cp -r "../shared/fixtures/$part" "$copy/"; done
  done
  touch "$folder/done"
}
write_copies "$copies"
write_copies 1
app_on() { # $1: the folder; the app's output in $work/out.txt
  rm -rf "$work/shots"
  xvfb-run -a -s "-screen 0 1600x1000x24" bash -c 'openbox >/dev/null 2>&1 & sleep 1; "$@"' _ \
    ./tunescope "$1" --light --screenshots "$work/shots" >"$work/out.txt" 2>&1 || { cat "$work/out.txt"; exit 1; }
}
app_on "$work/fixtures-x1" # the launcher builds the app's start-up cache here, before the timed runs
. bench/median.sh
declare -A first drawn
for ((r = 0; r < repeats; r++)); do
  for folder in "fixtures-x$copies" fixtures-x1; do
    app_on "$work/$folder"
    first[$folder]+="$(sed -n 's/^first runs shown \([0-9]*\) ms.*/\1/p' "$work/out.txt") "
    drawn[$folder]+="$(sed -n 's/^diagnosed and drawn \([0-9]*\) ms.*/\1/p' "$work/out.txt") "
  done
done
for folder in "fixtures-x$copies" fixtures-x1; do
  printf '%s: first runs on screen %s ms, all diagnosed and drawn %s ms (medians of %d)\n' "$folder" \
    "$(median <<<"${first[$folder]}")" "$(median <<<"${drawn[$folder]}")" "$repeats"
done
