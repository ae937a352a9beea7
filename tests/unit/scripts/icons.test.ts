import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ICON_COLOURS, ICON_FILES, drawIcon, iconShapes } from '../../../scripts/lib/iconArt';

describe('the app icons', () => {
  it.each(ICON_FILES)('public/icons/$file is what scripts/build-icons.ts draws', (icon) => {
    const png = PNG.sync.read(readFileSync(`public/icons/${icon.file}`));
    expect([png.width, png.height]).toEqual([icon.size, icon.size]);
    // Compared as pixels, not bytes, so a different zlib build cannot fail the test.
    expect(Buffer.from(png.data).equals(Buffer.from(drawIcon(icon.kind, icon.size)))).toBe(true);
  });

  it('keeps the maskable art inside the circle every platform mask leaves (radius 40%)', () => {
    const [tile, ...bars] = iconShapes('maskable');
    expect(tile).toMatchObject({ x0: 0, y0: 0, x1: 1, y1: 1, radius: 0 });
    for (const bar of bars) {
      const corner = Math.hypot(
        Math.max(Math.abs(bar.x0 - 0.5), Math.abs(bar.x1 - 0.5)),
        Math.max(Math.abs(bar.y0 - 0.5), Math.abs(bar.y1 - 0.5)),
      );
      expect(corner).toBeLessThan(0.4);
    }
  });

  it('fills the maskable and Apple icons edge to edge, with no see-through pixels', () => {
    for (const kind of ['maskable', 'apple'] as const) {
      const rgba = drawIcon(kind, 48);
      for (let i = 3; i < rgba.length; i += 4) expect(rgba[i]).toBe(255);
    }
  });

  it('draws wide, narrow, wide: the bottleneck bar is the shortest and in amber', () => {
    const bars = iconShapes('any').slice(1);
    const heights = bars.map((b) => b.y1 - b.y0);
    expect(heights.indexOf(Math.min(...heights))).toBe(2);
    expect(heights[0]).toBeGreaterThan(heights[1]);
    expect(heights[4]).toBeGreaterThan(heights[3]);
    expect(bars[2].colour).toEqual(ICON_COLOURS.bottleneck);
  });
});
