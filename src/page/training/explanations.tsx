/**
 * The "What am I looking at?" notes: a few plain sentences per panel, each with the one number
 * worth noticing, computed from what is on screen.
 */
import type { ReactNode } from 'react';
import { Explainer } from '../ui/Explainer';
import { formatInt, formatLoss, formatRatio } from '../ui/format';
import type { TrainingConfig } from '../../shared/config';
import { stepsPerEpoch } from '../../shared/config';

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

export function lossExplainer(valLoss: number | null, loss: TrainingConfig['loss']): ReactNode {
  const start = loss === 'mse' ? 'about 0.1 (MSE)' : 'about 0.69';
  return (
    <Explainer>
      The loss is one number for “how wrong are the rebuilds”, averaged over every pixel. The
      untrained network starts at {start}: that is what guessing grey everywhere costs. Watch it
      drop fast in the first few hundred steps, then slowly.{' '}
      {valLoss === null
        ? 'The notebook’s network ends near 0.09 after 10 epochs.'
        : `Right now the test pictures score ${formatLoss(valLoss)}; the notebook’s network ends near 0.09.`}
    </Explainer>
  );
}

export function reconstructionsExplainer(latentDim: number): ReactNode {
  return (
    <Explainer>
      Top row: real test digits the network never trained on. Bottom row: what it rebuilds after
      squeezing each one through the bottleneck. 784 pixels go in and only {formatInt(latentDim)}{' '}
      {latentDim === 1 ? 'number comes' : 'numbers come'} out of the middle: a{' '}
      {formatRatio(784 / latentDim)}x compression. Drag the timeline back to step 0 to see the grey
      fog it started from.
    </Explainer>
  );
}

export function modelExplainer(totalParams: number, latentDim: number): ReactNode {
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
