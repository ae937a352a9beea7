import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainingConfig } from '../../../../src/shared/config';
import { changesText, nextRunChanges } from '../../../../src/page/settings/settingsChanges';

const config = (changes: Partial<TrainingConfig>): TrainingConfig => ({
  ...DEFAULT_CONFIG,
  ...changes,
});

describe('what the next run changes', () => {
  it('is measured against the notebook before any run, and says nothing when all match', () => {
    const same = nextRunChanges(config({}), null);
    expect(same).toEqual({ against: 'notebook', changes: [] });
    expect(changesText(same)).toBeNull();
  });

  it('names each changed setting with its old and new value, in the settings order', () => {
    const next = nextRunChanges(config({ epochs: 3, latentDim: 2 }), null);
    expect(next.changes.map((c) => c.key)).toEqual(['latentDim', 'epochs']);
    expect(changesText(next)).toBe('Latent size 32 → 2, Epochs 10 → 3');
  });

  it('compares with the last run once there is one, not with the notebook', () => {
    const last = config({ epochs: 3 });
    expect(nextRunChanges(config({ epochs: 3 }), last)).toEqual({
      against: 'last run',
      changes: [],
    });
    const back = nextRunChanges(config({}), last);
    expect(changesText(back)).toBe('Epochs 3 → 10');
  });

  it('uses the choices’ words, without the "(notebook)" mark, and readable numbers', () => {
    const next = nextRunChanges(config({ loss: 'mse', trainSize: 5000 }), null);
    expect(changesText(next)).toBe(
      'Training images 60,000 → 5,000, Loss Cross-entropy → Squared error',
    );
  });

  it('leaves the backend out: it is not a setting of the run', () => {
    expect(nextRunChanges(config({ backend: 'cpu' }), null).changes).toEqual([]);
  });

  it('counts only what the next kind of model reads, and names what it brings in', () => {
    const vae = nextRunChanges(config({ model: 'vae', latentDim: 2, loss: 'mse' }), null);
    // The loss is not a VAE setting: left out. Beta was not read by the notebook: value alone.
    expect(changesText(vae)).toBe(
      'Kind of model Standard → Variational (VAE), Beta 1, Latent size 32 → 2',
    );
    const noisy = config({ model: 'denoising', noise: 0.3 });
    const back = nextRunChanges(config({ noise: 0.3 }), noisy);
    expect(changesText(back)).toBe('Kind of model Denoising → Standard');
    const stronger = nextRunChanges(config({ model: 'denoising', noise: 0.7 }), noisy);
    expect(changesText(stronger)).toBe('Noise 0.3 → 0.7');
  });
});
