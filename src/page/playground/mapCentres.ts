/** Where each digit's cloud sits on the latent map: the data behind its table. */

export interface Centre {
  digit: number;
  count: number;
  x: number;
  y: number;
}

/** The mean position of each digit's points; `coords` is count x 2, row-major. */
export function classCentres(coords: Float32Array, labels: Uint8Array): Centre[] {
  const sums = Array.from({ length: 10 }, (_, digit) => ({ digit, count: 0, x: 0, y: 0 }));
  const count = Math.min(labels.length, coords.length / 2);
  for (let i = 0; i < count; i++) {
    const sum = sums[labels[i]];
    sum.count++;
    sum.x += coords[i * 2];
    sum.y += coords[i * 2 + 1];
  }
  return sums
    .filter((sum) => sum.count > 0)
    .map((sum) => ({ ...sum, x: sum.x / sum.count, y: sum.y / sum.count }));
}
