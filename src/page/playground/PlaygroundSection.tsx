/**
 * The latent playground (issue 5): edit a code, draw a digit, the latent map, interpolation and
 * the worst rebuilds. Reads the page store for codes and test images and its own store for the
 * worker's answers (see state/playground.ts).
 */
import { memo, useCallback, useDeferredValue, useEffect, useId, useMemo } from 'react';
import { LatentMap } from './LatentMap';
import { WorstReconstructions } from './WorstReconstructions';
import { formatInt } from '../ui/format';
import { worstByDigit } from '../../shared/latentMath';
import type { AppState } from '../store/appState';
import type { Controller } from '../store/controller';
import { useStore, type Store } from '../store/store';
import { DecoderPlayground } from './DecoderPlayground';
import { DrawYourOwn } from './DrawYourOwn';
import { Interpolation } from './Interpolation';
import { CodeSpaceMap } from './CodeSpaceMap';
import { GenerateDigits } from './GenerateDigits';
import { PLAYGROUND_ID, openInPerDigitView } from '../shell/crossLinks';
import './playground.css';
import './codeSpace.css';

export interface PlaygroundSectionProps {
  store: Store<AppState>;
  controller: Controller;
}

const WORST_PER_DIGIT = 8;
const percent = (share: number) => `${Math.round(share * 100)}%`;

interface PartProps {
  title: string;
  /** Where the width allows, the parts sit two abreast: `wide` takes the whole row, `tall` two
   * rows of its column (playground.css). */
  span?: 'wide' | 'tall';
  children: React.ReactNode;
}

function Part({ title, span, children }: PartProps) {
  const id = useId();
  return (
    <section
      className={span ? `ll-play__part ll-play__part--${span}` : 'll-play__part'}
      aria-labelledby={id}
    >
      <h3 id={id} className="ll-latent__subtitle">
        {title}
      </h3>
      {children}
    </section>
  );
}

export const PlaygroundSection = memo(function PlaygroundSection({
  store,
  controller,
}: PlaygroundSectionProps) {
  const titleId = useId();
  const { playground } = controller;
  // Deferred: new codes (each epoch's end) redraw many panels; React then renders them in
  // slices between frames instead of one long task that would stall the loss chart.
  const latent = useDeferredValue(useStore(store, (s) => s.latent));
  const play = useStore(playground.store, (s) => s);
  const test = useStore(store, (s) => s.testSet);
  const weightsKey = latent ? `${latent.runId}/${latent.step}` : '';

  const worst = useMemo(
    () => (latent && test ? worstByDigit(latent.losses, test.labels, WORST_PER_DIGIT) : null),
    [latent, test],
  );
  useEffect(() => {
    if (worst) playground.decodeWorst(worst.flat());
  }, [playground, worst]);

  // Stable, so the memoised map and worst rebuilds do not redraw on every slider move.
  const openInPerDigit = useCallback(
    (index: number) => openInPerDigitView(controller, index),
    [controller],
  );

  if (!test) return null;
  // The codes say which kind made them: only a VAE's carry a KL term per unit.
  const vae = latent?.stats.unitKl !== undefined;
  const mapReady = play.map !== null && play.map.coords.length === test.labels.length * 2;
  return (
    <section id={PLAYGROUND_ID} className="ll-panel ll-play" aria-labelledby={titleId}>
      <div className="ll-panel__header">
        <h2 id={titleId} className="ll-panel__title">
          Latent playground: change the code and watch the decoder
        </h2>
      </div>
      {!latent ? (
        <p className="ll-panel__note">Waiting for the codes of the test images…</p>
      ) : (
        <>
          <Part title="Change one number of the code" span="wide">
            <DecoderPlayground
              state={play}
              playground={playground}
              latent={latent}
              test={test}
              vae={vae}
            />
          </Part>
          <Part
            title={vae ? 'Generate new digits' : 'Generate digits from random codes'}
            span="wide"
          >
            <GenerateDigits
              generated={play.generated}
              playground={playground}
              vae={vae}
              latentDim={latent.latentDim}
              step={latent.step}
            />
          </Part>
          {vae && (
            <Part title="The map of the code space" span="wide">
              {play.map && mapReady ? (
                <CodeSpaceMap
                  latent={latent}
                  map={play.map}
                  sheet={play.sheet}
                  test={test}
                  onOpen={openInPerDigit}
                  onRefresh={controller.encodeTestSet}
                />
              ) : (
                <p className="ll-panel__note">Working out the map…</p>
              )}
            </Part>
          )}
          <Part title="Draw your own digit">
            <DrawYourOwn drawing={play.drawing} playground={playground} test={test} />
          </Part>
          {!vae && (
            <Part title="Map of all codes" span="tall">
              {play.map && mapReady ? (
                <>
                  <p className="ll-latent__claim">
                    Each dot is one of the {formatInt(test.labels.length)} test images, placed by
                    its {latent.latentDim}-number code squashed to 2 numbers (PCA). These two
                    directions explain{' '}
                    <strong data-testid="explained">
                      {percent(play.map.explained[0] + play.map.explained[1])}
                    </strong>{' '}
                    of how the codes vary (across: {percent(play.map.explained[0])}, up:{' '}
                    {percent(play.map.explained[1])}), so dots that overlap here may still be apart
                    in the full code. Drawn again after each epoch (weights after{' '}
                    {formatInt(play.map.step)} steps; the PCA took {play.map.ms} ms).
                  </p>
                  <LatentMap
                    coords={play.map.coords}
                    labels={test.labels}
                    testPixels={test.pixels}
                    onOpen={openInPerDigit}
                  />
                </>
              ) : (
                <p className="ll-panel__note">Working out the map…</p>
              )}
            </Part>
          )}
          <Part title="From one digit to another">
            <p className="ll-latent__claim">
              Top: images decoded from evenly spaced codes on the straight line between two images'
              codes. Bottom: the two images simply faded into each other, pixel by pixel.
            </p>
            <Interpolation
              film={play.film}
              playground={playground}
              test={test}
              weightsKey={weightsKey}
            />
          </Part>
          {worst && (
            <Part title="The images the network rebuilds worst" span="wide">
              <p className="ll-latent__claim">
                For each digit, its {WORST_PER_DIGIT} hardest test images, each above a map of where
                the rebuild is wrong (brighter: more wrong). Click one to see it with its code.
              </p>
              <WorstReconstructions
                worst={worst}
                rebuilt={play.worst?.rebuilt ?? null}
                testPixels={test.pixels}
                onOpen={openInPerDigit}
              />
            </Part>
          )}
        </>
      )}
    </section>
  );
});
