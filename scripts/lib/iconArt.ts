/**
 * Latent Lab's app icon, drawn from numbers so it is ours and can be redrawn at any size: five
 * bars whose heights narrow and widen again (784 → 128 → 32 → 128 → 784), the autoencoder the
 * app trains, on the app's dark blue, with the 32-number bottleneck in amber like the favicon.
 */
import { PNG } from 'pngjs';

type Rgb = readonly [number, number, number];

/** The app's colours (src/page/ui/components.css: --ll-accent-strong, --ll-accent-tint). */
export const ICON_COLOURS = {
  background: [0x1e, 0x3a, 0x8a],
  layer: [0xe5, 0xed, 0xff],
  bottleneck: [0xf5, 0xb3, 0x01],
} as const satisfies Record<string, Rgb>;

/**
 * any: a rounded tile with see-through corners, for browser tabs and desktops.
 * maskable: full bleed, art inside the central circle the platform may crop to (radius 40%).
 * apple: full bleed (iOS fills transparency with black and rounds the corners itself).
 */
export type IconKind = 'any' | 'maskable' | 'apple';

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  radius: number;
  colour: Rgb;
}

/** Bar heights as a share of the art's height: log-ish, so 32 still reads as a bar. */
const BAR_HEIGHTS = [1, 0.62, 0.3, 0.62, 1];
const BAR_WIDTH = 0.12;
const BAR_GAP = 0.055;

/** How much of the icon the art spans: the maskable one keeps it inside the safe circle. */
const ART_SCALE: Record<IconKind, number> = { any: 0.66, maskable: 0.52, apple: 0.62 };

/** The shapes of one icon in unit coordinates (0..1 across and down), back to front. */
export function iconShapes(kind: IconKind): Box[] {
  const tile: Box = {
    x0: 0,
    y0: 0,
    x1: 1,
    y1: 1,
    radius: kind === 'any' ? 0.18 : 0,
    colour: ICON_COLOURS.background,
  };
  const scale = ART_SCALE[kind];
  const span = BAR_HEIGHTS.length * BAR_WIDTH + (BAR_HEIGHTS.length - 1) * BAR_GAP;
  const left = 0.5 - (span * scale) / 2;
  const bars = BAR_HEIGHTS.map((height, i): Box => {
    const x0 = left + i * (BAR_WIDTH + BAR_GAP) * scale;
    const half = (height * scale) / 2;
    return {
      x0,
      x1: x0 + BAR_WIDTH * scale,
      y0: 0.5 - half,
      y1: 0.5 + half,
      radius: (BAR_WIDTH * scale) / 3,
      colour: i === 2 ? ICON_COLOURS.bottleneck : ICON_COLOURS.layer,
    };
  });
  return [tile, ...bars];
}

function inside(box: Box, x: number, y: number): boolean {
  if (x < box.x0 || x > box.x1 || y < box.y0 || y > box.y1) return false;
  // Distance past the inset rectangle's edge; inside when within the corner radius.
  const dx = Math.max(box.x0 + box.radius - x, 0, x - (box.x1 - box.radius));
  const dy = Math.max(box.y0 + box.radius - y, 0, y - (box.y1 - box.radius));
  return dx * dx + dy * dy <= box.radius * box.radius;
}

/** 4×4 samples per pixel: smooth edges without a graphics library. */
const SAMPLES = 4;

/** RGBA pixels of one icon, `size` pixels square. */
export function drawIcon(kind: IconKind, size: number): Uint8Array {
  const shapes = iconShapes(kind);
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          const top = shapes.findLast((shape) => inside(shape, x, y));
          if (!top) continue;
          r += top.colour[0];
          g += top.colour[1];
          b += top.colour[2];
          hits++;
        }
      }
      const at = (py * size + px) * 4;
      // Colour averaged over covered samples only, so see-through edges do not darken.
      if (hits > 0) {
        rgba[at] = Math.round(r / hits);
        rgba[at + 1] = Math.round(g / hits);
        rgba[at + 2] = Math.round(b / hits);
      }
      rgba[at + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES));
    }
  }
  return rgba;
}

/** One icon as PNG bytes; the same inputs always give the same bytes (no timestamps). */
export function iconPng(kind: IconKind, size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  png.data = Buffer.from(drawIcon(kind, size));
  return PNG.sync.write(png, { colorType: 6, deflateLevel: 9 });
}

/** The files in public/icons/, as the web app manifest and index.html name them. */
export const ICON_FILES: readonly { file: string; kind: IconKind; size: number }[] = [
  { file: 'icon-192.png', kind: 'any', size: 192 },
  { file: 'icon-512.png', kind: 'any', size: 512 },
  { file: 'icon-maskable-512.png', kind: 'maskable', size: 512 },
  { file: 'apple-touch-icon.png', kind: 'apple', size: 180 },
];
