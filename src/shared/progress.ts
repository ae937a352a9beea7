/**
 * The shapes of the worker's progress reports: the dataset download and a training run. The
 * records they carry (a loss point, the dataset's credit, sample digits) live here too, so the
 * files that store them (savedModel.ts, pretrained.ts, manifest.ts) need not import the protocol.
 */

/** Where the dataset comes from and under which licence, as the data panel credits it. */
export interface DatasetCredit {
  name: string;
  authors: string;
  license: string;
  licenseUrl: string;
  sourceUrl: string;
}

/** A few test digits with their labels, row-major 28x28 uint8 pixels, back to back. */
export interface DigitSamples {
  indices: number[];
  labels: number[];
  pixels: Uint8Array;
}

/**
 * A VAE's loss in its two terms, per image (the loss is reconstruction + beta · kl): the
 * binary cross-entropy summed over the 784 pixels, and the KL divergence of the code to N(0, I).
 */
export interface LossParts {
  reconstruction: number;
  kl: number;
}

/** One batch's loss. */
export interface LossPoint {
  /** Global step, 1-based: the batch that produced this loss. */
  step: number;
  /** Fractional epoch at the end of that batch, e.g. 0.5 halfway through epoch 1. */
  epoch: number;
  loss: number;
  /** A VAE's two terms; absent for the other kinds. */
  parts?: LossParts;
}

/** Bytes and files of the dataset download so far. */
export interface DataProgress {
  loadedBytes: number;
  totalBytes: number;
  filesDone: number;
  filesTotal: number;
  currentFile: string;
  /** Set while a file is fetched again after a fault: what failed and which try this is. */
  retryNote?: string;
}

/** One sprite sheet's decoded pixels: which images they are and their SHA-256 (hex). */
export interface SheetDigest {
  split: 'train' | 'test';
  file: string;
  /** Index within the split of the sheet's first image. */
  firstIndex: number;
  images: number;
  /** Of the images' pixels in IDX order, each row-major 28x28. */
  sha256: string;
}

/** The dataset is decoded and verified: what the page needs from it. */
export interface DatasetReady {
  trainCount: number;
  testCount: number;
  totalBytes: number;
  /** Each sprite sheet's pixels as decoded, checked against the manifest, in file order. */
  pixelDigests: SheetDigest[];
  credit: DatasetCredit;
  /** Samples for the dataset strip. */
  samples: DigitSamples;
  /** The 10 fixed probe digits (one per class) whose reconstructions are shown. */
  probes: DigitSamples;
  loadMs: number;
}

/**
 * A copy of the whole test split (never the worker's own buffers, which are transferred
 * away), so the page can draw any test image the latent views pick. It follows dataReady in
 * a message of its own: copying 7.8 MB takes a few tens of ms, and the page need not wait for
 * it to show the digits.
 */
export interface TestSet {
  pixels: Uint8Array;
  labels: Uint8Array;
}

/** Where a run stands. */
export interface RunProgress {
  /** 1-based epoch in progress. */
  epoch: number;
  epochs: number;
  /** Global steps done so far. */
  step: number;
  stepsPerEpoch: number;
  totalSteps: number;
  samplesPerSecond: number;
  /** Training time so far, pauses excluded. */
  elapsedMs: number;
}

/** A progress report: where the run stands, and the batch losses new since the last one. */
export interface ProgressReport extends RunProgress {
  /** New batch losses since the last progress message (a delta, not the history). */
  losses: LossPoint[];
}
