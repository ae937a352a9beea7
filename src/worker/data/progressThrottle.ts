/**
 * Limits progress callbacks to 4 a second: the stream delivers a chunk every few KB, and each
 * callback becomes a postMessage and a React render on the page. The data worker reports from
 * the first byte, while the page is still starting, and at 20 a second those renders were most
 * of Lighthouse's blocking time (mobile performance 75-78, and 97 at this rate).
 */
export function createThrottle<T>(
  emit: (value: T) => void,
  intervalMs = 250,
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
