/** Point 1 of issue 5: edit a test image's code one unit at a time and watch the decoder. */
import { useMemo } from 'react';
import { CodeSliders } from './CodeSliders';
import { DigitCanvas } from '../ui/DigitCanvas';
import type { LatentCodes } from '../store/appState';
import type { Playground, PlaygroundState } from './playground';
import { unitRanges } from '../../shared/latentMath';

export interface DecoderPlaygroundProps {
  state: PlaygroundState;
  playground: Playground;
  latent: LatentCodes;
  test: { pixels: Uint8Array; labels: Uint8Array };
  /** A VAE's codes: signed means, and units the KL term may have switched off. */
  vae: boolean;
}

/**
 * A VAE's sliders reach at least N(0, 1)'s ±3 either way: a unit switched off by the KL term
 * has means all near 0, so a slider fitted to them could not move far enough to show that the
 * decoder ignores it; and the prior is where Generate draws its codes from.
 */
const PRIOR_REACH = 3;

function sliderRanges(codes: Float32Array, dim: number, vae: boolean) {
  const ranges = unitRanges(codes, dim);
  if (!vae) return ranges;
  return {
    min: ranges.min.map((v) => Math.min(v, -PRIOR_REACH)),
    max: ranges.max.map((v) => Math.max(v, PRIOR_REACH)),
  };
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function DecoderPlayground(props: DecoderPlaygroundProps) {
  const { state, playground, latent, test, vae } = props;
  const ranges = useMemo(() => sliderRanges(latent.codes, latent.latentDim, vae), [latent, vae]);
  const { source, code, decoded, reliedOn, selectedUnit } = state;
  if (!source || !code || code.length !== latent.latentDim) {
    return (
      <p className="ll-panel__note">
        Pick an image in the view above with <strong>Open in playground</strong>, or start from{' '}
        <button type="button" className="ll-btn" onClick={() => playground.open(0)}>
          test image #0
        </button>
      </p>
    );
  }
  const digit = test.labels[source.index];
  const changed = code.some((v, i) => v !== source.original[i]);
  const latency = median(state.decodeMs);
  return (
    <div className="ll-decoder">
      <div className="ll-decoder__images">
        <figure className="ll-sample__figure">
          <DigitCanvas
            pixels={test.pixels}
            offset={source.index}
            size={112}
            label={`Test image #${source.index}, a handwritten ${digit}`}
          />
          <figcaption>Test image #{source.index}</figcaption>
        </figure>
        <figure className="ll-sample__figure">
          {decoded ? (
            <DigitCanvas
              pixels={decoded}
              offset={0}
              size={112}
              label="What the decoder makes of the code"
            />
          ) : (
            <div className="ll-digit ll-digit--placeholder ll-decoder__wait" aria-hidden="true">
              …
            </div>
          )}
          <figcaption>{changed ? 'Decoded from your code' : 'Decoded from its code'}</figcaption>
        </figure>
      </div>
      <div className="ll-decoder__controls">
        <CodeSliders
          code={code}
          original={source.original}
          min={ranges.min}
          max={ranges.max}
          selected={selectedUnit}
          reliedOn={reliedOn.map((r) => r.unit)}
          onChange={playground.setUnit}
          onSelect={playground.selectUnit}
        />
        <div className="ll-decoder__buttons">
          <button type="button" className="ll-btn" onClick={playground.reset} disabled={!changed}>
            Back to the original code
          </button>
          <button
            type="button"
            className="ll-btn"
            onClick={() => playground.setUnit(selectedUnit, 0)}
            disabled={code[selectedUnit] === 0}
          >
            Set unit {selectedUnit} to zero
          </button>
          <span className="ll-decoder__value ll-num">
            Unit {selectedUnit}: {code[selectedUnit].toFixed(2)} (was{' '}
            {source.original[selectedUnit].toFixed(2)})
          </span>
        </div>
        <p className="ll-decoder__relied">
          {reliedOn.length === 0
            ? 'Working out which units this image needs…'
            : `This image relies most on units ${reliedOn.map((r) => r.unit).join(', ')} (marked): setting one of them to zero changes the picture most.`}
        </p>
        {latency !== null && (
          <p className="ll-panel__note ll-num" data-median-ms={Math.round(latency)}>
            The decoder answers in about {Math.round(latency)} ms (median of the last{' '}
            {state.decodeMs.length} changes).
          </p>
        )}
      </div>
    </div>
  );
}
