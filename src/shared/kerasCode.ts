/**
 * The Python/Keras script that trains the same network as a run with the given settings. Pure
 * (no DOM, no tfjs), so the page can show it and the tests can check it line by line; the layer
 * names are the ones src/worker/models/model.ts gives, so weights exported from the page line up with
 * the layers of this script's model.
 */
import { IMAGE_SIZE, TRAIN_IMAGES, settingApplies, type TrainingConfig } from './config';
import { INPUT_NAME, dense, pythonFloat } from './kerasPython';
import { vaeModelLines, vaeTrainLines } from './kerasVae';

export { pythonFloat };

/** Every setting that changes the script; where the maths runs (backend, threads) does not. */
export type KerasCodeConfig = Omit<TrainingConfig, 'backend' | 'threads'>;

const LOSS_CLASSES: Record<TrainingConfig['loss'], string> = {
  bce: 'BinaryCrossentropy',
  mse: 'MeanSquaredError',
};

function dataLines(config: KerasCodeConfig): string[] {
  const lines = [
    '# MNIST: 60,000 training and 10,000 test digits of 28x28 pixels. The labels are not needed,',
    '# because an autoencoder is scored on rebuilding its own input.',
    '(x_train, _), (x_test, _) = keras.datasets.mnist.load_data()',
    '',
    `# Pixels from 0..255 to 0..1, and each image as one row of ${IMAGE_SIZE} numbers.`,
    `x_train = x_train.reshape(-1, ${IMAGE_SIZE}).astype("float32") / 255.0`,
    `x_test = x_test.reshape(-1, ${IMAGE_SIZE}).astype("float32") / 255.0`,
  ];
  if (config.trainSize < TRAIN_IMAGES) {
    lines.push(
      '',
      `# Like the app with trainSize=${config.trainSize}: only the first ${config.trainSize.toLocaleString('en-US')} training images.`,
      `x_train = x_train[:${config.trainSize}]`,
    );
  }
  if (config.model === 'denoising') lines.push('', ...noiseLines(config));
  return lines;
}

/** A denoising run's damage, drawn with numpy (the app draws it afresh for every batch). */
function noiseLines(config: KerasCodeConfig): string[] {
  const damage =
    config.noiseKind === 'mask'
      ? [
          `    # Each pixel is dropped to black with probability ${config.noise}.`,
          `    return images * (rng.random(images.shape) >= ${pythonFloat(config.noise)})`,
        ]
      : [
          `    # Gaussian noise of standard deviation ${config.noise}, kept inside 0..1.`,
          `    noisy = images + rng.normal(0.0, ${pythonFloat(config.noise)}, images.shape)`,
          '    return np.clip(noisy, 0.0, 1.0).astype("float32")',
        ];
  return [
    '# Denoising: the network is given damaged digits and must rebuild the clean ones. The app',
    '# draws new damage for every batch; drawing it once here keeps the script short.',
    `rng = np.random.default_rng(${config.seed})`,
    '',
    '',
    'def damage(images):',
    ...damage,
    '',
    '',
    'x_train_noisy = damage(x_train)',
    '# The test digits are damaged too: the validation loss scores clean rebuilds of damaged input.',
    'x_test_noisy = damage(x_test)',
  ];
}

function modelLines(config: KerasCodeConfig): string[] {
  const { hiddenUnits, latentDim, latentActivation } = config;
  return [
    `# ${IMAGE_SIZE} -> ${hiddenUnits} -> ${latentDim} -> ${hiddenUnits} -> ${IMAGE_SIZE}, with the layer names of the files`,
    '# Latent Lab exports, so weights exported from the page fit this model too.',
    `inputs = keras.Input(shape=(${IMAGE_SIZE},), name="${INPUT_NAME}")`,
    `x = ${dense(hiddenUnits, 'relu', 'encoder_hidden', 'inputs')}`,
    `code = ${dense(latentDim, latentActivation, 'latent', 'x')}`,
    `x = ${dense(hiddenUnits, 'relu', 'decoder_hidden', 'code')}`,
    `outputs = ${dense(IMAGE_SIZE, 'sigmoid', 'reconstruction', 'x')}`,
    'autoencoder = keras.Model(inputs, outputs, name="autoencoder")',
    '',
    '# The first half on its own (image -> code). It shares the layers above, so after training',
    '# encoder.predict(x_test[:3]) gives the kind of codes the app plots.',
    'encoder = keras.Model(inputs, code, name="encoder")',
    'autoencoder.summary()',
  ];
}

function trainLines(config: KerasCodeConfig): string[] {
  const denoising = config.model === 'denoising';
  const lossWords =
    config.loss === 'bce'
      ? '# Binary cross-entropy compares each output pixel with the real one as a probability.'
      : '# Mean squared error: the average squared difference between output and real pixels.';
  return [
    lossWords,
    'autoencoder.compile(',
    `    optimizer=keras.optimizers.Adam(learning_rate=${pythonFloat(config.learningRate)}),`,
    `    loss=keras.losses.${LOSS_CLASSES[config.loss]}(),`,
    ')',
    '',
    ...(denoising
      ? [
          '# Damaged images in, clean images as the target. The test digits are never trained on;',
          '# they give the validation loss after each epoch, as the app charts it.',
        ]
      : [
          '# The images are both the input and the target. The test digits are never trained on;',
          '# they give the validation loss after each epoch, as the app charts it.',
        ]),
    'history = autoencoder.fit(',
    denoising ? '    x_train_noisy,' : '    x_train,',
    '    x_train,',
    `    epochs=${config.epochs},`,
    `    batch_size=${config.batchSize},`,
    '    shuffle=True,',
    denoising
      ? '    validation_data=(x_test_noisy, x_test),'
      : '    validation_data=(x_test, x_test),',
    ')',
    'print("validation loss after the last epoch:", history.history["val_loss"][-1])',
  ];
}

/** "model=vae, beta=1": the settings of the kind, only those it reads. */
function kindSettings(config: KerasCodeConfig): string[] {
  const keys = ['model', 'noise', 'noiseKind', 'beta'] as const;
  return keys
    .filter((key) => key !== 'model' || config.model !== 'ae')
    .filter((key) => settingApplies(key, config.model))
    .map((key) => `${key}=${config[key]}`);
}

/** The whole script, ending in a newline. */
export function kerasCode(config: KerasCodeConfig): string {
  const settings = [
    `epochs=${config.epochs}`,
    `batchSize=${config.batchSize}`,
    `latentDim=${config.latentDim}`,
    `hiddenUnits=${config.hiddenUnits}`,
    `learningRate=${config.learningRate}`,
    `trainSize=${config.trainSize}`,
    `seed=${config.seed}`,
    ...(settingApplies('loss', config.model) ? [`loss=${config.loss}`] : []),
    ...(settingApplies('latentActivation', config.model)
      ? [`latentActivation=${config.latentActivation}`]
      : []),
  ];
  const kind = kindSettings(config);
  const vae = config.model === 'vae';
  const imports =
    config.model === 'ae'
      ? []
      : vae
        ? ['import numpy as np', 'import tensorflow as tf']
        : ['import numpy as np'];
  const lines = [
    '# The Latent Lab run with these settings, written for Keras (TensorFlow 2):',
    ...(kind.length ? [`#   ${kind.join(', ')}`] : []),
    `#   ${settings.slice(0, 5).join(', ')}`,
    `#   ${settings.slice(5).join(', ')}`,
    '',
    ...imports,
    'from tensorflow import keras',
    'from tensorflow.keras import layers',
    '',
    '# One call seeds Python, NumPy and TensorFlow, so running this twice gives the same numbers.',
    '# They are not the numbers of the browser run: Keras draws its random numbers differently.',
    `keras.utils.set_random_seed(${config.seed})`,
    '',
    ...dataLines(config),
    '',
    ...(vae ? vaeModelLines(config) : modelLines(config)),
    '',
    ...(vae ? vaeTrainLines(config) : trainLines(config)),
  ];
  return `${lines.join('\n')}\n`;
}
