/**
 * index.html draws the first screen before any JavaScript runs (the lecture bar and the intro);
 * React then replaces it. This keeps that static copy in step with what the components render,
 * so the page does not change under the reader's eyes when the app starts.
 */
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Intro } from '../../../../src/page/shell/Intro';
import { DEFAULT_CONFIG } from '../../../../src/shared/config';

const html = readFileSync('index.html', 'utf8');
const classroom = readFileSync('src/page/classroom/Classroom.tsx', 'utf8');

/** Markup with the source's line breaks and indentation gone. */
const squeeze = (markup: string) =>
  markup.replace(/\s+/g, ' ').replace(/> /g, '>').replace(/ </g, '<').trim();

const between = (text: string, start: string, end: string) => {
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`${start} ... ${end} not found`);
  return text.slice(from, to + end.length);
};

describe('the static first screen in index.html', () => {
  it('has the intro exactly as Intro renders it at the default settings', () => {
    const rendered = renderToStaticMarkup(
      createElement(
        'header',
        { className: 'll-header' },
        createElement(Intro, { latentDim: DEFAULT_CONFIG.latentDim }),
      ),
    );
    expect(squeeze(between(html, '<header class="ll-header">', '</header>'))).toBe(
      squeeze(rendered),
    );
  });

  it('has the lecture bar buttons of Classroom, in order', () => {
    const labels = (markup: string) =>
      [...between(markup, '<nav', '</nav>').matchAll(/>\s*([^<>{}]+?)\s*<\/button>/g)].map(
        (m) => m[1],
      );
    expect(labels(html)).toEqual(labels(classroom));
    expect(labels(html)).toHaveLength(5);
  });
});
