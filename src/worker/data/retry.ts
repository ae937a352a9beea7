/**
 * Retries a download a few times with growing pauses. Classroom Wi-Fi drops packets and stalls
 * for seconds at a time; most of those faults are gone a moment later, so the page only
 * reports a file as failed (and offers Retry) after the last try.
 */
import type { DataFault } from '../../shared/protocol';
import { DataLoadError } from './dataLoadError';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Pause before the second try; each later pause is three times the one before. */
  baseDelayMs: number;
}

export const DEFAULT_RETRY: Readonly<RetryPolicy> = Object.freeze({
  attempts: 3,
  baseDelayMs: 500,
});

/**
 * Faults a moment can cure: a dropped or stalled connection, a body cut short, bytes damaged on
 * the way. A 404 or a malformed manifest will read the same a second later, so those are
 * reported at once (the page's Retry button still re-reads them).
 */
const TRANSIENT: ReadonlySet<DataFault> = new Set<DataFault>(['network', 'truncated', 'checksum']);

export function isTransient(error: unknown): boolean {
  return error instanceof DataLoadError && error.retryable && TRANSIENT.has(error.fault);
}

export interface RetryNotice {
  /** The try about to start, 2-based. */
  attempt: number;
  attempts: number;
  error: DataLoadError;
}

export async function withRetries<T>(
  task: () => Promise<T>,
  policy: RetryPolicy,
  onRetry: (notice: RetryNotice) => void = () => undefined,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= policy.attempts || !isTransient(error)) throw error;
      onRetry({ attempt: attempt + 1, attempts: policy.attempts, error: error as DataLoadError });
      await wait(policy.baseDelayMs * 3 ** (attempt - 1));
    }
  }
}
