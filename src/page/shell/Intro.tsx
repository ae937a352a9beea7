export interface IntroProps {
  /** Size of the bottleneck, so the text matches the model on screen. */
  latentDim: number;
}

/** The page title and a few plain sentences on what an autoencoder is. */
export function Intro({ latentDim }: IntroProps) {
  return (
    <div className="ll-intro">
      <h1 className="ll-intro__title">Latent Lab</h1>
      <p className="ll-intro__text">
        An autoencoder is a network that learns to copy pictures through a narrow gap: it squeezes
        the 784 pixel values of a handwritten digit into just {latentDim}{' '}
        {latentDim === 1 ? 'number' : 'numbers'}, then rebuilds the whole picture from those alone.
        It learns by comparing each rebuild with the original and adjusting itself to shrink the
        difference. Press Train to watch the loss fall and the blurry rebuilds sharpen into digits.
      </p>
    </div>
  );
}
