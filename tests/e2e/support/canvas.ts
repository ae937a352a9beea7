import type { Locator } from '@playwright/test';

/** The gray value (red channel) of every pixel of a 28x28 digit canvas. */
export function readDigit(canvas: Locator): Promise<number[]> {
  return canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const rgba = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    if (!rgba) throw new Error('canvas has no 2d context');
    const gray: number[] = [];
    for (let k = 0; k < rgba.length; k += 4) gray.push(rgba[k]);
    return gray;
  });
}

export function meanSquaredError(a: number[], b: number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += ((a[i] - b[i]) / 255) ** 2;
  return sum / a.length;
}

export function spread(values: number[]): number {
  return Math.max(...values) - Math.min(...values);
}
