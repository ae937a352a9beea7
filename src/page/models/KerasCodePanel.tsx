import { useId, useMemo, useState } from 'react';
import { kerasCode, type KerasCodeConfig } from '../../shared/kerasCode';
import './keras.css';

export interface KerasCodePanelProps {
  /** The settings the next run will use (the page's config, not the run in progress). */
  config: KerasCodeConfig;
  /** Some fields in the settings panel are not valid yet, so the code shows the last valid ones. */
  draftHasErrors: boolean;
}

/** What the script would be saved as, by kind of model. */
const FILE_NAMES: Readonly<Record<KerasCodeConfig['model'], string>> = {
  ae: 'autoencoder.py',
  denoising: 'denoising_autoencoder.py',
  vae: 'vae.py',
};

const REFUSED =
  'This browser did not allow copying. Select the code above and copy it with Ctrl+C (⌘C on a Mac).';

/** Puts text on the clipboard; says in words what happened, including when it was refused. */
async function copyText(text: string): Promise<string> {
  // navigator.clipboard is missing outside secure pages (plain http on a classroom server).
  if (typeof navigator.clipboard?.writeText !== 'function') return REFUSED;
  try {
    await navigator.clipboard.writeText(text);
    return 'Copied. Paste it into a notebook cell or a .py file.';
  } catch {
    return REFUSED;
  }
}

/** "Show the Keras code": the Python script that trains this same network, kept in step. */
export function KerasCodePanel({ config, draftHasErrors }: KerasCodePanelProps) {
  const titleId = useId();
  const codeId = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  // The store replaces the config object only when a setting changes.
  const code = useMemo(() => kerasCode(config), [config]);

  const lines = useMemo(() => code.trimEnd().split('\n'), [code]);

  const toggle = () => {
    setOpen((was) => !was);
    setNote('');
  };
  const copy = () => {
    setNote('');
    void copyText(code).then(setNote);
  };

  return (
    <section className="ll-panel ll-keras" aria-labelledby={titleId}>
      <h2 id={titleId} className="ll-panel__title">
        The same run in Keras
      </h2>
      <p className="ll-keras__intro">
        The Python code that builds and trains this network with the settings of the next run, to
        try in a notebook. It changes as you change the settings.
      </p>
      <button
        type="button"
        className="ll-btn ll-keras__toggle"
        aria-expanded={open}
        aria-controls={codeId}
        onClick={toggle}
      >
        Show the Keras code
      </button>
      <div id={codeId} className="ll-keras__body" hidden={!open}>
        {open ? (
          <>
            {draftHasErrors ? (
              <p className="ll-keras__warning">
                Some settings of the next run are not valid yet; this code uses the last valid ones.
              </p>
            ) : null}
            <div className="ll-keras__bar">
              <span className="ll-keras__file ll-mono">{FILE_NAMES[config.model]}</span>
              <button type="button" className="ll-btn ll-btn--small" onClick={copy}>
                Copy
              </button>
            </div>
            {/* Focusable so the keyboard can scroll it; a named region so that focus is announced. */}
            <pre className="ll-keras__code" tabIndex={0} role="region" aria-label="Keras code">
              <code>
                {/* One block per line, so a long line wraps under itself (see keras.css). */}
                {lines.map((line, i) => (
                  <span key={i} className="ll-keras__line">
                    {line}
                  </span>
                ))}
              </code>
            </pre>
            <p className="ll-keras__note" role="status">
              {note}
            </p>
          </>
        ) : null}
      </div>
    </section>
  );
}
