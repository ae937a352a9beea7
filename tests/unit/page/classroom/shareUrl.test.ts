import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, configFromSearch } from '../../../../src/shared/config';
import { initialLatentView } from '../../../../src/page/latent/latentView';
import {
  DEFAULT_VIEW,
  latentViewFromShare,
  searchFromShare,
  viewFromSearch,
  type ShareView,
} from '../../../../src/page/classroom/shareUrl';
import { initialClassroom } from '../../../../src/page/classroom/classroom';

describe('shareable link', () => {
  it('is empty for the defaults', () => {
    expect(searchFromShare({ ...DEFAULT_CONFIG }, DEFAULT_VIEW)).toBe('');
    expect(viewFromSearch('')).toEqual(DEFAULT_VIEW);
  });

  it('round-trips every hyperparameter, the backend and the whole view', () => {
    const config = {
      ...DEFAULT_CONFIG,
      epochs: 3,
      batchSize: 64,
      latentDim: 8,
      hiddenUnits: 256,
      learningRate: 0.005,
      trainSize: 5000,
      seed: 7,
      loss: 'mse' as const,
      latentActivation: 'sigmoid' as const,
      backend: 'wasm' as const,
    };
    const view: ShareView = {
      digit: 7,
      sample: 3,
      shuffleSeed: 123456,
      perChartScale: true,
      presenter: true,
      lossTable: true,
      qr: true,
    };
    const search = searchFromShare(config, view);
    expect(configFromSearch(search)).toEqual({ config, problems: [] });
    expect(viewFromSearch(search)).toEqual(view);
  });

  it('keeps negative sample pages (Previous from the first screenful)', () => {
    const search = searchFromShare({ ...DEFAULT_CONFIG }, { ...DEFAULT_VIEW, sample: -2 });
    expect(search).toBe('?sample=-2');
    expect(viewFromSearch(search).sample).toBe(-2);
  });

  it('ignores unusable view values and keeps the defaults', () => {
    const view = viewFromSearch('?digit=12&sample=x&shuffle=-1&presenter=yes');
    expect(view).toEqual(DEFAULT_VIEW);
  });

  it('maps the view onto the latent view state and the classroom flags', () => {
    const view = viewFromSearch('?digit=4&sample=1&ownScale=1&presenter=1&lossTable=1');
    expect(latentViewFromShare(view, initialLatentView)).toEqual({
      digit: 4,
      page: 1,
      shuffleSeed: null,
      perChartScale: true,
    });
    expect(initialClassroom('?presenter=1&lossTable=1')).toMatchObject({
      presenter: true,
      lossTable: true,
      qr: false,
      sheetOpen: false,
    });
  });
});
