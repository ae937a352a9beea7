/**
 * A drawing turned into an MNIST-style input, the way LeCun et al. prepared the digits: the
 * ink's bounding box is scaled (keeping its shape) so its longer side is 20 pixels, averaged
 * down so edges get grey levels (anti-aliasing), then placed in a 28x28 frame so its centre of
 * mass sits at the frame's centre. A digit drawn small or in a corner then looks like MNIST.
 */
import { IMAGE_SIDE, IMAGE_SIZE } from './config';

/** Ink below this (0..1) counts as paper when finding the bounding box. */
const INK = 0.05;
/** The longest side of the scaled digit, in pixels, as in MNIST. */
export const BOX_SIDE = 20;
/** Sub-samples per output pixel and axis: 8 x 8 averages enough source pixels for smooth edges. */
const SUPER = 8;

export interface Ink {
  /** width x height values in 0..1, row-major (1 = full ink). */
  values: ArrayLike<number>;
  width: number;
  height: number;
}

/** The ink's bounding box, or null for an empty drawing. */
export function boundingBox(ink: Ink): { x0: number; y0: number; x1: number; y1: number } | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < ink.height; y++)
    for (let x = 0; x < ink.width; x++)
      if (ink.values[y * ink.width + x] > INK) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/** Centre of mass of a side x side (or w x h) image, in pixel units with centres at i + 0.5. */
export function centreOfMass(
  values: ArrayLike<number>,
  width: number,
  height: number,
): { x: number; y: number } {
  let mass = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const v = values[y * width + x];
      mass += v;
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
    }
  return mass > 0 ? { x: sx / mass, y: sy / mass } : { x: width / 2, y: height / 2 };
}

/** 784 values in 0..1, MNIST-style; null if nothing is drawn. */
export function preprocessDrawing(ink: Ink): Float32Array | null {
  const box = boundingBox(ink);
  if (!box) return null;
  const bw = box.x1 - box.x0;
  const bh = box.y1 - box.y0;
  const scale = BOX_SIDE / Math.max(bw, bh);
  const ow = Math.max(1, Math.round(bw * scale));
  const oh = Math.max(1, Math.round(bh * scale));

  // Box-filter the ink down: each output pixel is the mean of SUPER x SUPER source samples.
  const small = new Float32Array(ow * oh);
  for (let oy = 0; oy < oh; oy++)
    for (let ox = 0; ox < ow; ox++) {
      let sum = 0;
      for (let sy = 0; sy < SUPER; sy++)
        for (let sx = 0; sx < SUPER; sx++) {
          const x = Math.floor(box.x0 + (ox + (sx + 0.5) / SUPER) / scale);
          const y = Math.floor(box.y0 + (oy + (sy + 0.5) / SUPER) / scale);
          if (x < box.x1 && y < box.y1) sum += ink.values[y * ink.width + x];
        }
      small[oy * ow + ox] = Math.min(1, Math.max(0, sum / (SUPER * SUPER)));
    }

  // Whole-pixel shift (as MNIST did) that puts the centre of mass nearest the frame's centre.
  const com = centreOfMass(small, ow, oh);
  const dx = Math.round(IMAGE_SIDE / 2 - com.x);
  const dy = Math.round(IMAGE_SIDE / 2 - com.y);
  const out = new Float32Array(IMAGE_SIZE);
  for (let y = 0; y < oh; y++)
    for (let x = 0; x < ow; x++) {
      const tx = x + dx;
      const ty = y + dy;
      if (tx >= 0 && tx < IMAGE_SIDE && ty >= 0 && ty < IMAGE_SIDE)
        out[ty * IMAGE_SIDE + tx] = small[y * ow + x];
    }
  return out;
}
