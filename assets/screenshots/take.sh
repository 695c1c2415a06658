#!/usr/bin/env bash
# Takes the README's screenshots: the real app, in a real window under Xvfb with a window manager (openbox, so
# the window is decorated, placed and focused as on a desktop), on the bundled sample runs.
# Needs Debian's xvfb, libgtk-3-0 and openbox (apt-get install xvfb libgtk-3-0 openbox).
set -euo pipefail
cd "$(dirname "$0")/../.."
in_window_manager() {
  xvfb-run -a -s "-screen 0 1600x1000x24" bash -c 'openbox >/dev/null 2>&1 & sleep 1; "$@"' _ "$@"
}
in_window_manager ./tunescope sample-runs --light --screenshots assets/screenshots
dark="$(mktemp -d)"
in_window_manager ./tunescope sample-runs --dark --screenshots "$dark"
cp "$dark/main-window.png" assets/screenshots/dark-theme.png
