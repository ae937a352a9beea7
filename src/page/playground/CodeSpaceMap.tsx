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
        Left: what the decoder draws from a {side} by {side} grid of codes{' '}
        {flat
          ? 'over the plane of the two code numbers'
          : `on a flat slice through the ${dim}-number code space: the two directions in which the test codes vary most (PCA, ${percent(map.explained[0] + map.explained[1])} of their variation), with every other direction at 0`}
        . Each side runs over the middle 90% of N(0, 1), from −1.64 to 1.64, in steps that each hold
        the same share of it, so they widen towards the edges. Neighbouring cells decode to similar
        digits that blend into each other: the KL term leaves no empty gaps between the digits.
      </p>
      <p className="ll-latent__claim">
        Right: each test image's code (its mean) as a dot coloured by its digit,{' '}
        {flat
          ? 'on the same scale, so a dot sits over the cell its code decodes to'
          : 'seen on the same slice and scale: a dot sits over the cell nearest its code, though its other numbers (0 on the slice) shape its picture too'}
        {beyond > 0
          ? `; ${formatInt(beyond)} of the ${formatInt(coords.length / 2)} codes lie beyond the grid and are left out`
          : ''}
        . Both are drawn again after each epoch; these are from{' '}
        {latent.step === 0
          ? 'the untrained network (random weights), so expect a grey blur, not digits yet'
          : `the network after ${formatInt(latent.step)} training steps`}
        .{' '}
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
          label={`${formatInt(coords.length / 2 - beyond)} test codes as dots coloured by digit, on the grid's plane and scale`}
          frame={frame}
        />
      </div>
    </div>
  );
});
