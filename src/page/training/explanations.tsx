/**
 * The "What am I looking at?" notes: a few plain sentences per panel, each with the one number
 * worth noticing, computed from what is on screen.
 */
import type { ReactNode } from 'react';
import { Explainer } from '../ui/Explainer';
import { formatInt, formatLoss, formatRatio } from '../ui/format';
import type { ModelKind, TrainingConfig } from '../../shared/config';
import { stepsPerEpoch } from '../../shared/config';
import { BETA_WORDS, DENOISING_WORDS, VAE_WORDS } from './kindWords';

export function trainingExplainer(config: TrainingConfig, totalParams: number | null): ReactNode {
  const steps = stepsPerEpoch(config);
  return (
    <Explainer>
      Each step shows the network {formatInt(config.batchSize)} pictures, measures how far its
      rebuilds are from them, and nudges all {totalParams === null ? 'its' : formatInt(totalParams)}{' '}
      weights a little to do better. One epoch is {formatInt(steps)} steps: every one of the{' '}
      {formatInt(config.trainSize)} training pictures seen once. Slow motion lets you talk over
      single steps.
    </Explainer>
  );
}

/** A VAE's loss: two terms, summed over the pixels, so in the hundreds. */
function vaeLossExplainer(valLoss: number | null, beta: number): ReactNode {
  return (
    <Explainer>
      A VAE’s loss has two terms. The rebuild term adds up the cross-entropy of all 784 pixels, so
      it is in the hundreds rather than near 0.1: an untrained network starts near 543, which is 784
      × 0.69. The KL term measures how far the codes stray from a bell curve around 0; it starts
      near 0, grows while the encoder learns to use its code, then settles. The loss is the rebuild
      term plus {beta === 1 ? 'the KL term' : `${beta} × the KL term`}.{' '}
      {valLoss === null ? '' : `Right now the test pictures score ${formatLoss(valLoss)}. `}
      {BETA_WORDS}
    </Explainer>
  );
}

export function lossExplainer(
  valLoss: number | null,
  config: Pick<TrainingConfig, 'loss' | 'model' | 'beta'>,
): ReactNode {
  if (config.model === 'vae') return vaeLossExplainer(valLoss, config.beta);
  const start = config.loss === 'mse' ? 'about 0.1 (MSE)' : 'about 0.69';
  return (
    <Explainer>
      The loss is one number for “how wrong are the rebuilds”, averaged over every pixel. The
      untrained network starts at {start}: that is what guessing grey everywhere costs. Watch it
      drop fast in the first few hundred steps, then slowly.{' '}
      {valLoss === null
        ? 'The notebook’s network ends near 0.09 after 10 epochs.'
        : `Right now the test pictures score ${formatLoss(valLoss)}; the notebook’s network ends near 0.09.`}
      {config.model === 'denoising'
        ? ' This network is scored on test digits damaged the same way, against their clean originals: it has more to do than copy, so its loss stays above a standard one’s.'
        : ''}
    </Explainer>
  );
}

export function reconstructionsExplainer(latentDim: number, model: ModelKind = 'ae'): ReactNode {
  if (model === 'denoising') {
    return (
      <Explainer>
        Top row: real test digits the network never trained on. Middle row: the same digits damaged,
        which is all the network is given. Bottom row: what it rebuilds from them. {DENOISING_WORDS}
      </Explainer>
    );
  }
  return (
    <Explainer>
      Top row: real test digits the network never trained on. Bottom row: what it rebuilds after
      squeezing each one through the bottleneck. 784 pixels go in and only {formatInt(latentDim)}{' '}
      {latentDim === 1 ? 'number comes' : 'numbers come'} out of the middle: a{' '}
      {formatRatio(784 / latentDim)}x compression. Drag the timeline back to step 0 to see the grey
      fog it started from.
      {model === 'vae'
        ? ' A VAE rebuilds from the most likely code of each digit, so its copies are a little blurrier than a standard autoencoder’s. ' +
          VAE_WORDS
        : ''}
    </Explainer>
  );
}

export function modelExplainer(
  totalParams: number,
  latentDim: number,
  model: ModelKind = 'ae',
): ReactNode {
  if (model === 'vae') {
    return (
      <Explainer>
        Every number in the Params column is a weight the network learns: {formatInt(totalParams)}{' '}
        in all. The encoder ends in two layers of {formatInt(latentDim)} side by side: the most
        likely code of the digit, and (latent_log_var) how unsure it is of each number, as the log
        of a variance. In training the decoder redraws the digit from a code picked at random within
        that spread; everywhere else on the page it uses the most likely code.
      </Explainer>
    );
  }
  return (
    <Explainer>
      The network is four layers of neurons. Every number in the Params column is a weight it
      learns: {formatInt(totalParams)} in all. The narrow layer of {formatInt(latentDim)} in the
      middle is the bottleneck: the first half (encoder) must write each digit as{' '}
      {formatInt(latentDim)} numbers, the second half (decoder) must redraw it from them alone.
    </Explainer>
  );
}

export function datasetExplainer(trainCount: number, testCount: number): ReactNode {
  return (
    <Explainer>
      MNIST: handwritten digits, each 28 x 28 = 784 grey pixels. The network learns from{' '}
      {formatInt(trainCount)} of them and is scored on {formatInt(testCount)} others it never sees
      while learning, so a good score means it learned digits in general, not these pictures by
      heart.
    </Explainer>
  );
}
