import { useEffect, useState } from 'react';
import { createThrottle } from './throttle';

/**
 * `action` (which must be stable, e.g. reading refs) at most once per `intervalMs`, the last
 * call never dropped; a pending call is cancelled when the component goes.
 */
export function useThrottled(action: () => void, intervalMs: number): () => void {
  const [throttle] = useState(() => createThrottle(action, intervalMs));
  useEffect(() => () => throttle.cancel(), [throttle]);
  return throttle.call;
}
