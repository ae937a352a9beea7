/**
 * The Keras script's model and training for a variational autoencoder (issue 25), written for
 * this app after the pattern of the Keras VAE example: a Sampling layer, the mean and
 * log-variance heads, and a model whose train_step adds the rebuild term (cross-entropy summed
 * over the pixels) to beta times the KL term. Layer names are those of src/worker/models/model.ts.
 */
import { IMAGE_SIZE, type TrainingConfig } from './config';
import { INPUT_NAME, dense, pythonFloat } from './kerasPython';

type VaeConfig = Pick<
  TrainingConfig,
  'hiddenUnits' | 'latentDim' | 'beta' | 'learningRate' | 'epochs' | 'batchSize'
>;

export function vaeModelLines({ hiddenUnits, latentDim }: VaeConfig): string[] {
  return [
    'class Sampling(layers.Layer):',
    '    """Picks a code near the mean: mean + spread * noise, the noise drawn from N(0, 1).',
    '',
    '    Drawing the noise as an input of the sum (not the code itself) lets the gradient reach',
    '    both heads: the reparameterisation trick."""',
    '',
    '    def call(self, inputs):',
    '        mean, log_var = inputs',
    '        noise = tf.random.normal(tf.shape(mean))',
    '        return mean + tf.exp(0.5 * log_var) * noise',
    '',
    '',
    `# Encoder: ${IMAGE_SIZE} -> ${hiddenUnits} -> two heads of ${latentDim}, the code's mean and its log-variance.`,
    '# The layer names are those of the files Latent Lab exports, so its weights fit here too.',
    `inputs = keras.Input(shape=(${IMAGE_SIZE},), name="${INPUT_NAME}")`,
    `x = ${dense(hiddenUnits, 'relu', 'encoder_hidden', 'inputs')}`,
    `code_mean = ${dense(latentDim, 'linear', 'latent', 'x')}`,
    `code_log_var = ${dense(latentDim, 'linear', 'latent_log_var', 'x')}`,
    'code = Sampling(name="sampling")([code_mean, code_log_var])',
    'encoder = keras.Model(inputs, [code_mean, code_log_var, code], name="encoder")',
    '',
    `# Decoder: a code of ${latentDim} -> ${hiddenUnits} -> ${IMAGE_SIZE} pixels.`,
    `code_in = keras.Input(shape=(${latentDim},), name="code")`,
    `x = ${dense(hiddenUnits, 'relu', 'decoder_hidden', 'code_in')}`,
    `outputs = ${dense(IMAGE_SIZE, 'sigmoid', 'reconstruction', 'x')}`,
    'decoder = keras.Model(code_in, outputs, name="decoder")',
    'encoder.summary()',
    'decoder.summary()',
  ];
}

export function vaeTrainLines(config: VaeConfig): string[] {
  return [
    'class VAE(keras.Model):',
    '    """The loss per image: the rebuild term (cross-entropy summed over the pixels) plus',
    '    beta times the KL term (how far the code\'s bell curve is from N(0, 1))."""',
    '',
    '    def __init__(self, encoder, decoder, beta, **kwargs):',
    '        super().__init__(**kwargs)',
    '        self.encoder = encoder',
    '        self.decoder = decoder',
    '        self.beta = beta',
    '        self.trackers = [keras.metrics.Mean(name=n) for n in ("loss", "rebuild", "kl")]',
    '',
    '    @property',
    '    def metrics(self):',
    '        return self.trackers',
    '',
    '    def terms(self, data):',
    '        # fit() hands over (inputs, targets): here both are the same images.',
    '        images = data[0] if isinstance(data, tuple) else data',
    '        mean, log_var, code = self.encoder(images)',
    '        p = tf.clip_by_value(self.decoder(code), 1e-7, 1.0 - 1e-7)',
    '        bce = -(images * tf.math.log(p) + (1.0 - images) * tf.math.log(1.0 - p))',
    '        rebuild = tf.reduce_mean(tf.reduce_sum(bce, axis=1))',
    '        kl_per_unit = -0.5 * (1.0 + log_var - tf.square(mean) - tf.exp(log_var))',
    '        kl = tf.reduce_mean(tf.reduce_sum(kl_per_unit, axis=1))',
    '        return rebuild + self.beta * kl, rebuild, kl',
    '',
    '    def report(self, *values):',
    '        for tracker, value in zip(self.trackers, values):',
    '            tracker.update_state(value)',
    '        return {tracker.name: tracker.result() for tracker in self.trackers}',
    '',
    '    def train_step(self, data):',
    '        with tf.GradientTape() as tape:',
    '            loss, rebuild, kl = self.terms(data)',
    '        grads = tape.gradient(loss, self.trainable_weights)',
    '        self.optimizer.apply_gradients(zip(grads, self.trainable_weights))',
    '        return self.report(loss, rebuild, kl)',
    '',
    '    def test_step(self, data):',
    '        return self.report(*self.terms(data))',
    '',
    '',
    `vae = VAE(encoder, decoder, beta=${pythonFloat(config.beta)}, name="vae")`,
    `vae.compile(optimizer=keras.optimizers.Adam(learning_rate=${pythonFloat(config.learningRate)}))`,
    '',
    '# The test digits are never trained on; they give the validation loss after each epoch,',
    '# with its two terms (val_rebuild, val_kl), as the app charts them.',
    'history = vae.fit(',
    '    x_train,',
    '    x_train,',
    `    epochs=${config.epochs},`,
    `    batch_size=${config.batchSize},`,
    '    shuffle=True,',
    '    validation_data=(x_test, x_test),',
    ')',
    'print("validation loss after the last epoch:", history.history["val_loss"][-1])',
    '',
    '# New digits: decode codes drawn from N(0, 1), which the KL term taught the codes to fill.',
    `new_digits = decoder.predict(np.random.normal(size=(10, ${config.latentDim})))`,
  ];
}
