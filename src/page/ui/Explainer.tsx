import { useState, type ReactNode } from 'react';

export interface ExplainerProps {
  children: ReactNode;
}

/**
 * "What am I looking at?": a short, plain explanation folded under a panel. The text is only
 * put on the page while it is open, so a closed note never repeats the panel's numbers to a
 * screen reader's search or to find-in-page.
 */
export function Explainer({ children }: ExplainerProps) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="ll-explainer"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="ll-explainer__summary">What am I looking at?</summary>
      {open ? <p className="ll-explainer__text">{children}</p> : null}
    </details>
  );
}
