import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync('public/manifest.webmanifest', 'utf8')) as Record<
  string,
  unknown
>;
const css = readFileSync('src/page/ui/components.css', 'utf8');
const html = readFileSync('index.html', 'utf8');

/** A colour from the light theme's :root block (the first definition in the file). */
function cssVariable(name: string): string {
  const match = new RegExp(`${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css);
  if (!match) throw new Error(`${name} is not defined in components.css`);
  return match[1].toLowerCase();
}

describe('the web app manifest', () => {
  it("uses the app's own colours, so the install splash and title bar match the page", () => {
    expect(manifest.theme_color).toBe(cssVariable('--ll-accent-strong'));
    expect(manifest.background_color).toBe(cssVariable('--ll-page-bg'));
    expect(html).toContain(`<meta name="theme-color" content="${String(manifest.theme_color)}" />`);
  });

  it('names every place relatively, so the same build installs from any folder', () => {
    const icons = manifest.icons as { src: string }[];
    for (const url of [manifest.start_url, manifest.scope, ...icons.map((i) => i.src)]) {
      expect(String(url)).not.toMatch(/^\/|^[a-z]+:/i);
    }
    expect(html).toContain('<link rel="manifest" href="./manifest.webmanifest" />');
  });
});
