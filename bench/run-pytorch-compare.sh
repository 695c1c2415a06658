#!/usr/bin/env bash
# Tunescope's training loop against the same Transformer in PyTorch eager mode (Debian's python3-torch), on the
# CPU with the same number of threads: bench/run-pytorch-compare.sh [post-ln|pre-ln] [batch] [steps]
# Needs: apt-get install python3-torch libopenblas0-openmp (without the OpenMP BLAS a step is about 10x slower).
set -euo pipefail
cd "$(dirname "$0")/.."
placement="${1:-post-ln}"; batch="${2:-32}"; steps="${3:-150}"
if ! /usr/bin/python3 -c "import torch" 2>/dev/null; then
  echo "python3-torch is not installed; nothing to compare with" >&2
  exit 0
fi
threads="$(nproc)"
eager=$(OMP_NUM_THREADS=$threads /usr/bin/python3 bench/python/eager_char_transformer.py "$placement" "$batch" "$steps")
echo "PyTorch eager ($(/usr/bin/python3 -c 'import torch; print(torch.__version__)')): $eager steps/s"
ours=$(bench/run-trainer.sh "char-transformer-$placement" "$batch" "$steps" | sed -n 's/^Tunescope training loop: \([0-9.]*\) steps\/s/\1/p')
echo "Tunescope training loop (DJL, PyTorch 2.7.1): $ours steps/s"
python3 -c "print('Tunescope / PyTorch eager: %.3f' % ($ours / $eager))"
