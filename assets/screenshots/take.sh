#!/usr/bin/env bash
# Takes the README's screenshots: the real app, in a real window under Xvfb, on the bundled sample runs.
# Needs Debian's xvfb and libgtk-3-0 (apt-get install xvfb libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/../.."
xvfb-run -a -s "-screen 0 1600x1000x24" ./tunescope sample-runs --light --screenshots assets/screenshots
dark="$(mktemp -d)"
xvfb-run -a -s "-screen 0 1600x1000x24" ./tunescope sample-runs --dark --screenshots "$dark"
cp "$dark/main-window.png" assets/screenshots/dark-theme.png
