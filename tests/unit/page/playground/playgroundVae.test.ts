import { describe, expect, it } from 'vitest';
import { GRID_SIDE } from '../../../../src/shared/codeGrid';
import { DEFAULT_CONFIG, IMAGE_SIZE } from '../../../../src/shared/config';
import { computeLatentStats } from '../../../../src/shared/latentStats';
import type { FromWorker, ToWorker } from '../../../../src/shared/protocol';
import { initialState, type AppState } from '../../../../src/page/store/appState';
import { GENERATED, createPlayground } from '../../../../src/page/playground/playground';
import { createStore } from '../../../../src/page/store/store';

const COUNT = 6;

/** A page holding the codes of COUNT test images; a VAE's when unitKl is given. */
function page(dim: number, unitKl?: Float32Array) {
  const codes = Float32Array.from({ length: COUNT * dim }, (_, k) => (k % 5) - 2);
  const stats = computeLatentStats(
    codes,
    new Float32Array(COUNT),
    new Uint8Array(COUNT),
    dim,
    unitKl,
  );
  const latent = {
    runId: null,
    step: 40,
    latentDim: dim,
    codes,
    losses: new Float32Array(COUNT),
    stats,
  };
  const app = createStore<AppState>({ ...initialState(DEFAULT_CONFIG, []), latent });
  const sent: ToWorker[] = [];
  const playground = createPlayground(app, (message) => sent.push(message));
  const decodes = () =>
    sent.filter((m): m is Extract<ToWorker, { type: 'decodeCodes' }> => m.type === 'decodeCodes');
  const map = (axes: [number[], number[]]): FromWorker => ({
    type: 'latentMap',
    runId: null,
    step: 40,
    coords: new Float32Array(COUNT * 2),
    explained: [0.5, 0.3],
    axes,
    ms: 1,
  });
  return { app, latent, playground, decodes, map };
}

describe('Generate and the map of the code space', () => {
  it('decodes ten new codes at each press, and shows the answer', () => {
    const { playground, decodes } = page(2, Float32Array.from([1, 1]));
    playground.generate();
    playground.generate();
    const [first, second] = decodes();
    expect(first.codes).toHaveLength(GENERATED * 2);
    expect(Array.from(second.codes)).not.toEqual(Array.from(first.codes));
    expect(playground.store.getState().generated).toMatchObject({ press: 2, fromPrior: true });
    // The first press's late answer is dropped: only the newest press is shown.
    playground.onMessage({
      type: 'decodedImages',
      requestId: first.requestId,
      pixels: new Float32Array(GENERATED * IMAGE_SIZE),
    });
    expect(playground.store.getState().generated?.images).toBeNull();
    playground.onMessage({
      type: 'decodedImages',
      requestId: second.requestId,
      pixels: new Float32Array(GENERATED * IMAGE_SIZE),
    });
    expect(playground.store.getState().generated?.images).toHaveLength(GENERATED * IMAGE_SIZE);
  });

  it('draws a plain autoencoder’s codes from its own units’ spread', () => {
    const { playground } = page(3);
    playground.generate();
    expect(playground.store.getState().generated?.fromPrior).toBe(false);
  });

  it('decodes a grid over the plane when a VAE’s map arrives, and none for other models', () => {
    const vae = page(3, Float32Array.from([1, 1, 1]));
    vae.playground.onMessage(
      vae.map([
        [1, 0, 0],
        [0, 0, 1],
      ]),
    );
    const [grid] = vae.decodes();
    expect(grid.codes).toHaveLength(GRID_SIDE * GRID_SIDE * 3);
    // On the plane of the axes: the middle number is 0 everywhere.
    expect(grid.codes.filter((_, k) => k % 3 === 1).every((v) => v === 0)).toBe(true);
    vae.playground.onMessage({
      type: 'decodedImages',
      requestId: grid.requestId,
      pixels: new Float32Array(GRID_SIDE * GRID_SIDE * IMAGE_SIZE),
    });
    expect(vae.playground.store.getState().sheet?.side).toBe(GRID_SIDE);

    const plain = page(3);
    plain.playground.onMessage(
      plain.map([
        [1, 0, 0],
        [0, 0, 1],
      ]),
    );
    expect(plain.decodes()).toHaveLength(0);
  });

  it('decodes the same generated codes again when new weights arrive', () => {
    const { playground, decodes, latent } = page(2, Float32Array.from([1, 1]));
    playground.generate();
    playground.onMessage({ type: 'latentCodes', ...latent, step: 80 });
    const [press, again] = decodes();
    expect(Array.from(again.codes)).toEqual(Array.from(press.codes));
  });
});
