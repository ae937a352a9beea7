/**
 * Limits progress callbacks to about 20 a second: the stream delivers a chunk every few KB,
 * and each callback becomes a postMessage and a React render on the page.
 */
export function createThrottle<T>(
  emit: (value: T) => void,
  intervalMs = 50,
  now: () => number = () => performance.now(),
): (value: T, force?: boolean) => void {
  let last = -Infinity;
  return (value, force = false) => {
    const time = now();
    if (!force && time - last < intervalMs) return;
    last = time;
    emit(value);
  };
}
