/**
 * The page's side of issue 9, its shape: saved models, the offline cache, and which fault the
 * run's error is about. How messages change it is reliability.ts.
 */
import type { TrainingConfig } from '../../shared/config';
import type { SavedModelInfo } from '../../shared/savedModel';

export type OfflineStatus =
  | { status: 'off'; reason: string }
  | { status: 'checking' }
  | { status: 'ready'; persisted: boolean }
  | { status: 'failed'; reason: string };

export interface ModelsState {
  list: SavedModelInfo[];
  /** The last outcome, said plainly; `error` marks a refusal. */
  message: string | null;
  error: boolean;
  /** The last save failed for lack of space: offer Export. */
  storageFull: boolean;
}

/** An import that waits for the student's answer because its shape differs from the page's. */
export interface PendingImport {
  json: string;
  weights: ArrayBuffer;
  question: string;
  config: TrainingConfig;
}

export interface ReliabilityState {
  /** What the page's runError is about: the banner offers Reset or Restart accordingly. */
  runErrorKind: 'diverged' | 'crashed' | null;
  /** A calm note that something was survived (the GPU recovered). */
  notice: string | null;
  models: ModelsState;
  pendingImport: PendingImport | null;
  offline: OfflineStatus;
}

export const initialReliability: ReliabilityState = {
  runErrorKind: null,
  notice: null,
  models: { list: [], message: null, error: false, storageFull: false },
  pendingImport: null,
  offline: { status: 'checking' },
};
