import { describe, expect, it } from 'vitest';
import {
  failures,
  formatTable,
  scoresOf,
  verdict,
  type PresetScores,
  type Scores,
} from '../../../scripts/lib/auditScores';

const perfect: Scores = {
  performance: 100,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
};

describe('scoresOf', () => {
  it('turns Lighthouse 0-1 scores into rounded percentages', () => {
    const scores = scoresOf({
      categories: {
        performance: { score: 0.947 },
        accessibility: { score: 1 },
        'best-practices': { score: 0.955 },
        seo: { score: 0.91 },
        pwa: { score: 0.1 },
      },
    });
    expect(scores).toEqual({
      performance: 95,
      accessibility: 100,
      'best-practices': 96,
      seo: 91,
    });
  });

  it('marks a category that was not scored or not run as null', () => {
    const scores = scoresOf({ categories: { performance: { score: null } } });
    expect(scores.performance).toBeNull();
    expect(scores.seo).toBeNull();
  });
});

describe('failures', () => {
  it('lists categories under the threshold, and unscored ones, in table order', () => {
    expect(failures(perfect)).toEqual([]);
    expect(failures({ ...perfect, seo: 94, performance: null })).toEqual(['performance', 'seo']);
  });

  it('passes a score equal to the threshold', () => {
    expect(failures({ ...perfect, performance: 95 })).toEqual([]);
    expect(failures({ ...perfect, performance: 95 }, 96)).toEqual(['performance']);
  });
});

describe('formatTable', () => {
  it('prints one row per category and one column per preset, marking failures', () => {
    const rows: PresetScores[] = [
      { preset: 'mobile', scores: { ...perfect, performance: 79, seo: null } },
      { preset: 'desktop', scores: perfect },
    ];
    expect(formatTable(rows).split('\n')).toEqual([
      'category         mobile  desktop',
      '--------------  -------  -------',
      'performance        79 !      100',
      'accessibility       100      100',
      'best-practices      100      100',
      'seo             error !      100',
    ]);
  });
});

describe('verdict', () => {
  it('passes when every score of every preset reaches 95', () => {
    const result = verdict([
      { preset: 'mobile', scores: { ...perfect, performance: 95 } },
      { preset: 'desktop', scores: perfect },
    ]);
    expect(result.ok).toBe(true);
    expect(result.message).toBe('PASS: every score >= 95 on mobile and desktop');
  });

  it('fails on a shortfall in either preset and names it', () => {
    const result = verdict([
      { preset: 'mobile', scores: perfect },
      { preset: 'desktop', scores: { ...perfect, 'best-practices': 90 } },
    ]);
    expect(result).toEqual({ ok: false, message: 'FAIL: under 95 on desktop: best-practices' });
  });

  it('fails when nothing ran', () => {
    expect(verdict([]).ok).toBe(false);
  });
});
