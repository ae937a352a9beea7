import { useId, useState } from 'react';
import type { ModelKind } from '../../shared/config';
import { kindWords } from '../training/kindWords';

export interface IntroProps {
  /** Size of the bottleneck, so the text matches the model on screen. */
  latentDim: number;
  /** The kind of model (issue 25): a denoising or variational one is explained too. */
  model?: ModelKind;
}

/** The lesson in one sentence, and a few more behind "How does it learn?". */
export function Intro({ latentDim, model = 'ae' }: IntroProps) {
  const [open, setOpen] = useState(false);
  const moreId = useId();
  const numbers = `${latentDim} ${latentDim === 1 ? 'number' : 'numbers'}`;
  return (
    <div className="ll-intro">
      <p className="ll-intro__text">
        An autoencoder squeezes each handwritten digit (784 pixels) into {numbers}, then redraws it
        from those alone. Press Train and watch it learn.{' '}
        <button
          type="button"
          className="ll-linkbutton"
          aria-expanded={open}
          aria-controls={moreId}
          onClick={() => setOpen(!open)}
        >
          How does it learn?
        </button>
      </p>
      <p id={moreId} className="ll-intro__more" hidden={!open}>
        After each batch of pictures it compares every rebuild with its original, scores the
        difference (the loss, on the chart), and nudges all of its weights a little so the score
        shrinks. The middle of the network, the code, is the narrow gap every picture must pass
        through: chapter 2 looks inside it, chapter 3 lets you play with it.
        {model === 'ae' ? null : ` ${kindWords(model)}`}
      </p>
    </div>
  );
}
