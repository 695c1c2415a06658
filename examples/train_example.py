#!/usr/bin/env python3
"""A tiny stand-in for a training script, to try Tunescope's "run my own command" studies.

It fits a linear model to synthetic data by minibatch SGD (least squares), with a linear learning-rate warmup
and gradient clipping by norm, and prints one JSON line per step on standard output, which Tunescope turns into
the run's metrics.jsonl:

    {"step": 12, "train/loss": 0.41, "train/grad_norm": 1.3, "lr": 0.01}
    {"step": 20, "train/loss": 0.22, "train/grad_norm": 0.9, "lr": 0.02, "eval/loss": 0.25}

Non-finite values are written as json.dumps writes them (NaN, Infinity); Tunescope reads those. At a learning
rate that is too high the weights blow up and the loss turns infinite, then NaN: the script stops after a few
non-finite steps, as a real run that diverged would be stopped.

Only the standard library is used. Use it in a study as

    python3 examples/train_example.py --lr {lr} --warmup {warmup_steps} --clip {clip} --bs {batch_size} \\
        --steps {steps} --out {out} --seed {seed}
"""

import argparse
import json
import math
import os
import random
import sys

FEATURES = 8
TRAIN_EXAMPLES = 512
EVAL_EXAMPLES = 128
EVAL_EVERY = 10
NON_FINITE_STEPS_BEFORE_STOP = 3


def make_data(rng, count, true_weights):
    """Examples (x, y) with y = w.x + noise, x drawn from a standard normal."""
    data = []
    for _ in range(count):
        x = [rng.gauss(0.0, 1.0) for _ in range(FEATURES)]
        y = sum(w * xi for w, xi in zip(true_weights, x)) + rng.gauss(0.0, 0.1)
        data.append((x, y))
    return data


def residual(weights, x, y):
    return sum(w * xi for w, xi in zip(weights, x)) - y


def mean_loss(weights, data):
    """Half the mean squared error; products rather than ** so overflow gives inf, not an exception."""
    total = 0.0
    for x, y in data:
        r = residual(weights, x, y)
        total += 0.5 * r * r
    return total / len(data)


def gradient(weights, batch):
    grad = [0.0] * FEATURES
    for x, y in batch:
        r = residual(weights, x, y)
        for i in range(FEATURES):
            grad[i] += r * x[i] / len(batch)
    return grad


def learning_rate(step, peak, warmup):
    """Linear warmup from 0 to the peak over `warmup` steps (step is 1-based), then constant."""
    if warmup > 0 and step <= warmup:
        return peak * step / warmup
    return peak


def norm(vector):
    total = 0.0
    for v in vector:
        total += v * v
    return math.sqrt(total)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lr", type=float, required=True, help="peak learning rate")
    parser.add_argument("--warmup", type=int, default=0, help="linear warmup steps (0: none)")
    parser.add_argument("--clip", type=float, default=0.0, help="clip the gradient norm to this (0: no clipping)")
    parser.add_argument("--bs", type=int, default=16, help="batch size")
    parser.add_argument("--steps", type=int, default=100, help="training steps")
    parser.add_argument("--out", default=None, help="folder for a summary.json of the run")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    true_weights = [rng.uniform(-1.0, 1.0) for _ in range(FEATURES)]
    train = make_data(rng, TRAIN_EXAMPLES, true_weights)
    held_out = make_data(rng, EVAL_EXAMPLES, true_weights)
    weights = [0.0] * FEATURES

    non_finite = 0
    record = {}
    for step in range(1, args.steps + 1):
        batch = [train[rng.randrange(len(train))] for _ in range(args.bs)]
        loss = mean_loss(weights, batch)
        grad = gradient(weights, batch)
        grad_norm = norm(grad)
        if args.clip > 0 and grad_norm > args.clip:
            grad = [g * args.clip / grad_norm for g in grad]
        lr = learning_rate(step, args.lr, args.warmup)
        weights = [w - lr * g for w, g in zip(weights, grad)]

        record = {"step": step, "train/loss": loss, "train/grad_norm": grad_norm, "lr": lr}
        if step % EVAL_EVERY == 0:
            record["eval/loss"] = mean_loss(weights, held_out)
        print(json.dumps(record), flush=True)

        non_finite = 0 if math.isfinite(loss) else non_finite + 1
        if non_finite >= NON_FINITE_STEPS_BEFORE_STOP:
            print("the loss is not finite for %d steps: diverged at step %d, stopping" % (non_finite, step),
                  file=sys.stderr)
            break

    if args.out:
        os.makedirs(args.out, exist_ok=True)
        with open(os.path.join(args.out, "summary.json"), "w") as summary:
            json.dump({"last": record, "diverged": non_finite > 0}, summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
