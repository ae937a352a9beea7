import type { ReactNode } from 'react';

export interface RunBarProps {
  /** Train, Pause, Resume, Step, Stop, Reset. */
  controls: ReactNode;
  /** Where the run is (StatusPanel). */
  status: ReactNode;
  /** The button that opens the settings of the next run, and what it will change. */
  settings: ReactNode;
  /** A reason Train waits ("fix the settings marked in red"), shown under the buttons. */
  blocked?: ReactNode;
}

/**
 * The run's controls and status, in every chapter: stuck under the top of the screen on a
 * laptop or a projector, and to the bottom of a phone's, so Pause is always one tap away.
 */
export function RunBar({ controls, status, settings, blocked }: RunBarProps) {
  return (
    <section className="ll-runbar" aria-label="Training">
      <div className="ll-runbar__inner">
        <div className="ll-runbar__controls">
          {controls}
          {settings}
        </div>
        {status}
      </div>
      {blocked}
    </section>
  );
}
