#!/usr/bin/python3
"""The denoising and variational autoencoders of issue 25, trained in PyTorch on the CPU, to
check the app's reference figures (docs/benchmarks.md) against another framework.

Same setup as the app's defaults: 784-128-32-128-784 (a VAE: 784-128-(32 mean, 32 log-var)-
128-784), relu, sigmoid output, Adam (lr 1e-3, eps 1e-7), batch 128, a reshuffle every epoch,
glorot-uniform weights and zero biases, 10 epochs on the real MNIST files.
- denoising: every batch gets a fresh mask that drops half its pixels; the loss is the mean
  binary cross-entropy of the rebuild against the clean digits; validation on the test digits,
  damaged once with a fixed seed, against the clean ones.
- vae: reconstruction = binary cross-entropy summed over the 784 pixels, plus beta x the KL
  divergence to N(0, I); per-image means; validation with one sampled code per test digit.

Usage: torch_kinds.py IDX_DIR denoising|vae [EPOCHS] [THREADS]
Prints one JSON line per epoch (train and validation loss; a VAE's two terms too).
"""
import json, os, struct, sys, time
import numpy as np
import torch
from torch import nn


def read_idx(path):
    with open(path, 'rb') as f:
        data = f.read()
    (magic,) = struct.unpack('>I', data[:4])
    ndim = magic & 0xFF
    dims = struct.unpack('>' + 'I' * ndim, data[4 : 4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def dense(i, o):
    layer = nn.Linear(i, o)
    nn.init.xavier_uniform_(layer.weight)
    nn.init.zeros_(layer.bias)
    return layer


idx_dir, kind = sys.argv[1], sys.argv[2]
epochs = int(sys.argv[3]) if len(sys.argv) > 3 else 10
torch.set_num_threads(int(sys.argv[4]) if len(sys.argv) > 4 else 2)
torch.manual_seed(1)


def images(name):
    raw = read_idx(os.path.join(idx_dir, name)).reshape(-1, 784).astype(np.float32) / 255.0
    return torch.from_numpy(raw)


x_train = images('train-images-idx3-ubyte')
x_test = images('t10k-images-idx3-ubyte')
BATCH, NOISE, BETA, LATENT = 128, 0.5, 1.0, 32
EPS = 1e-7


def bce(p, t):
    p = p.clamp(EPS, 1 - EPS)
    return -(t * p.log() + (1 - t) * (1 - p).log())


class Vae(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = dense(784, 128)
        self.mean = dense(128, LATENT)
        self.log_var = dense(128, LATENT)
        self.decoder = nn.Sequential(dense(LATENT, 128), nn.ReLU(), dense(128, 784), nn.Sigmoid())

    def terms(self, x):
        h = torch.relu(self.hidden(x))
        mean, log_var = self.mean(h), self.log_var(h)
        code = mean + torch.exp(0.5 * log_var) * torch.randn_like(mean)
        rebuild = bce(self.decoder(code), x).sum(1)
        kl = -0.5 * (1 + log_var - mean.pow(2) - log_var.exp()).sum(1)
        return rebuild.mean(), kl.mean()


if kind == 'vae':
    model = Vae()
else:
    model = nn.Sequential(dense(784, 128), nn.ReLU(), dense(128, 32), nn.ReLU(),
                          dense(32, 128), nn.ReLU(), dense(128, 784), nn.Sigmoid())
    test_mask = (torch.rand(x_test.shape, generator=torch.Generator().manual_seed(7)) >= NOISE).float()

opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)


def batch_loss(x):
    if kind == 'vae':
        rebuild, kl = model.terms(x)
        return rebuild + BETA * kl, (rebuild.item(), kl.item())
    damaged = x * (torch.rand_like(x) >= NOISE).float()
    return bce(model(damaged), x).mean(), None


def validate():
    with torch.no_grad():
        if kind == 'vae':
            rebuild, kl = model.terms(x_test)
            return (rebuild + BETA * kl).item(), (rebuild.item(), kl.item())
        return bce(model(x_test * test_mask), x_test).mean().item(), None


n = x_train.shape[0]
for epoch in range(epochs):
    started = time.perf_counter()
    perm = torch.randperm(n)
    total, parts, count = 0.0, np.zeros(2), 0
    for s in range(0, n, BATCH):
        xb = x_train[perm[s : s + BATCH]]
        opt.zero_grad()
        loss, terms = batch_loss(xb)
        loss.backward()
        opt.step()
        total += loss.item() * xb.shape[0]
        if terms:
            parts += np.array(terms) * xb.shape[0]
        count += xb.shape[0]
    val, val_terms = validate()
    line = {'epoch': epoch + 1, 'train': total / count, 'val': val,
            'seconds': round(time.perf_counter() - started, 1)}
    if val_terms:
        line.update({'train_rebuild': parts[0] / count, 'train_kl': parts[1] / count,
                     'val_rebuild': val_terms[0], 'val_kl': val_terms[1]})
    print(json.dumps(line), flush=True)
