import { createHash } from 'node:crypto';

/** Hex SHA-256, the same digest the worker computes with Web Crypto. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
