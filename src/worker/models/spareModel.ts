/**
 * A network with fresh seeded weights, built while the training worker waits for the digits.
 *
 * The first build of the autoencoder (tf.layers, seeded Glorot kernels) takes ~150 ms of this
 * worker on the test machine, most of it tfjs-layers' code and kernels running for the first
 * time. It used to come after the digits arrived, between them and the Train button being
 * enabled. The network needs no data, and the same seed always gives the same weights, so the
 * handler builds it as soon as the backend is up and the first trainer starts from it.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import type { FreshShape } from './model';

export interface SpareModel {
  /** Builds a network for `shape` and keeps it, unless one for `shape` is kept already. */
  prepare(shape: FreshShape): void;
  /** The kept network if it is the one for `shape` (the caller owns it from then on). */
  take(shape: FreshShape): tfl.LayersModel | undefined;
  /** Disposes the kept network, e.g. when a lost GPU context took its weights. */
  drop(): void;
}

const keyOf = ({ hiddenUnits, latentDim, latentActivation, seed, model }: FreshShape) =>
  `${model ?? 'ae'}/${hiddenUnits}/${latentDim}/${latentActivation}/${seed}`;

/** Without `build` (test handlers with fake trainers), prepare() does nothing. */
export function createSpareModel(build?: (shape: FreshShape) => tfl.LayersModel): SpareModel {
  let kept: { key: string; model: tfl.LayersModel } | null = null;

  const drop = () => {
    kept?.model.dispose();
    kept = null;
  };

  return {
    prepare(shape) {
      const key = keyOf(shape);
      if (!build || kept?.key === key) return;
      drop();
      try {
        kept = { key, model: build(shape) };
      } catch {
        // Only a head start: the trainer builds its own and reports what goes wrong then.
      }
    },
    take(shape) {
      if (kept?.key !== keyOf(shape)) {
        // Built for settings that have changed since: the trainer builds one for these.
        drop();
        return undefined;
      }
      const { model } = kept;
      kept = null;
      return model;
    },
    drop,
  };
}
