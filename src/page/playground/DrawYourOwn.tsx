/** Point 4 of issue 5: draw a digit, see it as MNIST would, its rebuild, code and neighbours. */
import { memo } from 'react';
import { DigitCanvas } from '../ui/DigitCanvas';
import { DrawingPad } from './DrawingPad';
import { LatentBarChart } from '../latent/LatentBarChart';
import { preprocessDrawing } from '../../shared/mnistPreprocess';
import type { Playground, PlaygroundState } from './playground';

export interface DrawYourOwnProps {
  drawing: PlaygroundState['drawing'];
  playground: Playground;
  test: { pixels: Uint8Array; labels: Uint8Array };
}

export const DrawYourOwn = memo(function DrawYourOwn({
  drawing,
  playground,
  test,
}: DrawYourOwnProps) {
  return (
    <div className="ll-draw">
      <DrawingPad onInk={(ink) => playground.encodeDrawing(ink && preprocessDrawing(ink))} />
      {!drawing ? (
        <p className="ll-panel__note">
          Draw a digit on the black square. It is shrunk and centred the way the MNIST digits were,
          then sent through the network.
        </p>
      ) : (
        <div className="ll-draw__results">
          <div className="ll-decoder__images">
            <figure className="ll-sample__figure">
              <DigitCanvas
                pixels={drawing.input}
                offset={0}
                size={84}
                label="Your drawing as a 28 by 28 input"
              />
              <figcaption>Input, 28×28</figcaption>
            </figure>
            <figure className="ll-sample__figure">
              {drawing.rebuilt ? (
                <DigitCanvas
                  pixels={drawing.rebuilt}
                  offset={0}
                  size={84}
                  label="Rebuild of your drawing"
                />
              ) : (
                <div className="ll-digit ll-digit--placeholder" aria-hidden="true">
                  …
                </div>
              )}
              <figcaption>Rebuilt</figcaption>
            </figure>
          </div>
          {drawing.code && (
            <div className="ll-draw__chart">
              <LatentBarChart
                values={drawing.code}
                dead={[]}
                sharedTop={null}
                title="Latent code of your drawing"
                valuesLabel="Your drawing"
              />
            </div>
          )}
          {drawing.neighbours.length > 0 && (
            <div className="ll-draw__neighbours">
              <h4 className="ll-latent__subtitle">Test images with the nearest codes</h4>
              <ul className="ll-draw__list" aria-label="Test images with the nearest codes">
                {drawing.neighbours.map((index) => (
                  <li key={index}>
                    <DigitCanvas
                      pixels={test.pixels}
                      offset={index}
                      size={56}
                      label={`Neighbour: test image #${index}, a ${test.labels[index]}`}
                    />
                    <span>a {test.labels[index]}</span>
                  </li>
                ))}
              </ul>
              {drawing.ms !== null && (
                <p className="ll-panel__note ll-num" data-draw-ms={Math.round(drawing.ms)}>
                  Encoded and rebuilt in {Math.round(drawing.ms)} ms.
                </p>
              )}
            </div>
          )}
        </div>
      )}
    </div>
  );
});
