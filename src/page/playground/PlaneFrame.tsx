/**
 * Axes around a square picture of the VAE's code plane (the sheet of decoded digits, or the
 * dots of the test codes): round code values as ticks, on the sheet's probability scale, so
 * both pictures carry the same labels at the same places. HTML text, so it stays readable at
 * any width (text drawn in a canvas would shrink with it on a phone).
 */
import type { ReactNode } from 'react';
import { AXIS_TICKS, sheetFraction } from './codePlane';

export interface PlaneFrameProps {
  xTitle: string;
  yTitle: string;
  children: ReactNode;
}

const label = (value: number) => (value === 0 ? '0' : value.toString().replace('-', '−'));
/** The outer ticks crowd their neighbours on a phone (the scale is squeezed there): CSS hides them. */
const tickClass = (value: number) => (Math.abs(value) > 1 ? 'll-plane__tick--outer' : undefined);

export function PlaneFrame({ xTitle, yTitle, children }: PlaneFrameProps) {
  return (
    <div className="ll-plane">
      <span className="ll-plane__ytitle">{yTitle}</span>
      <span className="ll-plane__yticks ll-num" aria-hidden="true">
        {AXIS_TICKS.map((tick) => (
          <span
            key={tick}
            className={tickClass(tick)}
            style={{ bottom: `${sheetFraction(tick) * 100}%` }}
          >
            {label(tick)}
          </span>
        ))}
      </span>
      <div className="ll-plane__picture">{children}</div>
      <span className="ll-plane__xticks ll-num" aria-hidden="true">
        {AXIS_TICKS.map((tick) => (
          <span
            key={tick}
            className={tickClass(tick)}
            style={{ left: `${sheetFraction(tick) * 100}%` }}
          >
            {label(tick)}
          </span>
        ))}
      </span>
      <span className="ll-plane__xtitle">{xTitle}</span>
    </div>
  );
}
