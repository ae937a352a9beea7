/**
 * The pure part of `npm run audit`: pulls the four category scores out of a Lighthouse result,
 * prints them as a table, and decides pass/fail against the threshold (issue 10: every score
 * >= 95; judged on mobile, Lighthouse's default, with desktop held to the same bar).
 */

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export const PRESETS = ['mobile', 'desktop'] as const;
export type Preset = (typeof PRESETS)[number];

/** Issue 10's ">= 95" is judged on Lighthouse's default preset, mobile (the harder one). */
export const JUDGED_PRESET: Preset = 'mobile';
export const THRESHOLD = 95;

/** Scores 0-100 per category; null when Lighthouse could not score it (an error in the run). */
export type Scores = Record<Category, number | null>;

/** The slice of a Lighthouse result (LH.Result) this needs: categories with a 0-1 score. */
export interface CategoryResults {
  categories: Partial<Record<string, { score: number | null } | undefined>>;
}

export function scoresOf(result: CategoryResults): Scores {
  const scores = {} as Scores;
  for (const id of CATEGORIES) {
    const score = result.categories[id]?.score;
    scores[id] = typeof score === 'number' ? Math.round(score * 100) : null;
  }
  return scores;
}

/** Categories scoring under the threshold (or not scored at all), in table order. */
export function failures(scores: Scores, threshold = THRESHOLD): Category[] {
  return CATEGORIES.filter((id) => {
    const score = scores[id];
    return score === null || score < threshold;
  });
}

export interface PresetScores {
  preset: Preset;
  scores: Scores;
}

/** A fixed-width table: one row per category, one column per preset; failing cells marked `!`. */
export function formatTable(rows: PresetScores[], threshold = THRESHOLD): string {
  const header = ['category', ...rows.map((r) => r.preset)];
  const body = CATEGORIES.map((id) => [
    id,
    ...rows.map((r) => {
      const score = r.scores[id];
      if (score === null) return 'error !';
      return score < threshold ? `${score} !` : String(score);
    }),
  ]);
  const table = [header, ...body];
  const widths = header.map((_, col) => Math.max(...table.map((row) => row[col].length)));
  const line = (row: string[]) =>
    row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col])));
  const rule = widths.map((w) => '-'.repeat(w));
  return [line(header), rule, ...body.map(line)].map((cells) => cells.join('  ')).join('\n');
}

export interface Verdict {
  ok: boolean;
  message: string;
}

/**
 * Pass only when every category of every preset that ran reaches the threshold: issue 10 is
 * judged on mobile (Lighthouse's default and the harder preset), and desktop must not fall
 * short either, so a shortfall in either fails the run.
 */
export function verdict(rows: PresetScores[], threshold = THRESHOLD): Verdict {
  if (rows.length === 0) return { ok: false, message: 'FAIL: no Lighthouse run finished' };
  const short = rows
    .map((r) => ({ preset: r.preset, failed: failures(r.scores, threshold) }))
    .filter((r) => r.failed.length > 0);
  if (short.length > 0) {
    const named = short.map((r) => `${r.preset}: ${r.failed.join(', ')}`).join('; ');
    return { ok: false, message: `FAIL: under ${threshold} on ${named}` };
  }
  const presets = rows.map((r) => r.preset).join(' and ');
  return { ok: true, message: `PASS: every score >= ${threshold} on ${presets}` };
}
