/**
 * The latent playground's page state and verbs (issue 5). It keeps its own small store, so the
 * rest of the page (and its reducer) never re-renders for a slider move, and talks to the
 * worker through `send`. Slider and drawing updates go through latestOnly: while the decoder is
 * busy only the newest code waits, so dragging never builds a queue.
 */
import { gridCodes, GRID_SIDE } from '../../shared/codeGrid';
import { IMAGE_SIZE } from '../../shared/config';
import { interpolateCodes, meanAbsDiff, nearestCodes } from '../../shared/latentMath';
import type { FromWorker, ToWorker } from '../../shared/protocol';
import type { AppState } from '../store/appState';
import { latestOnly } from '../store/latestOnly';
import { SAMPLES_ON_SCREEN } from '../latent/latentView';
import { createStore, type Store } from '../store/store';
import { createCodeSampler, unitMoments } from './codeDraws';

export const NEIGHBOURS = 5;
/** Generate decodes this many fresh codes a press. */
export const GENERATED = 10;
/** The first press's codes; each press moves the same stream on (codeDraws.ts). */
const GENERATE_SEED = 2025;
export const RELIED_ON = 5;
const LATENCY_SAMPLES = 60;

export interface PlaygroundState {
  /** The test image the decoder playground started from, and its code as the encoder gave it. */
  source: { index: number; original: Float32Array } | null;
  /** The code as the student has edited it, and what the decoder makes of it. */
  code: Float32Array | null;
  decoded: Float32Array | null;
  /** The units whose zeroing changes the original's image most, biggest change first. */
  reliedOn: { unit: number; change: number }[];
  selectedUnit: number;
  /** Recent decoder round trips while editing, in ms (for the median shown). */
  decodeMs: number[];
  drawing: {
    input: Float32Array;
    code: Float32Array | null;
    rebuilt: Float32Array | null;
    neighbours: number[];
    ms: number | null;
  } | null;
  film: { a: number; b: number; steps: number; frames: Float32Array | null } | null;
  map: Omit<Extract<FromWorker, { type: 'latentMap' }>, 'type'> | null;
  worst: { indices: number[]; rebuilt: Float32Array | null } | null;
  /**
   * Generate: the codes of the last press (from N(0, I) for a VAE, else from each unit's own
   * spread), and the decoder's images of them, decoded again when the weights change.
   */
  generated: {
    press: number;
    fromPrior: boolean;
    codes: Float32Array;
    images: Float32Array | null;
  } | null;
  /** A VAE's map of the code space: the grid's decoded images (side x side, row-major). */
  sheet: { side: number; images: Float32Array } | null;
}

const initial: PlaygroundState = {
  source: null,
  code: null,
  decoded: null,
  reliedOn: [],
  selectedUnit: 0,
  decodeMs: [],
  drawing: null,
  film: null,
  map: null,
  worst: null,
  generated: null,
  sheet: null,
};

export interface Playground {
  store: Store<PlaygroundState>;
  open(index: number): void;
  setUnit(unit: number, value: number): void;
  selectUnit(unit: number): void;
  reset(): void;
  encodeDrawing(input: Float32Array | null): void;
  interpolate(a: number, b: number, steps: number): void;
  decodeWorst(indices: number[]): void;
  /** Ten fresh random codes, decoded. */
  generate(): void;
  /** Show a test image in the per-digit view (its digit, the screenful that holds it). */
  showInPerDigitView(index: number): void;
  onMessage(message: FromWorker): void;
  /** A new worker: nothing is in flight any more. */
  restarted(): void;
}

type Kind = 'edit' | 'relied' | 'film' | 'worst' | 'generate' | 'sheet';

/** A test image's code, copied out of the shared codes array. */
function codeOf(app: AppState, index: number): Float32Array | null {
  const latent = app.latent;
  if (!latent || index < 0 || (index + 1) * latent.latentDim > latent.codes.length) return null;
  return latent.codes.slice(index * latent.latentDim, (index + 1) * latent.latentDim);
}

/** Row 0: the code; row u + 1: the code with unit u set to 0. */
function zeroedRows(code: Float32Array): Float32Array {
  const dim = code.length;
  const rows = new Float32Array((dim + 1) * dim);
  for (let r = 0; r <= dim; r++) {
    rows.set(code, r * dim);
    if (r > 0) rows[r * dim + r - 1] = 0;
  }
  return rows;
}

export function createPlayground(
  app: Store<AppState>,
  send: (message: ToWorker) => void,
): Playground {
  // 'sync': the sliders are controlled inputs, and React puts a controlled input back to its
  // old value if the state has not changed by the end of the input event.
  const store = createStore(initial, 'sync');
  const set = (change: Partial<PlaygroundState>) => store.setState((s) => ({ ...s, ...change }));
  let nextId = 1;
  const pending = new Map<number, { kind: Kind; sent: number }>();
  const latestOf: Partial<Record<Kind, number>> = {};

  const decode = (kind: Kind, codes: Float32Array) => {
    const requestId = nextId++;
    pending.set(requestId, { kind, sent: performance.now() });
    latestOf[kind] = requestId;
    send({ type: 'decodeCodes', requestId, codes });
  };
  const edits = latestOnly<Float32Array>((code) => decode('edit', code.slice()));
  const drawings = latestOnly<Float32Array>((pixels) => {
    const requestId = nextId++;
    pending.set(requestId, { kind: 'edit', sent: performance.now() });
    send({ type: 'encodeImages', requestId, pixels: pixels.slice() });
  });
  let drawingId = 0;

  const sampler = createCodeSampler(GENERATE_SEED);
  let presses = 0;

  const editTo = (code: Float32Array) => {
    set({ code });
    edits.request(code);
  };

  const onDecoded = (kind: Kind, pixels: Float32Array, ms: number) => {
    const s = store.getState();
    if (kind === 'edit') {
      edits.settled();
      if (pixels.length !== IMAGE_SIZE) return;
      set({ decoded: pixels, decodeMs: [...s.decodeMs, ms].slice(-LATENCY_SAMPLES) });
    } else if (kind === 'relied' && s.code) {
      const dim = s.code.length;
      const base = pixels.subarray(0, IMAGE_SIZE);
      const changes = Array.from({ length: dim }, (_, unit) => ({
        unit,
        change: meanAbsDiff(pixels, unit + 1, base),
      }));
      changes.sort((x, y) => y.change - x.change);
      set({ reliedOn: changes.slice(0, RELIED_ON).filter((c) => c.change > 0) });
    } else if (kind === 'film' && s.film) {
      set({ film: { ...s.film, frames: pixels } });
    } else if (kind === 'worst' && s.worst) {
      set({ worst: { ...s.worst, rebuilt: pixels } });
    } else if (kind === 'generate' && s.generated) {
      set({ generated: { ...s.generated, images: pixels } });
    } else if (kind === 'sheet' && pixels.length === GRID_SIDE * GRID_SIDE * IMAGE_SIZE) {
      set({ sheet: { side: GRID_SIDE, images: pixels } });
    }
  };

  return {
    store,
    open(index) {
      const original = codeOf(app.getState(), index);
      if (!original) return;
      set({ source: { index, original }, selectedUnit: 0, reliedOn: [] });
      editTo(original.slice());
      decode('relied', zeroedRows(original));
    },
    setUnit(unit, value) {
      const code = store.getState().code;
      if (!code || unit < 0 || unit >= code.length || !Number.isFinite(value)) return;
      const next = code.slice();
      next[unit] = value;
      editTo(next);
    },
    selectUnit: (unit) => set({ selectedUnit: unit }),
    reset() {
      const source = store.getState().source;
      if (source) editTo(source.original.slice());
    },
    encodeDrawing(input) {
      if (!input) {
        set({ drawing: null });
        return;
      }
      const s = store.getState();
      set({ drawing: { input, code: null, rebuilt: null, neighbours: [], ms: null, ...keep(s) } });
      drawings.request(input);
      function keep(state: PlaygroundState) {
        // Keep the last answer on screen until the new one comes, so it does not flicker.
        const d = state.drawing;
        return d ? { code: d.code, rebuilt: d.rebuilt, neighbours: d.neighbours, ms: d.ms } : {};
      }
    },
    interpolate(a, b, steps) {
      const state = app.getState();
      const from = codeOf(state, a);
      const to = codeOf(state, b);
      if (!from || !to) return;
      set({ film: { a, b, steps, frames: null } });
      decode('film', interpolateCodes(from, to, steps));
    },
    decodeWorst(indices) {
      const state = app.getState();
      const dim = state.latent?.latentDim ?? 0;
      const codes = new Float32Array(indices.length * dim);
      indices.forEach((index, k) => codes.set(codeOf(state, index) ?? [], k * dim));
      set({ worst: { indices, rebuilt: null } });
      decode('worst', codes);
    },
    generate() {
      const latent = app.getState().latent;
      if (!latent) return;
      // A VAE's codes were pulled towards N(0, I) in training; a plain autoencoder's were not,
      // so its draws follow each unit's own average and spread over the test images instead.
      const fromPrior = latent.stats.unitKl !== undefined;
      const moments = fromPrior ? undefined : unitMoments(latent.codes, latent.latentDim);
      const codes = sampler.next(GENERATED, latent.latentDim, moments);
      presses++;
      set({ generated: { press: presses, fromPrior, codes, images: null } });
      decode('generate', codes);
    },
    showInPerDigitView(index) {
      app.setState((s) => {
        const labels = s.testSet?.labels ?? null;
        if (!labels || index < 0 || index >= labels.length) return s;
        const digit = labels[index];
        let position = 0;
        for (let i = 0; i < index; i++) if (labels[i] === digit) position++;
        const page = Math.floor(position / SAMPLES_ON_SCREEN);
        return { ...s, latentView: { ...s.latentView, digit, page, shuffleSeed: null } };
      });
    },
    onMessage(message) {
      if (message.type === 'latentCodes') {
        // New weights: a new map, and the edited code decoded by the new decoder.
        send({ type: 'projectCodes' });
        const { code, generated } = store.getState();
        if (code) edits.request(code);
        if (generated && generated.codes.length === GENERATED * message.latentDim)
          decode('generate', generated.codes);
        // Another model's codes (kind or size): its grid would not fit, so none until a new one.
        if (message.stats.unitKl === undefined) set({ sheet: null });
        return;
      }
      if (message.type === 'latentMap') {
        const { type: _type, ...map } = message;
        set({ map });
        // A VAE's grid is laid on the plane of the codes: their own for 2 numbers, else the
        // plane of the first two principal axes, which move as the codes do.
        const latent = app.getState().latent;
        if (latent?.stats.unitKl) {
          const dim = latent.latentDim;
          decode('sheet', gridCodes(dim, GRID_SIDE, dim > 2 ? map.axes : undefined));
        }
        return;
      }
      if (message.type !== 'decodedImages' && message.type !== 'encodedImages') return;
      const request = pending.get(message.requestId);
      if (!request) return;
      pending.delete(message.requestId);
      const ms = performance.now() - request.sent;
      if (message.type === 'encodedImages') {
        drawings.settled();
        const d = store.getState().drawing;
        if (!d || message.requestId < drawingId) return;
        drawingId = message.requestId;
        const latent = app.getState().latent;
        const neighbours =
          latent && message.codes.length === latent.latentDim
            ? nearestCodes(latent.codes, latent.latentDim, message.codes, NEIGHBOURS)
            : [];
        set({ drawing: { ...d, code: message.codes, rebuilt: message.pixels, neighbours, ms } });
        return;
      }
      // Older film or worst answers than the newest asked for are dropped.
      if (request.kind !== 'edit' && latestOf[request.kind] !== message.requestId) return;
      onDecoded(request.kind, message.pixels, ms);
    },
    restarted() {
      pending.clear();
      edits.reset();
      drawings.reset();
    },
  };
}
