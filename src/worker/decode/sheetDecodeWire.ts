/**
 * What the data worker and its sheet-decoding helper (sheetDecode.worker.ts) say to each
 * other. Errors cross as plain data and are rebuilt on the other side as the same classes, so
 * the loader names a failed sheet exactly as it would had it decoded the sheet itself.
 */
import type { DataFault } from '../../shared/protocol';
import { DataLoadError, DecodedSizeError } from '../data/dataLoadError';
import type { SheetLayout, SheetPixels } from './sheetPixels';

export interface DecodeJob {
  id: number;
  png: Uint8Array<ArrayBuffer>;
  layout: SheetLayout;
}

export type WireError =
  | { kind: 'size'; width: number; height: number; found: string }
  | { kind: 'load'; fault: DataFault; message: string; retryable: boolean }
  | { kind: 'other'; name: string; message: string };

export type DecodeReply = { id: number; sheet: SheetPixels } | { id: number; error: WireError };

export function toWire(error: unknown): WireError {
  if (error instanceof DecodedSizeError) {
    return { kind: 'size', width: error.width, height: error.height, found: error.found };
  }
  if (error instanceof DataLoadError) {
    return {
      kind: 'load',
      fault: error.fault,
      message: error.message,
      retryable: error.retryable,
    };
  }
  if (error instanceof Error) return { kind: 'other', name: error.name, message: error.message };
  return { kind: 'other', name: 'Error', message: String(error) };
}

export function fromWire(wire: WireError): Error {
  if (wire.kind === 'size') return new DecodedSizeError(wire.width, wire.height, wire.found);
  if (wire.kind === 'load') return new DataLoadError('', wire.fault, wire.message, wire.retryable);
  const error = new Error(wire.message);
  error.name = wire.name;
  return error;
}
