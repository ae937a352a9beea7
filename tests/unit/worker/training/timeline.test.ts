import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../../src/shared/config';
import { TIMELINE_STEPS, isTimelineStep, timelineSteps } from '../../../../src/shared/timeline';
import { Trainer } from '../../../../src/worker/training/trainer';
import { EventRecorder } from '../../support/recorder';
import { mnistImages, useWasmBackend } from '../../support/tfNode';

describe('the training timeline', () => {
  it('keeps steps 0, 10, 25, 50, 100, 250, 500 and every epoch end, nothing else', () => {
    expect(TIMELINE_STEPS).toEqual([0, 10, 25, 50, 100, 250, 500]);
    // The notebook run: 469 steps per epoch, 10 epochs.
    expect(timelineSteps(469, 10)).toEqual([
      0, 10, 25, 50, 100, 250, 469, 500, 938, 1407, 1876, 2345, 2814, 3283, 3752, 4221, 4690,
    ]);
    const kept = Array.from({ length: 4691 }, (_, s) => s).filter((s) => isTimelineStep(s, 469));
    expect(kept).toEqual(timelineSteps(469, 10));
    // A short run: listed steps beyond its end are simply never reached.
    expect(timelineSteps(4, 3)).toEqual([0, 4, 8, 10, 12]);
    expect(isTimelineStep(26, 469)).toBe(false);
  });

  describe("the Trainer's tagged pictures", () => {
    beforeAll(useWasmBackend);

    it('are sent exactly at the timeline steps of a real run', async () => {
      const train = mnistImages('train', 1024);
      const test = mnistImages('t10k', 100);
      const probes = test.pixels.slice(0, 10 * 784);
      // 4 images per batch, 1,024 images: 256 steps per epoch, 2 epochs = 512 steps.
      const config = {
        ...DEFAULT_CONFIG,
        trainSize: 1024,
        batchSize: 4,
        epochs: 2,
        hiddenUnits: 16,
      };
      const events = new EventRecorder();
      const trainer = new Trainer({ config, train, test, probes, events });
      trainer.start(false);
      await events.until(() => events.states.includes('done'));
      await trainer.whenIdle();
      expect(events.timelineSteps).toEqual([0, 10, 25, 50, 100, 250, 256, 500, 512]);
      expect(events.timelineSteps).toEqual(timelineSteps(256, 2));
      trainer.dispose();
    });
  });
});
