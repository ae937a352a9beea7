import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/shared/config';
import { kerasCode, pythonFloat, type KerasCodeConfig } from '../../../src/shared/kerasCode';

const code = (changes: Partial<KerasCodeConfig> = {}) =>
  kerasCode({ ...DEFAULT_CONFIG, ...changes });
const lines = (text: string) => text.split('\n').map((line) => line.trim());

/** The Dense layer lines, in order, without their variable names. */
function denseLayers(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.includes('layers.Dense('))
    .map((line) => line.replace(/^\w+ = /, ''));
}

/**
 * What a real Python says of each script: "" when it parses, the error otherwise; null when
 * python3 is not installed (then only the cheap checks below run). One process for all scripts,
 * because starting Python takes about a second on a busy machine.
 */
function pythonVerdicts(scripts: string[]): string[] | null {
  const program = [
    'import ast, json, sys',
    'out = []',
    'for text in json.load(sys.stdin):',
    '    try:',
    '        ast.parse(text)',
    '        out.append("")',
    '    except SyntaxError as error:',
    '        out.append(str(error))',
    'print(json.dumps(out))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', program], {
    input: JSON.stringify(scripts),
    encoding: 'utf8',
  });
  if (run.error !== undefined) return null;
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as string[];
}

/** Cheap checks that hold for any Python we write, with or without python3. */
function looksLikePython(text: string): void {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const open: string[] = [];
  for (const line of text.split('\n')) {
    expect(line).not.toMatch(/\t/);
    expect(line).toBe(line.trimEnd());
    expect((line.length - line.trimStart().length) % 4).toBe(0);
    if (line.trimStart().startsWith('#')) continue;
    for (const char of line.replace(/"[^"]*"/g, '""')) {
      if ('([{'.includes(char)) open.push(char);
      if (char in pairs) expect(open.pop()).toBe(pairs[char]);
    }
  }
  expect(open).toEqual([]);
  expect(text.endsWith('\n')).toBe(true);
}

const CONFIGS: [string, Partial<KerasCodeConfig>][] = [
  ['the defaults', {}],
  ['latent 8, hidden 256', { latentDim: 8, hiddenUnits: 256 }],
  ['mean squared error', { loss: 'mse' }],
  ['a sigmoid bottleneck', { latentActivation: 'sigmoid' }],
  ['a linear bottleneck', { latentActivation: 'linear' }],
  ['learning rate 0.0005', { learningRate: 0.0005 }],
  ['5,000 training images', { trainSize: 5000, batchSize: 64, epochs: 3 }],
  ['the smallest learning rate', { learningRate: 0.00001, batchSize: 1, epochs: 100 }],
  ['denoising with dropped pixels', { model: 'denoising', noise: 0.5, noiseKind: 'mask' }],
  ['denoising with Gaussian noise', { model: 'denoising', noise: 0.3, noiseKind: 'gaussian' }],
  ['a VAE with a 2-number code', { model: 'vae', latentDim: 2, beta: 0.5 }],
];

describe('the Keras code for a configuration', () => {
  it('is the notebook network for the default settings', () => {
    const text = code();
    expect(denseLayers(text)).toEqual([
      'layers.Dense(128, activation="relu", name="encoder_hidden")(inputs)',
      'layers.Dense(32, activation="relu", name="latent")(x)',
      'layers.Dense(128, activation="relu", name="decoder_hidden")(code)',
      'layers.Dense(784, activation="sigmoid", name="reconstruction")(x)',
    ]);
    const all = lines(text);
    expect(all).toContain('inputs = keras.Input(shape=(784,), name="image")');
    expect(all).toContain('optimizer=keras.optimizers.Adam(learning_rate=0.001),');
    expect(all).toContain('loss=keras.losses.BinaryCrossentropy(),');
    expect(all).toContain('keras.utils.set_random_seed(42)');
    for (const arg of [
      'epochs=10,',
      'batch_size=128,',
      'shuffle=True,',
      'validation_data=(x_test, x_test),',
    ]) {
      expect(all).toContain(arg);
    }
    // All 60,000 images: no slice.
    expect(text).not.toContain('x_train[:');
    expect(all).toContain('x_train = x_train.reshape(-1, 784).astype("float32") / 255.0');
  });

  it('follows the layer sizes', () => {
    expect(denseLayers(code({ latentDim: 8, hiddenUnits: 256 }))).toEqual([
      'layers.Dense(256, activation="relu", name="encoder_hidden")(inputs)',
      'layers.Dense(8, activation="relu", name="latent")(x)',
      'layers.Dense(256, activation="relu", name="decoder_hidden")(code)',
      'layers.Dense(784, activation="sigmoid", name="reconstruction")(x)',
    ]);
  });

  it('changes only the bottleneck for the latent activation', () => {
    for (const activation of ['sigmoid', 'linear'] as const) {
      const dense = denseLayers(code({ latentActivation: activation }));
      expect(dense[1]).toBe(`layers.Dense(32, activation="${activation}", name="latent")(x)`);
      expect(dense[0]).toContain('activation="relu"');
      expect(dense[2]).toContain('activation="relu"');
      expect(dense[3]).toContain('activation="sigmoid"');
    }
  });

  it('uses the chosen loss and learning rate', () => {
    const mse = lines(code({ loss: 'mse' }));
    expect(mse).toContain('loss=keras.losses.MeanSquaredError(),');
    expect(mse.join('\n')).not.toContain('BinaryCrossentropy');
    expect(lines(code({ learningRate: 0.0005 }))).toContain(
      'optimizer=keras.optimizers.Adam(learning_rate=0.0005),',
    );
    expect(lines(code({ learningRate: 2 }))).toContain(
      'optimizer=keras.optimizers.Adam(learning_rate=2.0),',
    );
  });

  it('trains on the first N images with the given epochs, batch size and seed', () => {
    const all = lines(code({ trainSize: 5000, epochs: 3, batchSize: 64, seed: 7 }));
    expect(all).toContain('x_train = x_train[:5000]');
    expect(all).toContain('epochs=3,');
    expect(all).toContain('batch_size=64,');
    expect(all).toContain('keras.utils.set_random_seed(7)');
    // The slice comes after the data is loaded and before training.
    const slice = all.indexOf('x_train = x_train[:5000]');
    expect(slice).toBeGreaterThan(
      all.indexOf('x_train = x_train.reshape(-1, 784).astype("float32") / 255.0'),
    );
    expect(slice).toBeLessThan(all.indexOf('history = autoencoder.fit('));
  });

  it('lists the settings it was made from', () => {
    const text = code({ latentDim: 8, loss: 'mse' });
    expect(text).toMatch(/^# .*\n#.*latentDim=8/);
    expect(text).toContain('loss=mse');
  });

  it('writes Python float literals', () => {
    expect(pythonFloat(0.001)).toBe('0.001');
    expect(pythonFloat(0.00001)).toBe('0.00001');
    expect(pythonFloat(1e-7)).toBe('1e-7');
    expect(pythonFloat(10)).toBe('10.0');
  });

  it.each(CONFIGS)('is well-formed Python for %s', (_name, changes) => {
    looksLikePython(code(changes));
  });

  it('parses with python3 for every configuration (skipped only without python3)', () => {
    const scripts = CONFIGS.map(([, changes]) => code(changes));
    const verdicts = pythonVerdicts(scripts);
    if (verdicts === null) return;
    expect(verdicts).toEqual(scripts.map(() => ''));
  }, 30_000);

  it('trains a denoising network on damaged images against the clean ones', () => {
    const all = lines(code({ model: 'denoising', noise: 0.3, noiseKind: 'mask', seed: 7 }));
    expect(all).toContain('import numpy as np');
    expect(all).toContain('rng = np.random.default_rng(7)');
    expect(all).toContain('return images * (rng.random(images.shape) >= 0.3)');
    expect(all).toContain('x_train_noisy = damage(x_train)');
    const fit = all.indexOf('history = autoencoder.fit(');
    expect(all.slice(fit + 1, fit + 3)).toEqual(['x_train_noisy,', 'x_train,']);
    expect(all).toContain('validation_data=(x_test_noisy, x_test),');
    const gaussian = lines(code({ model: 'denoising', noise: 0.3, noiseKind: 'gaussian' }));
    expect(gaussian).toContain('noisy = images + rng.normal(0.0, 0.3, images.shape)');
    expect(gaussian).toContain('return np.clip(noisy, 0.0, 1.0).astype("float32")');
    expect(all.join('\n')).toContain('model=denoising, noise=0.3, noiseKind=mask');
  });

  it('builds a VAE: Sampling, the two heads, and a train_step adding beta times the KL term', () => {
    const text = code({ model: 'vae', latentDim: 2, beta: 0.5, learningRate: 0.002 });
    expect(denseLayers(text)).toEqual([
      'layers.Dense(128, activation="relu", name="encoder_hidden")(inputs)',
      'layers.Dense(2, activation="linear", name="latent")(x)',
      'layers.Dense(2, activation="linear", name="latent_log_var")(x)',
      'layers.Dense(128, activation="relu", name="decoder_hidden")(code_in)',
      'layers.Dense(784, activation="sigmoid", name="reconstruction")(x)',
    ]);
    const all = lines(text);
    expect(all).toContain('class Sampling(layers.Layer):');
    expect(all).toContain('return mean + tf.exp(0.5 * log_var) * noise');
    expect(all).toContain('def train_step(self, data):');
    // The rebuild term is summed over the pixels, then averaged over the batch.
    expect(all).toContain('rebuild = tf.reduce_mean(tf.reduce_sum(bce, axis=1))');
    expect(all).toContain('return rebuild + self.beta * kl, rebuild, kl');
    expect(all).toContain('vae = VAE(encoder, decoder, beta=0.5, name="vae")');
    expect(all).toContain('vae.compile(optimizer=keras.optimizers.Adam(learning_rate=0.002))');
    // No loss or code activation: a VAE reads neither.
    expect(text).not.toContain('loss=bce');
    expect(text).not.toContain('latentActivation=');
    expect(text).toContain('model=vae, beta=0.5');
  });

  it('leaves the notebook script as it was for the standard model', () => {
    expect(code()).not.toMatch(/numpy|model=|noise|Sampling/);
  });
});
