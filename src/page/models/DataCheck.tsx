import { formatInt } from '../ui/format';
import type { SheetDigest } from '../../shared/protocol';
import type { ReadyData } from '../store/appState';

const SPLIT_WORD = { train: 'Training', test: 'Test' } as const;

/** "Training images 1–10,000", counting from 1 as people do. */
function imagesOf(sheet: SheetDigest): string {
  const first = formatInt(sheet.firstIndex + 1);
  const last = formatInt(sheet.firstIndex + sheet.images);
  return `${SPLIT_WORD[sheet.split]} images ${first}–${last}`;
}

/**
 * Proof that the browser decoded the digits exactly: as each sprite sheet is decoded, the
 * worker hashes its images' pixels, 1,000 images at a time, and checks every hash against the
 * one the build worked out from the original IDX files. Listed: each sheet's SHA-256 as a whole,
 * which anyone can compare with their own copy of MNIST. Tucked away; curious students can look.
 */
export function DataCheck({ data }: { data: ReadyData }) {
  const megabytes = (data.totalBytes / 1e6).toFixed(1);
  return (
    <details className="ll-panel ll-datacheck">
      <summary>Data check</summary>
      <p>
        {megabytes} MB of sprite sheets, each checked against its SHA-256, decoded in{' '}
        {(data.loadMs / 1000).toFixed(1)} s. Every decoded pixel matches the original MNIST files:
        the browser hashed the digits 1,000 at a time and got the SHA-256 worked out from those
        files when the app was built, every time. Below is the SHA-256 of each sheet&rsquo;s images,
        taken in the IDX files&rsquo; order, to compare with your own copy.
      </p>
      <dl>
        {data.pixelDigests.map((sheet) => (
          <div key={sheet.file}>
            <dt>
              {imagesOf(sheet)} <span className="ll-datacheck__file">({sheet.file})</span>
            </dt>
            <dd>
              <code aria-label={`SHA-256 of ${imagesOf(sheet).toLowerCase()}`}>{sheet.sha256}</code>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
