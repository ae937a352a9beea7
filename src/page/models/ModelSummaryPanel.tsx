import { useId, type ReactNode } from 'react';
import type { LayerSummary, ModelSummary } from '../../shared/protocol';
import { formatInt, formatRatio } from '../ui/format';

export interface ModelSummaryPanelProps {
  summary: ModelSummary;
  /** The "What am I looking at?" note. */
  explainer?: ReactNode;
}

/** A VAE's second head (src/worker/models/model.ts): the log-variance of each code number. */
const LOG_VAR_NAME = 'latent_log_var';

/** The last number of a Keras shape such as "(None, 128)", or NaN. */
function widthOf(layer: LayerSummary): number {
  const match = /(\d+)\s*\)?\s*$/.exec(layer.outputShape);
  return match ? Number(match[1]) : Number.NaN;
}

/** Index of the narrowest layer: the bottleneck (the first one, if several tie). */
function bottleneckIndex(layers: LayerSummary[]): number {
  let best = -1;
  layers.forEach((layer, i) => {
    const width = widthOf(layer);
    if (Number.isFinite(width) && (best < 0 || width < widthOf(layers[best]))) best = i;
  });
  return best;
}

/** The layers of the network as a table, like Keras's model.summary(). */
export function ModelSummaryPanel({ summary, explainer }: ModelSummaryPanelProps) {
  const titleId = useId();
  const { layers, totalParams, inputSize, latentDim } = summary;
  const bottleneck = bottleneckIndex(layers);
  return (
    <section className="ll-panel ll-model" aria-labelledby={titleId}>
      <h2 id={titleId} className="ll-panel__title">
        The network
      </h2>
      <p className="ll-model__ratio">
        {formatInt(inputSize)} numbers in -&gt; {formatInt(latentDim)} out of the encoder:{' '}
        {formatRatio(inputSize / latentDim)}x smaller
      </p>
      <div className="ll-table-wrap">
        <table className="ll-table">
          <caption>Model summary: the layers from input to output, with their weights</caption>
          <thead>
            <tr>
              <th scope="col">Layer</th>
              <th scope="col">Output shape</th>
              <th scope="col">Activation</th>
              <th scope="col" className="ll-table__num">
                Params
              </th>
            </tr>
          </thead>
          <tbody>
            {layers.map((layer, i) => (
              <tr key={`${i}-${layer.name}`} className={i === bottleneck ? 'is-bottleneck' : ''}>
                <th scope="row">
                  {layer.name}
                  {i === bottleneck ? <span className="ll-tag">bottleneck</span> : null}
                  {layer.name === LOG_VAR_NAME ? (
                    <span className="ll-tag">how unsure the code is</span>
                  ) : null}
                </th>
                <td className="ll-mono">{layer.outputShape}</td>
                <td>{layer.activation}</td>
                <td className="ll-table__num ll-num">{formatInt(layer.params)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Total
              </th>
              <td className="ll-table__num ll-num">{formatInt(totalParams)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {explainer}
    </section>
  );
}
