import { useId, useState, type ChangeEvent } from 'react';
import type { SavedModelInfo } from '../../shared/savedModel';
import { formatLoss } from '../ui/format';

export interface SavedModelsPanelProps {
  models: SavedModelInfo[];
  /** The last outcome in plain words; `error` shows it as a problem. */
  message: string | null;
  error: boolean;
  /** The last save found the browser's storage full: Export is the way out. */
  storageFull: boolean;
  /** A file import waiting for an answer, e.g. "This model has latent size 16 ... Load it with latentDim=16?" */
  question: string | null;
  /** There is a model to save (the data is loaded) and no batch is running. */
  canSave: boolean;
  /** No run is in progress (a load replaces the model). */
  canLoad: boolean;
  onSave: (name: string) => void;
  onLoad: (id: string) => void;
  onDelete: (id: string) => void;
  onExport: () => void;
  onImport: (files: File[]) => void;
  onConfirmImport: () => void;
  onCancelImport: () => void;
}

function shape(model: SavedModelInfo): string {
  const c = model.config;
  const kind = c.model === 'vae' ? 'VAE ' : c.model === 'denoising' ? 'denoising ' : '';
  return `${kind}784-${c.hiddenUnits}-${c.latentDim}-${c.hiddenUnits}-784, seed ${c.seed}`;
}

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Save the current model in this browser, load one back, or move one in and out as files. */
export function SavedModelsPanel(props: SavedModelsPanelProps) {
  const titleId = useId();
  const nameId = useId();
  const [name, setName] = useState('');
  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = ''; // picking the same files again must fire again
    if (files.length) props.onImport(files);
  };

  return (
    <section className="ll-panel ll-models" aria-labelledby={titleId}>
      <h2 id={titleId} className="ll-panel__title">
        Saved models
      </h2>
      <div className="ll-models__save">
        <label htmlFor={nameId}>Name</label>
        <input
          id={nameId}
          className="ll-models__name"
          value={name}
          maxLength={80}
          placeholder="My model"
          onChange={(e) => setName(e.target.value)}
        />
        <button
          type="button"
          className="ll-btn ll-btn--primary"
          disabled={!props.canSave}
          onClick={() => props.onSave(name)}
        >
          Save
        </button>
        <button type="button" className="ll-btn" disabled={!props.canSave} onClick={props.onExport}>
          Export
        </button>
        <label className={props.canLoad ? 'll-btn' : 'll-btn ll-btn--disabled'}>
          Import
          <input
            type="file"
            className="ll-models__file"
            accept=".json,.bin,application/json,application/octet-stream"
            multiple
            disabled={!props.canLoad}
            aria-label="Import model files (.json and .weights.bin)"
            onChange={onFiles}
          />
        </label>
      </div>
      {props.message && (
        <p
          className={
            props.error ? 'll-models__message ll-models__message--error' : 'll-models__message'
          }
          role={props.error ? 'alert' : 'status'}
        >
          {props.message}
          {props.storageFull && (
            <>
              {' '}
              <button type="button" className="ll-btn" onClick={props.onExport}>
                Export instead
              </button>
            </>
          )}
        </p>
      )}
      {props.question && (
        <div
          className="ll-models__question"
          role="alertdialog"
          aria-label="Load a model of another shape?"
        >
          <p>{props.question}</p>
          <button type="button" className="ll-btn ll-btn--primary" onClick={props.onConfirmImport}>
            Load it
          </button>{' '}
          <button type="button" className="ll-btn" onClick={props.onCancelImport}>
            Cancel
          </button>
        </div>
      )}
      {props.models.length === 0 ? (
        <p className="ll-models__empty">No models saved in this browser yet.</p>
      ) : (
        <ul className="ll-models__list" aria-label="Models saved in this browser">
          {props.models.map((model) => (
            <li key={model.id} className="ll-models__item">
              <span className="ll-models__item-name">{model.name}</span>
              <span className="ll-models__item-facts">
                {when(model.savedAt)} · {model.step.toLocaleString('en-US')} steps · validation loss{' '}
                {model.valLoss === null ? '–' : formatLoss(model.valLoss)} · {shape(model)}
              </span>
              <span className="ll-models__item-actions">
                <button
                  type="button"
                  className="ll-btn"
                  disabled={!props.canLoad}
                  aria-label={`Load ${model.name}`}
                  onClick={() => props.onLoad(model.id)}
                >
                  Load
                </button>
                <button
                  type="button"
                  className="ll-btn"
                  aria-label={`Delete ${model.name}`}
                  onClick={() => props.onDelete(model.id)}
                >
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
