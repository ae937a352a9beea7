import { describe, expect, it } from 'vitest';
import {
  CHAPTERS,
  FIRST_CHAPTER,
  chapterAfter,
  chapterById,
  chapterFromHash,
  chapterNumber,
  hashOf,
} from '../../../../src/page/shell/chapters';

describe('the chapters', () => {
  it('follow the notebook: train first, then the code, the playground, models and data', () => {
    expect(CHAPTERS.map((c) => c.id)).toEqual([
      'train-and-watch',
      'inside-the-code',
      'play-with-the-code',
      'models-and-data',
    ]);
    expect(FIRST_CHAPTER).toBe('train-and-watch');
  });

  it('read their address back, whatever the case, the # or the escaping', () => {
    for (const chapter of CHAPTERS) expect(chapterFromHash(hashOf(chapter.id))).toBe(chapter.id);
    expect(chapterFromHash('#Inside-The-Code')).toBe('inside-the-code');
    expect(chapterFromHash('play-with-the-code')).toBe('play-with-the-code');
    expect(chapterFromHash('#models%2Dand%2Ddata')).toBe('models-and-data');
  });

  it('leave any other fragment alone', () => {
    expect(chapterFromHash('')).toBeNull();
    expect(chapterFromHash('#')).toBeNull();
    expect(chapterFromHash('#ll-playground')).toBeNull();
    expect(chapterFromHash('#%E0%A4%A')).toBeNull();
  });

  it('are numbered from 1 and step without wrapping around', () => {
    expect(chapterNumber('train-and-watch')).toBe(1);
    expect(chapterNumber('models-and-data')).toBe(4);
    expect(chapterById('inside-the-code').title).toBe('Inside the code');
    expect(chapterAfter('train-and-watch', 1)).toBe('inside-the-code');
    expect(chapterAfter('inside-the-code', -1)).toBe('train-and-watch');
    expect(chapterAfter('train-and-watch', -1)).toBeNull();
    expect(chapterAfter('models-and-data', 1)).toBeNull();
  });

  it('each have a short name for the phone and, after the first, a lead sentence', () => {
    for (const chapter of CHAPTERS) expect(chapter.short.length).toBeLessThan(8);
    for (const chapter of CHAPTERS.slice(1)) expect(chapter.lead).toMatch(/\.$/);
  });
});
