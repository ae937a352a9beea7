import { describe, expect, it } from 'vitest';
import { computeLatentStats } from '../../../../src/shared/latentStats';
import { DEFAULT_CONFIG, IMAGE_SIZE } from '../../../../src/shared/config';
import type { ToWorker } from '../../../../src/shared/protocol';
import { initialState, type AppState } from '../../../../src/page/store/appState';
import { createPlayground } from '../../../../src/page/playground/playground';
import { createStore } from '../../../../src/page/store/store';

const DIM = 3;

/** A page with 6 test codes: image i's code is (i, 0, 1). */
function page() {
  const app = createStore<AppState>({
    ...initialState(DEFAULT_CONFIG, []),
    latent: {
      runId: null,
      step: 0,
      latentDim: DIM,
      codes: Float32Array.from({ length: 6 * DIM }, (_, k) =>
        k % DIM === 0 ? k / DIM : k % DIM === 2 ? 1 : 0,
      ),
      losses: new Float32Array(6),
      stats: computeLatentStats(
        new Float32Array(6 * DIM),
        new Float32Array(6),
        new Uint8Array(6),
        DIM,
      ),
    },
  });
  const sent: ToWorker[] = [];
  const playground = createPlayground(app, (message) => sent.push(message));
  return { app, sent, playground };
}

const decodes = (sent: ToWorker[]) =>
  sent.filter((m): m is Extract<ToWorker, { type: 'decodeCodes' }> => m.type === 'decodeCodes');

describe('playground state', () => {
  it('keeps one edit in flight and sends only the newest value when it is answered', () => {
    const { sent, playground } = page();
    playground.open(4);
    // The edit decode and the "which units matter" batch (1 + DIM codes).
    const [edit, relied] = decodes(sent);
    expect(Array.from(edit.codes)).toEqual([4, 0, 1]);
    expect(relied.codes.length).toBe((DIM + 1) * DIM);
    for (let v = 1; v <= 30; v++) playground.setUnit(1, v / 10);
    expect(decodes(sent)).toHaveLength(2); // no queue: nothing more while one is in flight
    playground.onMessage({
      type: 'decodedImages',
      requestId: edit.requestId,
      pixels: new Float32Array(IMAGE_SIZE),
    });
    const next = decodes(sent);
    expect(next).toHaveLength(3);
    expect(next[2].codes[1]).toBeCloseTo(3);
    expect(playground.store.getState().decoded?.length).toBe(IMAGE_SIZE);
    // Reset goes back to the encoder's code.
    playground.reset();
    expect(Array.from(playground.store.getState().code ?? [])).toEqual([4, 0, 1]);
  });

  it('ranks units by how much zeroing them changes the image', () => {
    const { sent, playground } = page();
    playground.open(2);
    const relied = decodes(sent)[1];
    const pixels = new Float32Array((DIM + 1) * IMAGE_SIZE);
    pixels.fill(0.5, 0, IMAGE_SIZE); // the image itself
    pixels.fill(0.1, IMAGE_SIZE, 2 * IMAGE_SIZE); // unit 0 zeroed: a big change
    pixels.fill(0.5, 2 * IMAGE_SIZE, 3 * IMAGE_SIZE); // unit 1 zeroed: none
    pixels.fill(0.4, 3 * IMAGE_SIZE); // unit 2 zeroed: a small change
    playground.onMessage({ type: 'decodedImages', requestId: relied.requestId, pixels });
    expect(playground.store.getState().reliedOn.map((r) => r.unit)).toEqual([0, 2]);
  });

  it('finds the drawing’s nearest test codes', () => {
    const { sent, playground } = page();
    playground.encodeDrawing(new Float32Array(IMAGE_SIZE).fill(0.2));
    const request = sent.find((m) => m.type === 'encodeImages');
    if (request?.type !== 'encodeImages') throw new Error('no encode request');
    playground.onMessage({
      type: 'encodedImages',
      requestId: request.requestId,
      latentDim: DIM,
      codes: Float32Array.from([2.2, 0, 1]),
      pixels: new Float32Array(IMAGE_SIZE),
    });
    expect(playground.store.getState().drawing?.neighbours).toEqual([2, 3, 1, 4, 0]);
  });

  it('interpolates between two test codes and opens an image in the per-digit view', () => {
    const { app, sent, playground } = page();
    playground.interpolate(1, 5, 5);
    const film = decodes(sent)[0];
    expect(Array.from(film.codes.subarray(0, DIM))).toEqual([1, 0, 1]);
    expect(Array.from(film.codes.subarray(4 * DIM))).toEqual([5, 0, 1]);
    app.setState((s) => ({
      ...s,
      testSet: { pixels: new Uint8Array(0), labels: Uint8Array.from([3, 1, 3, 3, 3, 3]) },
    }));
    playground.showInPerDigitView(5); // the fifth 3: on the second screenful of three
    expect(app.getState().latentView).toMatchObject({ digit: 3, page: 1, shuffleSeed: null });
  });
});
