import type { CSSProperties } from 'react';

/** Inline custom properties (React's style type does not know about `--name` keys). */
export function cssVars(vars: Record<`--${string}`, string | number>): CSSProperties {
  return vars as CSSProperties;
}
