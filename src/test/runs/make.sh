#!/usr/bin/env bash
# Trains the test studies under src/test/runs with Tunescope's own trainer (CPU, about 3 minutes on 2 cores).
# They are real runs of the character Transformer, kept small: 300 steps, eval every 10, no histograms.
# Rerunning keeps what is there (studies resume); delete a folder to train it again.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ts="$here/../../../tunescope"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
common=(--optimizer adam --batch-size 32 --steps 300 --eval-every 10 --histogram-every 0 --seed 1)

# Post-LN: a sweep whose rates from 0.01 up collapse to a plateau; lr* is interior.
"$ts" study lr-sweep --workload char-transformer-post-ln "${common[@]}" --lr-min 1e-3 --lr-max 1e-1 --count 5 \
  --out "$here/post-ln/sweep"
# A warmup study at two unstable rates, written as a user might: plain trial folders, and a study.json naming the
# sweep it belongs to. 100 warmup steps rescue 0.01; neither warmup rescues 0.1.
for lr in 1.00e-02 1.00e-01; do
  for warmup in 30 100; do
    dir="$here/post-ln/warmup/lr_${lr}_warmup_${warmup}"
    [ -f "$dir/run.json" ] || "$ts" train --workload char-transformer-post-ln "${common[@]}" --lr "$lr" \
      --warmup "$warmup" --out "$dir"
  done
done
printf '{"kind": "warmup", "from": "../sweep"}\n' > "$here/post-ln/warmup/study.json"
# Clipping at the smallest unstable rate: no threshold rescues it (the collapse is not a gradient spike).
for clip in 0.25 1; do
  dir="$here/post-ln/clip/lr_1.00e-02_clip_${clip}"
  [ -f "$dir/run.json" ] || "$ts" train --workload char-transformer-post-ln "${common[@]}" --lr 0.01 --clip "$clip" \
    --out "$dir"
done
printf '{"kind": "clip", "from": "../sweep"}\n' > "$here/post-ln/clip/study.json"
# Pre-LN holds the rates where Post-LN collapses.
"$ts" study lr-sweep --workload char-transformer-pre-ln "${common[@]}" --lr-min 3.16e-3 --lr-max 1e-1 --count 3 \
  --out "$here/pre-ln/sweep"
