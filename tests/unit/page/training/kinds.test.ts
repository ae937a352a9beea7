/**
 * Issue 25 on the page: the status words for each kind, the damaged probes kept beside their
 * rebuilds (timeline included), a VAE's epoch terms, the settings a kind hides, "train more"
 * across kinds, and which earlier runs share the chart.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainingConfig } from '../../../../src/shared/config';
import type { FromWorker } from '../../../../src/shared/protocol';
import { initialState, type AppState } from '../../../../src/page/store/appState';
import {
  cannotContinue,
  editSetting,
  reduce,
  startLabRun,
} from '../../../../src/page/training/lab';
import {
  comparedRuns,
  otherScaleRuns,
  shownReconstruction,
} from '../../../../src/page/training/labProps';
import {
  lineText,
  sameLossScale,
  trainLossLine,
  valLossLine,
  vaeSum,
} from '../../../../src/page/training/lossWords';
import type { RunRecord } from '../../../../src/page/training/runRecords';
import { formatLoss } from '../../../../src/page/ui/format';

const config = (changes: Partial<TrainingConfig>): TrainingConfig => ({
  ...DEFAULT_CONFIG,
  epochs: 1,
  trainSize: 500,
  ...changes,
});
const filled = (value: number) => new Float32Array(10 * 784).fill(value);

describe('the status line by kind of model', () => {
  const ae = { model: 'ae' as const, beta: 1 };
  const vae = { model: 'vae' as const, beta: 1 };

  it('reads as before for the standard model', () => {
    expect(lineText(trainLossLine(ae, 0.12345, null))).toBe('Training loss: 0.1235');
    expect(lineText(valLossLine(ae, 2, 0.0873, null))).toBe('Validation loss (epoch 2): 0.0873');
    expect(lineText(valLossLine(ae, null, null, null))).toBe('Validation loss: –');
  });

  it('shows a VAE loss as its rebuild and KL terms, beta included when it is not 1', () => {
    const parts = { reconstruction: 128.14, kl: 24.21 };
    const line = trainLossLine(vae, 152.35, parts);
    expect(line).toEqual({
      label: 'Training loss',
      detail: ' = rebuild + KL',
      value: '152.3',
      parts: ' = 128.1 + 24.2',
    });
    expect(lineText(valLossLine(vae, 1, 150, parts))).toBe(
      'Validation loss (epoch 1) = rebuild + KL: 150.0 = 128.1 + 24.2',
    );
    expect(vaeSum(parts, 0.5)).toBe(' = 128.1 + 0.5 × 24.2');
    expect(trainLossLine({ model: 'vae', beta: 0.5 }, 140.2, parts).detail).toBe(
      ' = rebuild + 0.5 × KL',
    );
  });

  it('says a denoising run is scored on damaged test digits against the clean ones', () => {
    const kind = { model: 'denoising' as const, beta: 1 };
    expect(lineText(valLossLine(kind, 1, 0.1, null))).toBe(
      'Validation loss (epoch 1) on damaged test digits vs clean: 0.1000',
    );
  });

  it('writes large losses with one decimal and small ones with four', () => {
    expect(formatLoss(543.2178)).toBe('543.2');
    expect(formatLoss(0.08731)).toBe('0.0873');
    expect(formatLoss(0.08731, 3)).toBe('0.087');
    expect(formatLoss(Number.NaN)).toBe('n/a');
  });
});

describe('page state for the kinds', () => {
  it('keeps a denoising run’s damaged probes with the rebuilds and on the timeline', () => {
    let s = startLabRun(initialState(config({ model: 'denoising' }), []), 1, false);
    const messages: FromWorker[] = [
      {
        type: 'reconstructions',
        runId: 1,
        step: 0,
        pixels: filled(0.1),
        inputs: filled(0.5),
        timeline: true,
      },
      {
        type: 'reconstructions',
        runId: 1,
        step: 5,
        pixels: filled(0.2),
        inputs: filled(0.5),
        timeline: true,
      },
    ];
    s = messages.reduce(reduce, s);
    expect(s.reconstruction?.inputs?.[0]).toBeCloseTo(0.5);
    expect(s.lab.timeline.map((f) => f.inputs?.[0])).toEqual([0.5, 0.5]);
    const scrubbed = { ...s, lab: { ...s.lab, timelineIndex: 0 } };
    expect(shownReconstruction(scrubbed)?.step).toBe(0);
    expect(shownReconstruction(scrubbed)?.inputs?.[0]).toBeCloseTo(0.5);
  });

  it('keeps a VAE’s loss terms of each epoch', () => {
    const s = reduce(startLabRun(initialState(config({ model: 'vae' }), []), 1, false), {
      type: 'epochEnd',
      runId: 1,
      epoch: 1,
      trainLoss: 160,
      valLoss: 150,
      trainParts: { reconstruction: 140, kl: 20 },
      valParts: { reconstruction: 131, kl: 19 },
    });
    expect(s.epochSummaries).toEqual([
      {
        epoch: 1,
        trainLoss: 160,
        valLoss: 150,
        trainParts: { reconstruction: 140, kl: 20 },
        valParts: { reconstruction: 131, kl: 19 },
      },
    ]);
  });

  it('puts a mistake in a setting the new kind hides back to its last valid value', () => {
    const s = initialState(config({ model: 'denoising' }), []);
    const typo = editSetting(s, { ...s.lab.draft, noise: '3' });
    expect(typo.lab.errors.noise).toBeDefined();
    const vae = editSetting(typo, { ...typo.lab.draft, model: 'vae' });
    expect(vae.lab.errors).toEqual({});
    expect(vae.lab.draft.noise).toBe('0.5');
    expect(vae.config.model).toBe('vae');
  });

  it('lets a standard network go on as a denoising one, but not as a VAE', () => {
    const trained = (model: TrainingConfig['model']): AppState => {
      const s = initialState(config({ model: 'denoising' }), []);
      return {
        ...s,
        lab: { ...s.lab, weights: { config: config({ model }), steps: 5, label: 'x' } },
      };
    };
    expect(cannotContinue(trained('ae'))).toBeNull();
    expect(cannotContinue(trained('vae'))).toMatch(/variational/);
  });

  it('draws earlier runs on the chart only when their loss is on the same scale', () => {
    const record = (id: number, model: TrainingConfig['model']) =>
      ({ id, label: `run ${id}`, config: config({ model }), losses: [] }) as unknown as RunRecord;
    const runs = [record(1, 'ae'), record(2, 'vae'), record(3, 'denoising'), record(4, 'vae')];
    expect(comparedRuns(runs, 4, 'vae').map((r) => r.id)).toEqual([2]);
    expect(otherScaleRuns(runs, 4, 'vae')).toBe(2);
    expect(comparedRuns(runs, 9, 'ae').map((r) => r.id)).toEqual([1, 3]);
    expect(sameLossScale('ae', 'denoising')).toBe(true);
  });
});
