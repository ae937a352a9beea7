/**
 * The "Latent codes" area: wires the store (codes, view state, rebuilds) to the presentational
 * latent components, computes the statistics once per codes message, asks the worker for
 * rebuilds of the samples on screen, and listens for the lecture keys.
 */
import { memo, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef } from 'react';
import type { LatentStats } from '../../shared/latentStats';
import type { AppState, LatentCodes, TestReconstruction } from '../store/appState';
import type { Controller } from '../store/controller';
import { createLatentActions } from './latentActions';
import { sampleRange, visibleSamples } from './latentView';
import { useStore, type Store } from '../store/store';
import { DeadUnitsNote } from './DeadUnitsNote';
import { FingerprintHeatmap } from './FingerprintHeatmap';
import { formatInt } from '../ui/format';
import { HardDigits } from './HardDigits';
import { LatentBarChart } from './LatentBarChart';
import { LatentLegend } from './LatentLegend';
import { chartTop, type OffReason } from './latentChartData';
import { LatentToolbar } from './LatentToolbar';
import { PerDigitView, type SampleView } from './PerDigitView';
import { latentKeyBindings, useKeyBindings } from './useLatentKeys';
import { LATENT_ID, openInPlayground } from '../shell/crossLinks';

export interface LatentSectionProps {
  store: Store<AppState>;
  controller: Controller;
}

const NO_INDICES: number[] = [];
const BAND_LABEL = (digit: number) => `Middle 80% of all ${digit}s`;

/** The worker's statistics of these codes, if they are codes of this test set. */
function statsFor(latent: LatentCodes | null, labels: Uint8Array | null): LatentStats | null {
  if (!latent || !labels || latent.codes.length !== labels.length * latent.latentDim) return null;
  return latent.stats;
}

function rebuildOf(rebuilt: TestReconstruction | null, index: number): SampleView['rebuilt'] {
  const offset = rebuilt ? rebuilt.indices.indexOf(index) : -1;
  return rebuilt && offset >= 0 ? { pixels: rebuilt.pixels, offset } : null;
}

function codesStatus(latent: LatentCodes, runId: number): string {
  if (latent.step === 0) return 'Codes from the untrained network (random weights).';
  const earlier = latent.runId !== null && latent.runId !== runId ? ', in an earlier run' : '';
  return `Codes from the network after ${formatInt(latent.step)} training steps${earlier}.`;
}

export const LatentSection = memo(function LatentSection({
  store,
  controller,
}: LatentSectionProps) {
  const titleId = useId();
  const topRef = useRef<HTMLElement>(null);
  // Deferred: see PlaygroundSection; the section's many charts update in slices.
  const latent = useDeferredValue(useStore(store, (s) => s.latent));
  const view = useStore(store, (s) => s.latentView);
  const rebuilt = useStore(store, (s) => s.testReconstruction);
  const runId = useStore(store, (s) => s.runId);
  const actions = useMemo(() => createLatentActions(store), [store]);

  const test = useStore(store, (s) => s.testSet);
  // Computed in the worker; nothing to memoise here.
  const stats = statsFor(latent, test?.labels ?? null);
  const { digit, page, shuffleSeed, perChartScale } = view;
  const digitIndices = stats?.indicesByDigit[digit] ?? NO_INDICES;
  const shown = useMemo(
    () => visibleSamples({ page, shuffleSeed }, digitIndices),
    [page, shuffleSeed, digitIndices],
  );

  // New samples on screen, or new weights behind the codes: rebuild what is shown.
  const weightsKey = latent ? `${latent.runId}/${latent.step}` : '';
  useEffect(() => {
    if (shown.length && weightsKey) controller.reconstructTest(shown);
  }, [controller, shown, weightsKey]);

  const bindings = useMemo(() => latentKeyBindings(actions), [actions]);
  useKeyBindings(bindings, stats !== null);

  const dim = latent?.latentDim ?? 0;
  const band = useMemo(
    () =>
      stats && {
        low: stats.low.subarray(digit * dim, (digit + 1) * dim),
        high: stats.high.subarray(digit * dim, (digit + 1) * dim),
        mean: stats.means.subarray(digit * dim, (digit + 1) * dim),
      },
    [stats, digit, dim],
  );
  // The codes apart from the rebuilds: a rebuild arriving keeps each code's array the same,
  // so the memoised charts of the samples are not built again.
  const codes = useMemo(
    () =>
      latent
        ? shown.map((index) => ({
            index,
            code: latent.codes.subarray(index * dim, (index + 1) * dim),
            loss: latent.losses[index],
          }))
        : [],
    [latent, shown, dim],
  );
  const samples = useMemo<SampleView[]>(
    () => codes.map((sample) => ({ ...sample, rebuilt: rebuildOf(rebuilt, sample.index) })),
    [codes, rebuilt],
  );
  // A VAE's codes are the encoder's means: signed, and its marked units are the ones its KL
  // term switched off. Plain codes pass a ReLU (or are clipped to 0), so never go below 0.
  const offReason: OffReason = stats?.unitKl ? 'kl' : 'relu';
  const signed = useMemo(() => (stats ? stats.low.some((v) => v < 0) : false), [stats]);
  const heatTop = useMemo(
    () => (stats && signed ? stats.means.reduce((m, v) => Math.max(m, Math.abs(v)), 0) : null),
    [stats, signed],
  );
  const sharedTop = useMemo(() => {
    if (perChartScale || !band) return null;
    const tops = codes.map((sample) => chartTop(sample.code, band.high, band.low));
    return Math.max(chartTop(band.mean, band.high, band.low), ...tops);
  }, [perChartScale, band, codes]);

  // Stable, so the memoised heatmap and sample cards do not render again for nothing.
  const openDigit = useCallback(
    (d: number) => {
      actions.chooseDigit(d);
      topRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    },
    [actions],
  );
  const openSample = useCallback(
    (index: number) => openInPlayground(controller, index),
    [controller],
  );

  if (!test) return null;
  const { first, last } = sampleRange(view, digitIndices.length);

  return (
    <section ref={topRef} id={LATENT_ID} className="ll-panel ll-latent" aria-labelledby={titleId}>
      <div className="ll-panel__header">
        <h2 id={titleId} className="ll-panel__title">
          Inside the bottleneck: the code of each digit
        </h2>
        {latent && (
          <p className="ll-latent__status">
            <span>{codesStatus(latent, runId)}</span>
            <button
              type="button"
              className="ll-btn"
              onClick={controller.encodeTestSet}
              title="Work out the codes of all test images again, with the network as it is now"
            >
              Update codes now
            </button>
          </p>
        )}
      </div>
      {!stats || !band || !latent ? (
        <p className="ll-panel__note">
          Working out the codes of the {formatInt(test.labels.length)} test images…
        </p>
      ) : (
        <>
          <p className="ll-latent__intro">
            The network squeezes every image into {dim} numbers, its <em>code</em>, and rebuilds the
            image from those alone. Pick a digit with the buttons or the keys 0–9, and step through
            its images with ← and →.
          </p>
          <LatentToolbar
            digit={digit}
            counts={stats.counts}
            first={first}
            last={last}
            shuffled={shuffleSeed !== null}
            onChoose={actions.chooseDigit}
            onPrevious={actions.previous}
            onNext={actions.next}
            onShuffle={actions.shuffle}
          />
          <div className="ll-latent__keyrow">
            <LatentLegend digit={digit} hasDead={stats.dead.length > 0} offReason={offReason} />
            <label className="ll-toggle">
              <input
                type="checkbox"
                checked={!perChartScale}
                onChange={(event) => actions.setPerChartScale(!event.target.checked)}
              />
              Same scale on every chart
            </label>
          </div>
          <div className="ll-latent__body">
            <PerDigitView
              digit={digit}
              samples={samples}
              testPixels={test.pixels}
              low={band.low}
              high={band.high}
              bandLabel={BAND_LABEL(digit)}
              dead={stats.dead}
              sharedTop={sharedTop}
              offReason={offReason}
              signed={signed}
              onOpen={openSample}
            />
            <aside className="ll-latent__side" aria-label="This digit and all digits">
              <div className="ll-latent__card">
                <h3 className="ll-latent__subtitle">
                  Average code of the {formatInt(stats.counts[digit])} test images of {digit}
                </h3>
                <LatentBarChart
                  values={band.mean}
                  low={band.low}
                  high={band.high}
                  dead={stats.dead}
                  sharedTop={sharedTop}
                  offReason={offReason}
                  signed={signed}
                  title={`Average latent code of digit ${digit}`}
                  valuesLabel={`Average of all ${digit}s`}
                  bandLabel={BAND_LABEL(digit)}
                  variant="average"
                />
              </div>
              <DeadUnitsNote dead={stats.dead} latentDim={dim} offReason={offReason} />
              <div className="ll-latent__card">
                <h3 className="ll-latent__subtitle">Which digits are hard to rebuild?</h3>
                <HardDigits losses={stats.lossByDigit} digit={digit} />
              </div>
            </aside>
          </div>
          <div className="ll-latent__fingerprints">
            <h3 className="ll-latent__subtitle">Digit fingerprints: each digit's average code</h3>
            <p className="ll-latent__claim">
              Does each digit have its own pattern? Compare the rows. In numbers:{' '}
              <strong>{Math.round(stats.nearestMean.overall * 100)}%</strong> of the test images
              have a code closer to their own digit's row than to any other row (guessing would get
              about 10%). Click a row, or press its number, to see that digit's images.
            </p>
            <FingerprintHeatmap
              means={stats.means}
              latentDim={dim}
              top={heatTop ?? stats.maxMean}
              signed={signed}
              offReason={offReason}
              dead={stats.dead}
              digit={digit}
              recognised={stats.nearestMean.byDigit}
              onChoose={openDigit}
            />
          </div>
        </>
      )}
    </section>
  );
});
