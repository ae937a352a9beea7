import { useState } from 'react';
import type { ConfigProblem } from '../../shared/config';

export interface ConfigProblemsProps {
  problems: ConfigProblem[];
}

/** The URL settings we could not use; hidden until there are some, and dismissible. */
export function ConfigProblems({ problems }: ConfigProblemsProps) {
  // Dismissing hides this list of problems; a new list shows again.
  const [dismissed, setDismissed] = useState<ConfigProblem[] | null>(null);
  if (problems.length === 0 || dismissed === problems) return null;
  return (
    <div className="ll-panel ll-alert ll-alert--warning" role="alert">
      <p className="ll-alert__title">
        {problems.length === 1
          ? 'One setting in the address was not used:'
          : `${problems.length} settings in the address were not used:`}
      </p>
      <ul className="ll-alert__list">
        {problems.map((problem, i) => (
          <li key={`${i}-${problem.param}`}>{problem.message}</li>
        ))}
      </ul>
      <button type="button" className="ll-btn" onClick={() => setDismissed(problems)}>
        Dismiss
      </button>
    </div>
  );
}
