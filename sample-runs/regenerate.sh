#!/usr/bin/env bash
# Regenerates the sample runs with Tunescope's own trainer (CPU is enough: about 5 minutes on 2 cores).
# Every study is resumable: rerunning this script keeps what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
common=(--optimizer adam --batch-size 32 --eval-every 10 --histogram-every 50 --seed 1)
ts() { ./tunescope "$@"; echo; }

# An LR sweep of the Post-LN Transformer: the top rates collapse to a plateau far above lr*'s loss.
ts study lr-sweep --workload char-transformer-post-ln "${common[@]}" --lr-min 1e-4 --lr-max 1e-1 --count 7 \
  --steps 300 --out sample-runs/post-ln-lr-sweep
# The same sweep with Pre-LN blocks, for the playbook's architecture advice.
ts study lr-sweep --workload char-transformer-pre-ln "${common[@]}" --lr-min 1e-4 --lr-max 1e-1 --count 7 \
  --steps 300 --out sample-runs/pre-ln-lr-sweep
# Warmup at the smallest unstable rate, planned from the sweep's diagnosis (warmup 10 and 100 steps, each
# followed by twice as many at the full rate).
ts study warmup --from sample-runs/post-ln-lr-sweep --warmup-multiplier 1 --max-train-steps 1000 \
  --workload char-transformer-post-ln "${common[@]}" --out sample-runs/post-ln-warmup
# Clipping thresholds at that rate, around the percentiles of lr*'s gradient norms.
ts study clip --from sample-runs/post-ln-lr-sweep --workload char-transformer-post-ln "${common[@]}" \
  --out sample-runs/post-ln-clip
# Throughput per batch size.
ts study batch-probe --workload char-transformer-post-ln --optimizer adam --lr 0.003 --first-batch 8 \
  --last-batch 512 --steps 20 --eval-every 1000 --histogram-every 0 --out sample-runs/batch-probe
