export interface RunErrorBannerProps {
  message: string;
  /** What the student can do about it (Reset after a divergence, Restart after a crash). */
  action?: { label: string; onClick: () => void };
}

/** A problem with the run or the worker, said plainly, above everything else. */
export function RunErrorBanner({ message, action }: RunErrorBannerProps) {
  return (
    <div className="ll-banner ll-banner--error" role="alert">
      {message}
      {action && (
        <>
          {' '}
          <button type="button" className="ll-btn ll-btn--primary" onClick={action.onClick}>
            {action.label}
          </button>
        </>
      )}
    </div>
  );
}
