import { describe, expect, it } from 'vitest';
import { buildMnistFiles, type BuiltFile } from '../../../scripts/lib/buildMnistFiles';
import { firstImages } from '../../../scripts/lib/mnistSource';
import { sha256Hex } from '../../../scripts/lib/sha256';
import { sheetImages } from '../../../src/shared/sprites';
import { firstDifference, mnistSource, pngjsDecode, smallDataset } from '../support/mnistFixture';

/** The chunk types of a PNG file, in order. */
function chunkTypes(png: Uint8Array): string[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const types: string[] = [];
  for (let offset = 8; offset < png.length; offset += 12 + view.getUint32(offset)) {
    types.push(String.fromCharCode(...png.subarray(offset + 4, offset + 8)));
  }
  return types;
}

describe('buildMnistFiles', () => {
  it('is deterministic: the same input gives the same bytes', async () => {
    const real = await mnistSource();
    const splits = firstImages(real.splits, { train: 300, test: 100 });
    const a = buildMnistFiles(splits, { inputs: real.inputs, imagesPerSheet: 200 });
    const b = buildMnistFiles(splits, { inputs: real.inputs, imagesPerSheet: 200 });
    const digests = (files: BuiltFile[]) => files.map((file) => [file.file, sha256Hex(file.bytes)]);
    expect(digests(b.files)).toEqual(digests(a.files));
    expect(b.manifest).toEqual(a.manifest);
  });

  it('hashes each sheet’s pixels 1,000 images at a time, the last block shorter', async () => {
    const real = await mnistSource();
    const splits = firstImages(real.splits, { train: 2_500, test: 10 });
    const { manifest } = buildMnistFiles(splits, { inputs: real.inputs, imagesPerSheet: 2_500 });
    const [sheet] = manifest.splits.train.sheets;
    const block = (first: number, last: number) =>
      sha256Hex(splits.train.pixels.subarray(first * 784, last * 784));
    expect(sheet.blockSha256).toEqual([block(0, 1000), block(1000, 2000), block(2000, 2500)]);
    expect(sheet.pixelsSha256).toBe(block(0, 2500));
  });

  it('writes 8-bit grayscale PNGs without gamma or colour profile chunks', async () => {
    const { manifest, files } = await smallDataset();
    for (const sheet of [...manifest.splits.train.sheets, ...manifest.splits.test.sheets]) {
      const png = files.get(sheet.file) ?? new Uint8Array();
      expect(chunkTypes(png), sheet.file).toEqual(['IHDR', 'IDAT', 'IEND']);
      const ihdr = new DataView(png.buffer, png.byteOffset + 16, 13);
      expect([ihdr.getUint32(0), ihdr.getUint32(4)]).toEqual([sheet.width, sheet.height]);
      expect([png[24], png[25]]).toEqual([8, 0]); // bit depth 8, colour type 0 (gray)
    }
  });

  it('packs sheets that decode back to the IDX pixels and labels', async () => {
    const { manifest, files, source } = await smallDataset();
    for (const name of ['train', 'test'] as const) {
      const split = manifest.splits[name];
      const pixels = new Uint8Array(split.count * 784);
      for (const sheet of split.sheets) {
        const png = new Uint8Array(files.get(sheet.file) ?? []);
        const gray = await pngjsDecode(png, sheet.width, sheet.height);
        pixels.set(sheetImages(gray, sheet), sheet.firstIndex * 784);
      }
      expect(firstDifference(pixels, source.splits[name].pixels)).toBeNull();
      expect(files.get(split.labels.file)).toEqual(source.splits[name].labels);
    }
  });
});
