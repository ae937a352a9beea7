/** Hex SHA-256 through Web Crypto, which workers and Node 20 both provide natively. */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** The hex SHA-256 of each `blockBytes`-long block of `bytes` (the last may be shorter). */
export function sha256Blocks(
  bytes: Uint8Array<ArrayBuffer>,
  blockBytes: number,
): Promise<string[]> {
  const blocks: Promise<string>[] = [];
  for (let start = 0; start < bytes.length; start += blockBytes) {
    blocks.push(sha256Hex(bytes.subarray(start, start + blockBytes)));
  }
  return Promise.all(blocks);
}
