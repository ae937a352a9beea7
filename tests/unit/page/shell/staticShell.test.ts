/**
 * index.html draws the first screen before any JavaScript runs (the masthead: the title, the
 * chapters, the intro and the lecture tools); React then replaces it. This keeps that static copy
 * equal to what the components render at the default settings, so the page does not change under
 * the reader's eyes when the app starts.
 */
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LectureBar } from '../../../../src/page/classroom/LectureBar';
import { FIRST_CHAPTER } from '../../../../src/page/shell/chapters';
import { Intro } from '../../../../src/page/shell/Intro';
import { Masthead } from '../../../../src/page/shell/Masthead';
import { DEFAULT_CONFIG } from '../../../../src/shared/config';

const html = readFileSync('index.html', 'utf8');

/** Markup with the source's line breaks and indentation gone. */
const squeeze = (markup: string) =>
  markup.replace(/\s+/g, ' ').replace(/ ?> ?/g, '>').replace(/ </g, '<').trim();

const between = (text: string, start: string, end: string) => {
  const from = text.indexOf(start);
  const to = text.lastIndexOf(end);
  if (from < 0 || to < from) throw new Error(`${start} ... ${end} not found`);
  return text.slice(from, to + end.length);
};

const noop = () => undefined;

/** The masthead as App renders it first: chapter 1, the intro folded, no lecture tool on. */
function firstMasthead(): string {
  const tools = createElement(LectureBar, {
    presenter: false,
    fullscreen: false,
    qr: false,
    copyNote: '',
    onPresenter: noop,
    onFullscreen: noop,
    onShortcuts: noop,
    onCopyLink: noop,
    onQr: noop,
  });
  const lead = createElement(Intro, { latentDim: DEFAULT_CONFIG.latentDim });
  return renderToStaticMarkup(createElement(Masthead, { current: FIRST_CHAPTER, tools, lead }));
}

describe('the static first screen in index.html', () => {
  it('is the masthead exactly as the components render it at the default settings', () => {
    const rendered = firstMasthead();
    expect(squeeze(between(html, '<header class="ll-masthead">', '</header>'))).toBe(
      squeeze(rendered),
    );
  });

  it('names the chapters and the lecture tools', () => {
    const markup = firstMasthead();
    expect(markup).toContain('aria-label="Chapters"');
    expect(markup).toContain('aria-label="Lecture tools"');
    expect(markup).toContain('Train and watch');
  });
});
