import { beforeAll, describe, expect, it } from 'vitest';
import { buildMnistFiles, type BuiltFile } from '../../../scripts/lib/buildMnistFiles';
import { sha256Hex } from '../../../scripts/lib/sha256';
import {
  MNIST_CREDIT,
  ManifestError,
  manifestFiles,
  parseManifest,
  type MnistManifest,
} from '../../../src/shared/manifest';
import { mnistSource, smallDataset } from '../support/mnistFixture';

describe('the manifest built from the real MNIST files', () => {
  let manifest: MnistManifest;
  let files: BuiltFile[];
  let source: Awaited<ReturnType<typeof mnistSource>>;

  beforeAll(async () => {
    source = await mnistSource();
    ({ manifest, files } = buildMnistFiles(source.splits, { inputs: source.inputs }));
  });

  it('counts 60,000 train and 10,000 test digits on 6 + 1 sheets', () => {
    expect(manifest.splits.train.count).toBe(60_000);
    expect(manifest.splits.test.count).toBe(10_000);
    expect(manifest.splits.train.sheets.map((sheet) => sheet.file)).toEqual([
      'train-00.png',
      'train-01.png',
      'train-02.png',
      'train-03.png',
      'train-04.png',
      'train-05.png',
    ]);
    expect(manifest.splits.test.sheets.map((sheet) => sheet.file)).toEqual(['test-00.png']);
    expect(manifest.splits.train.labels).toMatchObject({ file: 'train-labels.u8', images: 60_000 });
    expect(manifest.splits.test.labels).toMatchObject({ file: 'test-labels.u8', images: 10_000 });
  });

  it('credits MNIST as its license asks', () => {
    expect(manifest.credit).toEqual({
      name: 'MNIST',
      authors: 'Yann LeCun and Corinna Cortes',
      license: 'CC BY-SA 3.0',
      licenseUrl: 'https://creativecommons.org/licenses/by-sa/3.0/',
      sourceUrl: 'http://yann.lecun.com/exdb/mnist/',
    });
    expect(manifest.credit).toEqual(MNIST_CREDIT);
  });

  it('lists every file with its name, image count, size and SHA-256', () => {
    const built = new Map(files.map((file) => [file.file, file.bytes]));
    const listed = manifestFiles(manifest);
    expect(listed).toHaveLength(9);
    expect(new Set(listed.map((entry) => entry.file))).toEqual(new Set(built.keys()));
    for (const entry of [...manifest.splits.train.sheets, manifest.splits.train.labels]) {
      expect(entry.images).toBeGreaterThan(0);
    }
    for (const entry of listed) {
      const bytes = built.get(entry.file);
      expect(bytes, entry.file).toBeDefined();
      expect(entry.bytes).toBe(bytes?.length);
      expect(entry.sha256).toBe(sha256Hex(bytes ?? new Uint8Array()));
    }
  });

  it('hashes each split’s and each sheet’s pixels in IDX order, and records its IDX inputs', () => {
    expect(manifest.splits.train.pixelsSha256).toBe(sha256Hex(source.splits.train.pixels));
    expect(manifest.splits.test.pixelsSha256).toBe(sha256Hex(source.splits.test.pixels));
    for (const name of ['train', 'test'] as const) {
      for (const sheet of manifest.splits[name].sheets) {
        const start = sheet.firstIndex * 784;
        const pixels = source.splits[name].pixels.subarray(start, start + sheet.images * 784);
        expect(sheet.pixelsSha256, sheet.file).toBe(sha256Hex(pixels));
      }
    }
    expect(manifest.inputs.map((input) => [input.file, input.bytes])).toEqual([
      ['train-images-idx3-ubyte', 47_040_016],
      ['train-labels-idx1-ubyte', 60_008],
      ['t10k-images-idx3-ubyte', 7_840_016],
      ['t10k-labels-idx1-ubyte', 10_008],
    ]);
  });

  it('survives JSON and parseManifest unchanged', () => {
    expect(parseManifest(JSON.parse(JSON.stringify(manifest)))).toEqual(manifest);
  });
});

describe('parseManifest rejects a malformed manifest and says what is wrong', () => {
  let good: MnistManifest;
  beforeAll(async () => {
    good = (await smallDataset()).manifest;
  });

  /** A deep copy of the good manifest with one change. */
  function variant(change: (m: MnistManifest) => void): unknown {
    const copy = structuredClone(good);
    change(copy);
    return copy;
  }
  // For changes the types would forbid: that is what a broken manifest.json looks like.
  const set = (target: object, key: string, value: unknown) => Reflect.set(target, key, value);
  const remove = (target: object, key: string) => Reflect.deleteProperty(target, key);

  const cases: [string, (m: MnistManifest) => void, RegExp][] = [
    ['another format', (m) => set(m, 'format', 1), /manifest\.format must be 3.*got 1/],
    ['no credit', (m) => remove(m, 'credit'), /manifest\.credit must be an object, got nothing/],
    [
      'an empty author',
      (m) => (m.credit.authors = ''),
      /manifest\.credit\.authors must be a non-empty string/,
    ],
    [
      'another image size',
      (m) => set(m, 'imageSide', 32),
      /manifest\.imageSide must be 28, got 32/,
    ],
    ['no splits', (m) => remove(m, 'splits'), /manifest\.splits must be an object/],
    [
      'a missing split',
      (m) => remove(m.splits, 'test'),
      /manifest\.splits\.test must be an object/,
    ],
    [
      'a bad hash',
      (m) => (m.splits.train.sheets[1].sha256 = 'abc'),
      /manifest\.splits\.train\.sheets\[1\]\.sha256 must be a SHA-256/,
    ],
    [
      'an upper-case hash',
      (m) => (m.splits.test.pixelsSha256 = good.splits.test.pixelsSha256.toUpperCase()),
      /pixelsSha256 must be a SHA-256/,
    ],
    [
      'a missing block digest',
      (m) => (m.splits.train.sheets[0].blockSha256 = []),
      /sheets\[0\]\.blockSha256 must list 1 SHA-256s, one per 1000 images, got 0/,
    ],
    [
      'a block digest that is not one',
      (m) => (m.splits.train.sheets[1].blockSha256 = ['beef']),
      /sheets\[1\]\.blockSha256\[0\] must be a SHA-256/,
    ],
    [
      'a sheet without the digest of its pixels',
      (m) => remove(m.splits.train.sheets[0], 'pixelsSha256'),
      /sheets\[0\]\.pixelsSha256 must be a SHA-256/,
    ],
    [
      'a path in a file name',
      (m) => (m.splits.train.sheets[0].file = '../secret.png'),
      /sheets\[0\]\.file must be a plain file name/,
    ],
    [
      'a URL as a file name',
      (m) => (m.splits.train.labels.file = 'https://evil.example/x.u8'),
      /labels\.file must be a plain file name/,
    ],
    [
      'a sheet that is not a PNG',
      (m) => (m.splits.test.sheets[0].file = 'test-00.jpg'),
      /must end with "\.png"/,
    ],
    [
      'a negative size',
      (m) => (m.splits.test.labels.bytes = -1),
      /labels\.bytes must be a whole number from 1/,
    ],
    [
      'fractional images',
      (m) => (m.splits.train.sheets[0].images = 99.5),
      /sheets\[0\]\.images must be a whole number/,
    ],
    [
      'a gap between sheets',
      (m) => (m.splits.train.sheets[1].firstIndex = 101),
      /sheets\[1\]\.firstIndex must be 100, got 101/,
    ],
    [
      'wrong height',
      (m) => (m.splits.train.sheets[0].height = 2),
      /sheets\[0\]\.height must be 20, got 2/,
    ],
    [
      'wrong width',
      (m) => (m.splits.train.sheets[0].width = 5000),
      /sheets\[0\]\.width must be 3920, got 5000/,
    ],
    [
      'another number of images to a row',
      (m) => (m.splits.train.sheets[0].imagesPerRow = 10),
      /imagesPerRow must be 5, got 10/,
    ],
    [
      'a middle sheet smaller than the first',
      (m) => {
        const [, middle, last] = m.splits.train.sheets;
        Object.assign(middle, { images: 60, height: 12 });
        Object.assign(last, { firstIndex: 160, images: 90, height: 18 });
      },
      /sheets\[1\]\.images must be 100, got 60/,
    ],
    [
      'a last sheet larger than the first',
      (m) => {
        const [first, middle, last] = m.splits.train.sheets;
        Object.assign(first, { images: 60, height: 12 });
        Object.assign(middle, { firstIndex: 60, images: 60, height: 12 });
        Object.assign(last, { firstIndex: 120, images: 130, height: 26 });
      },
      /sheets\[2\]\.images must be at most 60/,
    ],
    [
      'sheets that do not add up',
      (m) => (m.splits.train.count = 300),
      /labels\.images must be 300, got 250/,
    ],
    [
      'a count the sheets do not hold',
      (m) => {
        m.splits.train.count = 300;
        m.splits.train.labels.images = 300;
        m.splits.train.labels.bytes = 300;
      },
      /sheets hold 250 images in all, but manifest\.splits\.train\.count is 300/,
    ],
    [
      'labels of the wrong length',
      (m) => (m.splits.train.labels.bytes = 251),
      /labels\.bytes must be 250, got 251/,
    ],
    ['no sheets', (m) => (m.splits.test.sheets = []), /sheets must list at least one sheet/],
    [
      'a file named twice',
      (m) => (m.splits.test.sheets[0].file = 'train-00.png'),
      /names the file "train-00\.png" twice/,
    ],
  ];

  it.each(cases)('%s', (_, change, message) => {
    expect(() => parseManifest(variant(change))).toThrow(ManifestError);
    expect(() => parseManifest(variant(change))).toThrow(message);
  });

  it('rejects things that are not objects at all', () => {
    expect(() => parseManifest(null)).toThrow(/manifest must be an object, got null/);
    expect(() => parseManifest([1, 2])).toThrow(/manifest must be an object, got \[1,2\]/);
    expect(() => parseManifest('{}')).toThrow(/manifest must be an object/);
  });
});
