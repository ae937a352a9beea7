/**
 * The VAE's map of the code space (issue 25): a sheet of digits decoded from a grid of codes,
 * beside the test images' codes (the means) as dots on the same plane and scale. After each
 * epoch both are drawn again, so the class watches the digits sort themselves over the plane.
 */
import { memo, useMemo } from 'react';
import type { LatentCodes } from '../store/appState';
import { formatInt } from '../ui/format';
import { beyondSheet, planeCoords, sheetFraction } from './codePlane';
import { CodeSheet } from './CodeSheet';
import { LatentMap } from './LatentMap';
import { PlaneFrame } from './PlaneFrame';
import type { PlaygroundState } from './playground';

export interface CodeSpaceMapProps {
  latent: LatentCodes;
  map: NonNullable<PlaygroundState['map']>;
  sheet: PlaygroundState['sheet'];
  test: { pixels: Uint8Array; labels: Uint8Array };
  onOpen(index: number): void;
  /** Encode the test images again now, which draws the map again. */
  onRefresh(): void;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

export const CodeSpaceMap = memo(function CodeSpaceMap(props: CodeSpaceMapProps) {
  const { latent, map, sheet, test, onOpen, onRefresh } = props;
  const dim = latent.latentDim;
  const flat = dim <= 2;
  const coords = useMemo(
    () => planeCoords(latent.codes, dim, flat ? undefined : map.axes),
    [latent.codes, dim, flat, map.axes],
  );
  const beyond = useMemo(() => beyondSheet(coords), [coords]);
  const titles = flat
    ? { x: 'Unit 0 of the code', y: 'Unit 1 of the code' }
    : { x: 'First direction (PCA)', y: 'Second direction (PCA)' };
  const side = sheet?.side ?? 20;
  const frame = (picture: React.ReactNode) => (
    <PlaneFrame xTitle={titles.x} yTitle={titles.y}>
      {picture}
    </PlaneFrame>
  );

  return (
    <div className="ll-space">
      <p className="ll-latent__claim">
        Left: the digits the decoder draws from a {side} by {side} grid of codes.{' '}
        {flat
          ? 'The code has 2 numbers, so the grid covers the plane of codes itself.'
          : `The code has ${dim} numbers, so the grid lies on the flat slice of code space along the two directions in which the test codes vary most (PCA, ${percent(map.explained[0] + map.explained[1])} of their variation), through the centre; the other numbers are 0.`}{' '}
        Each side runs over the middle 90% of the bell curve N(0, 1), from −1.64 to 1.64, in steps
        that hold equal shares of it (wider near the edges, where codes are rarer). Right: each test
        image's code (its mean) as a dot coloured by its digit, on the same scale
        {flat ? '' : ' (its shadow on that slice)'}, so each dot sits over the cell its code decodes
        to
        {beyond > 0
          ? ` (${formatInt(beyond)} of the ${formatInt(coords.length / 2)} codes lie beyond the grid and are drawn on its edge)`
          : ''}
        . Drawn again after each epoch; this one is from the network after {formatInt(latent.step)}{' '}
        training steps.{' '}
        <button type="button" className="ll-btn" onClick={onRefresh}>
          Draw the map now
        </button>
      </p>
      <div className="ll-space__pictures">
        {frame(
          sheet ? (
            <CodeSheet
              images={sheet.images}
              side={sheet.side}
              label={`Digits decoded from a ${side} by ${side} grid of codes`}
            />
          ) : (
            <p className="ll-panel__note ll-space__wait">Decoding the grid…</p>
          ),
        )}
        <LatentMap
          coords={coords}
          labels={test.labels}
          testPixels={test.pixels}
          onOpen={onOpen}
          scale={sheetFraction}
          label={`The ${formatInt(test.labels.length)} test codes as dots coloured by digit, on the grid's plane and scale`}
          frame={frame}
        />
      </div>
    </div>
  );
});
