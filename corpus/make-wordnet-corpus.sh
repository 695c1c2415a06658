#!/usr/bin/env bash
# Rebuilds the character Transformer's bundled corpus from WordNet 3.0 as Debian ships it (package wordnet-base).
# Run once by hand when the corpus changes; the build and the trainer only read the committed result.
#   bash corpus/make-wordnet-corpus.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download wordnet-base >/dev/null && dpkg -x wordnet-base_*.deb root)
out=src/main/resources/dev/tunescope/train/corpus
python3 corpus/wordnet_glosses.py "$work/root/usr/share/wordnet" | gzip -9n > "$out/wordnet-3.0-glosses.txt.gz.tmp"
mv "$out/wordnet-3.0-glosses.txt.gz.tmp" "$out/wordnet-3.0-glosses.txt.gz"
zcat -f "$work/root/usr/share/doc/wordnet-base/copyright" | awk '/^License: WordNet3.0/{on=1; next} on && /^Files:/{exit} on' \
  | sed 's/^ \.$//; s/^ //' > "$out/WORDNET-LICENSE.txt"
ls -l "$out"
