#!/usr/bin/env bash
# Regenerates the sample runs with Tunescope's own trainer on the bundled WordNet corpus (CPU is enough: about
# 10 minutes on 2 cores with OMP_NUM_THREADS=1). Every study is resumable: rerunning this script keeps what is
# already there; delete a study's folder to train it again.
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
common=(--optimizer adam --batch-size 32 --eval-every 10 --histogram-every 50 --seed 1)
ts() { ./tunescope "$@" </dev/null | tr '\r' '\n' | grep -v ' ETA ' || true; }

# An LR sweep of the Post-LN Transformer: the top rates collapse to the plateau of a model that predicts
# character frequencies only, far above lr*'s loss.
ts study lr-sweep --workload char-transformer-post-ln "${common[@]}" --lr-min 1e-4 --lr-max 1e-1 --count 7 \
  --steps 300 --out sample-runs/post-ln-lr-sweep
# The same sweep with Pre-LN blocks, for the playbook's architecture advice.
ts study lr-sweep --workload char-transformer-pre-ln "${common[@]}" --lr-min 1e-4 --lr-max 1e-1 --count 7 \
  --steps 300 --out sample-runs/pre-ln-lr-sweep
# Warmup at the smallest unstable rate, planned from the sweep's diagnosis, its set-up inherited from the sweep
# (warmup 10 and 100 steps, each followed by twice as many at the full rate).
ts study warmup --from sample-runs/post-ln-lr-sweep --warmup-multiplier 1 --max-train-steps 1000 \
  --out sample-runs/post-ln-warmup
# Clipping thresholds at that rate, around the percentiles of lr*'s gradient norms.
ts study clip --from sample-runs/post-ln-lr-sweep --out sample-runs/post-ln-clip
# Throughput per batch size.
ts study batch-probe --workload char-transformer-post-ln --optimizer adam --lr 0.003 --first-batch 8 \
  --last-batch 512 --steps 20 --eval-every 1000 --histogram-every 0 --out sample-runs/batch-probe
# The recommended config trained beside the sweep's best constant rate, three seeds each.
ts verify sample-runs/post-ln-lr-sweep --seeds 3 --out sample-runs/post-ln-verify
