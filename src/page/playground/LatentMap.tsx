import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { DigitCanvas } from '../ui/DigitCanvas';
import { cancelDraw, drawInFrame, drawSoon } from '../ui/frameWork';
import { MapCentresTable } from './MapCentresTable';

/**
 * Paul Tol's "muted" scheme (nine colours, told apart with the common colour-vision
 * deficiencies) plus black for the tenth class; the digit labels at each class centre mean no
 * reader has to rely on colour alone.
 */
export const DIGIT_COLORS = [
  '#332288',
  '#88ccee',
  '#44aa99',
  '#117733',
  '#999933',
  '#ddcc77',
  '#cc6677',
  '#882255',
  '#aa4499',
  '#000000',
] as const;

export interface LatentMapProps {
  /** count x 2, row-major. */
  coords: Float32Array;
  labels: Uint8Array;
  testPixels: Uint8Array;
  onOpen(index: number): void;
  /**
   * A fixed scale instead of one fitted to the dots: each coordinate's place from 0 (left or
   * bottom edge) to 1. The VAE's map uses it to line the dots up with its sheet of digits; the
   * canvas is then square.
   */
  scale?: (value: number) => number;
  /** The canvas's accessible name, when the default one does not say enough. */
  label?: string;
  /** Puts the canvas in a frame (axes, titles). */
  frame?: (canvas: ReactNode) => ReactNode;
}

const WIDTH = 560;
const HEIGHT = 420;
const PAD = 14;
/** How near (in canvas pixels) the pointer must be to a point to pick it. */
const PICK = 10;
/** About 5 ms of drawing on a slow machine. */
const DOTS_PER_SLICE = 1000;

/**
 * Canvas positions on a fixed scale. A point the scale puts on or past an edge (0 or 1) is NaN:
 * not drawn, not pickable, not in its digit's centre. Piled up along the edges, such points
 * drew heavy lines that looked like data; the panel says how many are left out instead.
 */
function layoutOnScale(coords: Float32Array, scale: (value: number) => number, side: number) {
  const screen = new Float32Array(coords.length);
  const place = (value: number) => {
    const at = scale(value);
    return at > 0 && at < 1 ? Math.min(side - 2, Math.max(2, at * side)) : NaN;
  };
  for (let i = 0; i < coords.length; i += 2) {
    const x = place(coords[i]);
    const y = place(coords[i + 1]);
    const inside = Number.isFinite(x) && Number.isFinite(y);
    screen[i] = inside ? x : NaN;
    screen[i + 1] = inside ? side - y : NaN;
  }
  return screen;
}

function layout(coords: Float32Array) {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < coords.length; i += 2) {
    minX = Math.min(minX, coords[i]);
    maxX = Math.max(maxX, coords[i]);
    minY = Math.min(minY, coords[i + 1]);
    maxY = Math.max(maxY, coords[i + 1]);
  }
  const sx = (WIDTH - 2 * PAD) / (maxX - minX || 1);
  const sy = (HEIGHT - 2 * PAD) / (maxY - minY || 1);
  const screen = new Float32Array(coords.length);
  for (let i = 0; i < coords.length; i += 2) {
    screen[i] = PAD + (coords[i] - minX) * sx;
    // Up is positive on a chart, down on a canvas.
    screen[i + 1] = HEIGHT - PAD - (coords[i + 1] - minY) * sy;
  }
  return screen;
}

/** All test codes as dots on the first two principal axes, coloured by digit. */
export const LatentMap = memo(function LatentMap({
  coords,
  labels,
  testPixels,
  onOpen,
  scale,
  label,
  frame,
}: LatentMapProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  const width = WIDTH;
  const height = scale ? WIDTH : HEIGHT;
  const screen = useMemo(
    () => (scale ? layoutOnScale(coords, scale, WIDTH) : layout(coords)),
    [coords, scale],
  );
  const count = Math.min(labels.length, screen.length / 2);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    // 10,000 dots took 50 ms or more in one go (a fillStyle per dot): drawn in slices, a few
    // frames apart, on a canvas of its own, and shown in one piece once all are in, so the map
    // on screen never shows half a drawing.
    const buffer = document.createElement('canvas');
    buffer.width = width;
    buffer.height = height;
    const context = buffer.getContext('2d');
    if (!context) return;
    const sums = Array.from({ length: 10 }, () => ({ x: 0, y: 0, n: 0 }));
    let next = 0;
    const drawSlice = () => {
      const end = Math.min(count, next + DOTS_PER_SLICE);
      context.globalAlpha = 0.55;
      for (let i = next; i < end; i++) {
        if (Number.isNaN(screen[i * 2])) continue;
        const digit = labels[i];
        context.fillStyle = DIGIT_COLORS[digit];
        context.fillRect(screen[i * 2] - 1.5, screen[i * 2 + 1] - 1.5, 3, 3);
        sums[digit].x += screen[i * 2];
        sums[digit].y += screen[i * 2 + 1];
        sums[digit].n++;
      }
      next = end;
      if (next < count) drawInFrame(canvas, drawSlice);
      else finish();
    };
    const finish = () => {
      context.globalAlpha = 1;
      context.font = 'bold 20px system-ui, sans-serif';
      context.textAlign = 'center';
      context.textBaseline = 'middle';
      context.lineWidth = 4;
      sums.forEach((sum, digit) => {
        if (sum.n === 0) return;
        const x = sum.x / sum.n;
        const y = sum.y / sum.n;
        context.strokeStyle = '#ffffff';
        context.strokeText(String(digit), x, y);
        context.fillStyle = '#111111';
        context.fillText(String(digit), x, y);
      });
      const shown = canvas.getContext('2d');
      if (!shown) return;
      shown.clearRect(0, 0, width, height);
      shown.drawImage(buffer, 0, 0);
    };
    drawSoon(canvas, drawSlice);
    return () => cancelDraw(canvas);
  }, [screen, labels, count, width, height]);

  const pick = (event: React.MouseEvent<HTMLCanvasElement>): number | null => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = ((event.clientX - rect.left) / rect.width) * width;
    const y = ((event.clientY - rect.top) / rect.height) * height;
    let best: number | null = null;
    let bestDistance = PICK * PICK;
    for (let i = 0; i < count; i++) {
      const d = (screen[i * 2] - x) ** 2 + (screen[i * 2 + 1] - y) ** 2;
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    return best;
  };

  const canvas = (
    <canvas
      ref={ref}
      className={scale ? 'll-map__canvas ll-map__canvas--square' : 'll-map__canvas'}
      width={width}
      height={height}
      role="img"
      aria-label={
        label ??
        `Latent map: ${count.toLocaleString('en')} test codes as dots in 10 colours, one per digit`
      }
      data-points={count}
      data-colors={new Set(labels.subarray(0, count)).size}
      onPointerMove={(event) => setHovered(pick(event))}
      onPointerLeave={() => setHovered(null)}
      onClick={(event) => {
        const index = pick(event);
        if (index !== null) onOpen(index);
      }}
    />
  );
  return (
    <div className="ll-map">
      {frame ? frame(canvas) : canvas}
      <div className="ll-map__side">
        <ul className="ll-map__legend" aria-label="Colours of the digits">
          {DIGIT_COLORS.map((color, digit) => (
            <li key={digit}>
              <span className="ll-map__swatch" style={{ background: color }} aria-hidden="true" />
              {digit}
            </li>
          ))}
        </ul>
        <MapCentresTable coords={coords} labels={labels} />
        <div className="ll-map__hover" aria-live="polite">
          {hovered === null ? (
            <p className="ll-panel__note">
              Point at a dot to see its image; click to see its code in chapter 2.
            </p>
          ) : (
            <figure className="ll-sample__figure">
              <DigitCanvas
                pixels={testPixels}
                offset={hovered}
                size={84}
                label={`Test image #${hovered}, a ${labels[hovered]}`}
              />
              <figcaption>
                #{hovered}, a {labels[hovered]}
              </figcaption>
            </figure>
          )}
        </div>
      </div>
    </div>
  );
});
