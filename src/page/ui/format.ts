/** Small, pure formatters shared by the components. English only, like the rest of the UI. */

const LOCALE = 'en-US';
// Made once: number.toLocaleString(locale) builds a new formatter on every call.
const INT_FORMAT = new Intl.NumberFormat(LOCALE);

/** 4690 -> "4,690". */
export function formatInt(value: number): string {
  return INT_FORMAT.format(Math.round(value));
}

/**
 * A loss with a fixed number of decimals, e.g. 0.1234. Without `decimals`: four below 10, one
 * from 10 up, so a VAE's summed loss reads 152.3 rather than 152.3017 (issue 25).
 */
export function formatLoss(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  // A VAE's loss is summed over the pixels (in the hundreds): one decimal is all that means
  // anything there, whatever a view asks for its mean-per-pixel numbers.
  if (Math.abs(value) >= 10) return value.toFixed(Math.min(decimals ?? 1, 1));
  return value.toFixed(decimals ?? 4);
}

/** Bytes as megabytes (1 MB = 1,000,000 bytes) with one decimal, e.g. "12.3". */
export function formatMegabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}

/** Milliseconds as mm:ss; minutes keep counting past 59 (e.g. "75:03"). */
export function formatClock(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** A ratio with at most one decimal and no trailing ".0": 24.5, 49. */
export function formatRatio(value: number): string {
  return String(Number(value.toFixed(1)));
}
