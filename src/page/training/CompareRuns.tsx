import { useId } from 'react';
import { formatClock, formatInt, formatLoss } from '../ui/format';
import { Explainer } from '../ui/Explainer';
import type { ModelKind } from '../../shared/config';
import { sameLossScale } from './lossWords';

export interface CompareRow {
  id: number;
  label: string;
  model: ModelKind;
  beta: number;
  noise: number;
  noiseKind: string;
  latentDim: number;
  hiddenUnits: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  trainSize: number;
  loss: string;
  latentActivation: string;
  startedFrom: string | null;
  finalTrainLoss: number | null;
  finalValLoss: number | null;
  timeMs: number;
  backend: string;
  ending: 'done' | 'stopped';
  current: boolean;
}

export interface CompareRunsProps {
  rows: CompareRow[];
  onClear(): void;
}

const loss = (value: number | null) => (value === null ? '–' : formatLoss(value));

/** The network in a few words: its kind (issue 25), its layers, its code and its loss. */
function network(r: CompareRow): string {
  const layers = `784-${r.hiddenUnits}-${r.latentDim}-${r.hiddenUnits}-784`;
  if (r.model === 'vae') return `VAE ${layers}, beta ${r.beta}`;
  const plain = `${layers}, ${r.latentActivation} code, ${r.loss.toUpperCase()}`;
  if (r.model === 'ae') return plain;
  const noise = r.noiseKind === 'gaussian' ? 'Gaussian noise' : 'dropped pixels';
  return `Denoising (${noise} ${r.noise}) ${plain}`;
}

/** Finished runs side by side: what each was, how far it got, how long it took and where. */
export function CompareRuns({ rows, onClear }: CompareRunsProps) {
  const titleId = useId();
  // Only runs whose loss is on the newest run's scale: a VAE's summed loss is no rival to 0.09.
  const newest = rows.at(-1)?.model ?? 'ae';
  const best = rows
    .filter((r) => sameLossScale(r.model, newest))
    .reduce<CompareRow | null>(
      (a, r) =>
        r.finalValLoss !== null && (a === null || (a.finalValLoss ?? Infinity) > r.finalValLoss)
          ? r
          : a,
      null,
    );
  const mixed = rows.some((r) => !sameLossScale(r.model, newest));
  return (
    <section className="ll-panel ll-compare" aria-labelledby={titleId}>
      <div className="ll-panel__header">
        <h2 id={titleId} className="ll-panel__title">
          Finished runs
        </h2>
        <button
          type="button"
          className="ll-btn ll-btn--small"
          disabled={rows.every((r) => r.current)}
          onClick={onClear}
        >
          Clear earlier runs
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="ll-panel__note">
          Each finished run stays here and as a faint line on the loss chart, so you can compare.
        </p>
      ) : (
        <div className="ll-table-wrap">
          <table className="ll-table ll-compare__table">
            <caption>Finished runs: settings, final losses, time and where they ran</caption>
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Network</th>
                <th scope="col">Training</th>
                <th scope="col" className="ll-table__num">
                  Train loss
                </th>
                <th scope="col" className="ll-table__num">
                  Val loss
                </th>
                <th scope="col" className="ll-table__num">
                  Time
                </th>
                <th scope="col">Ran on</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={r.current ? 'is-current' : ''}>
                  <th scope="row">
                    {r.label}
                    {r.current ? <span className="ll-tag">shown</span> : null}
                    {r.ending === 'stopped' ? <span className="ll-tag">stopped</span> : null}
                  </th>
                  <td>{network(r)}</td>
                  <td>
                    {r.epochs} ep × {formatInt(r.trainSize)} img, batch {r.batchSize}, lr{' '}
                    {r.learningRate}
                    {r.startedFrom ? `, from “${r.startedFrom}”` : ''}
                  </td>
                  <td className="ll-table__num ll-num">{loss(r.finalTrainLoss)}</td>
                  <td className="ll-table__num ll-num">{loss(r.finalValLoss)}</td>
                  <td className="ll-table__num ll-num">{formatClock(r.timeMs)}</td>
                  <td>{r.backend}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Explainer>
        One row per finished run. Compare the validation loss column: it is measured on 10,000 test
        digits the network never trained on, so it is the fair score.
        {best && rows.length > 1
          ? ` The best so far is “${best.label}” at ${loss(best.finalValLoss)}.`
          : ' The pretrained notebook model reaches about 0.087.'}
        {mixed
          ? ' A VAE’s loss is summed over the 784 pixels and the other kinds’ averaged, so compare a VAE only with other VAEs.'
          : ''}
      </Explainer>
    </section>
  );
}
