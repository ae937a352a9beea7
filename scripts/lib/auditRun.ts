/**
 * Runs one Lighthouse audit of a URL in a fresh headless Chromium (the one the end-to-end tests
 * use), with Lighthouse's default (mobile) or desktop preset, and writes the full report as
 * JSON and HTML into a folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig, type Result } from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/support/chromium';
import { scoresOf, type Preset, type PresetScores } from './auditScores';

export interface AuditOutcome extends PresetScores {
  lighthouseVersion: string;
  userAgent: string;
  /** Where the JSON and HTML reports went. */
  files: string[];
  /** Audits that scored under 0.9 in any category, for a quick look without the HTML. */
  weak: string[];
}

/** Headless Chromium, as in the tests; one profile per run so runs do not share caches. */
const FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

function weakAudits(result: Result): string[] {
  const seen = new Set<string>();
  for (const category of Object.values(result.categories)) {
    for (const ref of category.auditRefs) {
      const audit = result.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 0.9) seen.add(ref.id);
    }
  }
  return [...seen].map((id) => {
    const audit = result.audits[id];
    const shown = audit.displayValue ? ` (${audit.displayValue})` : '';
    return `${id}: ${Math.round((audit.score ?? 0) * 100)}${shown}`;
  });
}

export async function auditUrl(url: string, preset: Preset, outDir: string): Promise<AuditOutcome> {
  const chrome = await launch({
    chromePath: findChromium(),
    chromeFlags: FLAGS,
    logLevel: 'error',
  });
  try {
    const runner = await lighthouse(
      url,
      { port: chrome.port, output: ['json', 'html'], logLevel: 'error' },
      preset === 'desktop' ? desktopConfig : undefined,
    );
    if (!runner) throw new Error(`Lighthouse returned no result for ${url} (${preset})`);
    const result = runner.lhr;
    if (result.runtimeError) {
      throw new Error(`Lighthouse could not audit ${url}: ${result.runtimeError.message}`);
    }
    mkdirSync(outDir, { recursive: true });
    const reports = Array.isArray(runner.report) ? runner.report : [runner.report];
    const files = ['json', 'html'].map((ext, i) => {
      const file = join(outDir, `lighthouse-${preset}.${ext}`);
      writeFileSync(file, reports[i] ?? '');
      return file;
    });
    return {
      preset,
      scores: scoresOf(result),
      lighthouseVersion: result.lighthouseVersion,
      userAgent: result.environment.hostUserAgent,
      files,
      weak: weakAudits(result),
    };
  } finally {
    chrome.kill();
  }
}
