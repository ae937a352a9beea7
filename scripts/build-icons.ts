/**
 * Writes the app's icons to public/icons/ (run with `npx tsx scripts/build-icons.ts`). The PNGs
 * are committed; run this again only after changing the art in scripts/lib/iconArt.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ICON_FILES, iconPng } from './lib/iconArt.ts';

const OUT_DIR = join('public', 'icons');

mkdirSync(OUT_DIR, { recursive: true });
for (const { file, kind, size } of ICON_FILES) {
  const bytes = iconPng(kind, size);
  writeFileSync(join(OUT_DIR, file), bytes);
  console.log(`${join(OUT_DIR, file)}: ${size}x${size} ${kind}, ${bytes.length} bytes`);
}
