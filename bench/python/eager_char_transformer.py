#!/usr/bin/env python3
"""Steps/s of the same character Transformer in PyTorch eager mode, for bench/run-pytorch-compare.sh.

Mirrors dev.tunescope.train.CharTransformerWorkload's default settings: vocabulary 90, context 64, width 64,
4 heads, 2 blocks, FFN 256 with GELU, learned token and position embeddings, Post-LN or Pre-LN, separate q/k/v/out
projections, causal mask; Adam at 1e-3, batch 32, random token windows. Prints one number: steps per second,
timed from the end of step 1 to the end of step n-1, like the Java benchmark.
"""
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, width, heads, ffn, pre_ln):
        super().__init__()
        self.heads, self.pre_ln = heads, pre_ln
        self.q, self.k, self.v, self.o = (nn.Linear(width, width) for _ in range(4))
        self.ffn_in, self.ffn_out = nn.Linear(width, ffn), nn.Linear(ffn, width)
        self.norm1, self.norm2 = nn.LayerNorm(width), nn.LayerNorm(width)

    def attention(self, x):
        b, t, c = x.shape
        h = self.heads
        q = self.q(x).view(b, t, h, c // h).transpose(1, 2)
        k = self.k(x).view(b, t, h, c // h).transpose(1, 2)
        v = self.v(x).view(b, t, h, c // h).transpose(1, 2)
        scores = q @ k.transpose(-2, -1) / math.sqrt(c // h)
        mask = torch.triu(torch.full((t, t), -1e9), diagonal=1)
        weights = torch.softmax(scores + mask, dim=-1)
        return self.o((weights @ v).transpose(1, 2).reshape(b, t, c))

    def ffn(self, x):
        return self.ffn_out(F.gelu(self.ffn_in(x)))

    def forward(self, x):
        if self.pre_ln:
            x = x + self.attention(self.norm1(x))
            return x + self.ffn(self.norm2(x))
        x = self.norm1(x + self.attention(x))
        return self.norm2(x + self.ffn(x))


class Model(nn.Module):
    def __init__(self, vocab, context, width, heads, layers, ffn, pre_ln):
        super().__init__()
        self.tokens = nn.Parameter(torch.randn(vocab, width) * 0.02)
        self.positions = nn.Parameter(torch.randn(context, width) * 0.02)
        self.blocks = nn.ModuleList(Block(width, heads, ffn, pre_ln) for _ in range(layers))
        self.final = nn.LayerNorm(width) if pre_ln else None
        self.head = nn.Linear(width, vocab)

    def forward(self, ids):
        x = self.tokens[ids] + self.positions[: ids.shape[1]]
        for block in self.blocks:
            x = block(x)
        if self.final is not None:
            x = self.final(x)
        return self.head(x)


def main():
    pre_ln = len(sys.argv) > 1 and sys.argv[1] == "pre-ln"
    batch = int(sys.argv[2]) if len(sys.argv) > 2 else 32
    steps = int(sys.argv[3]) if len(sys.argv) > 3 else 150
    torch.manual_seed(0)
    vocab, context = 90, 64
    model = Model(vocab, context, 64, 4, 2, 256, pre_ln)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    data = torch.randint(0, vocab, (20000,))
    start = end = 0.0
    for step in range(1, steps + 1):
        offsets = torch.randint(0, data.shape[0] - context - 1, (batch,))
        windows = torch.stack([data[o: o + context + 1] for o in offsets.tolist()])
        logits = model(windows[:, :-1])
        loss = F.cross_entropy(logits.reshape(-1, vocab), windows[:, 1:].reshape(-1))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step == 1:
            start = time.perf_counter()
        elif step == steps - 1:
            end = time.perf_counter()
    print(f"{(steps - 2) / (end - start):.2f}")


if __name__ == "__main__":
    main()
