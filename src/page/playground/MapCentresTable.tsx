/**
 * The latent map as numbers ("Show as table"): where each digit's cloud sits on the two axes,
 * so the map can be read without seeing colours or dots.
 */
import { formatInt } from '../ui/format';
import { classCentres } from './mapCentres';

export function MapCentresTable({ coords, labels }: { coords: Float32Array; labels: Uint8Array }) {
  const centres = classCentres(coords, labels);
  return (
    <details className="ll-latent-table">
      <summary>Show as table</summary>
      <table className="ll-table">
        <caption>Centre of each digit on the latent map</caption>
        <thead>
          <tr>
            <th scope="col">Digit</th>
            <th scope="col">Images</th>
            <th scope="col">Axis 1</th>
            <th scope="col">Axis 2</th>
          </tr>
        </thead>
        <tbody>
          {centres.map((centre) => (
            <tr key={centre.digit}>
              <th scope="row">{centre.digit}</th>
              <td className="ll-num">{formatInt(centre.count)}</td>
              <td className="ll-num">{centre.x.toFixed(2)}</td>
              <td className="ll-num">{centre.y.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
