import type { Page } from '@playwright/test';

/** Two pieces of text drawn over each other, named by their words and where they are. */
export interface TextOverlap {
  first: string;
  second: string;
  at: { x: number; y: number };
}

/**
 * Every pair of visible text boxes on the page that cover each other by more than a pixel each
 * way. Each line of each text node is a box (Range.getClientRects), cut to what its scrolling
 * ancestors let show. Text in a bar that floats over the page (position sticky or fixed) is only
 * compared with text in the same bar: covering the page as it scrolls is that bar's job.
 */
export async function textOverlaps(page: Page): Promise<TextOverlap[]> {
  // Parts below the screen skip their layout (content-visibility: auto) until scrolled to; laid
  // out now, every line of text is where the reader will see it.
  const style = await page.addStyleTag({
    content: '* { content-visibility: visible !important; }',
  });
  const overlaps = await findOverlaps(page);
  await style.evaluate((element) => (element as Element).remove());
  return overlaps;
}

function findOverlaps(page: Page): Promise<TextOverlap[]> {
  return page.evaluate(() => {
    interface Box {
      text: string;
      layer: Element | null;
      node: Text;
      left: number;
      top: number;
      right: number;
      bottom: number;
    }
    const SLACK = 1;
    const hidden = (element: Element): boolean => {
      // Not drawn: display none, hidden, transparent, or inside a closed <details>.
      if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
        return true;
      }
      for (let el: Element | null = element; el; el = el.parentElement) {
        const style = getComputedStyle(el);
        // Visually hidden text for screen readers (a 1px clipped box) is not drawn.
        if (style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clipPath === 'inset(50%)')
          return true;
      }
      return false;
    };
    const layerOf = (element: Element): Element | null => {
      for (let el: Element | null = element; el; el = el.parentElement) {
        const position = getComputedStyle(el).position;
        if (position === 'sticky' || position === 'fixed') return el;
      }
      return null;
    };
    /** The box cut to every ancestor that clips its overflow; null when nothing shows. */
    const clipped = (element: Element, rect: DOMRect): DOMRect | null => {
      let { left, top, right, bottom } = rect;
      for (let el = element.parentElement; el; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = el.getBoundingClientRect();
        left = Math.max(left, clip.left);
        top = Math.max(top, clip.top);
        right = Math.min(right, clip.right);
        bottom = Math.min(bottom, clip.bottom);
      }
      return right - left > SLACK && bottom - top > SLACK
        ? new DOMRect(left, top, right - left, bottom - top)
        : null;
    };

    const boxes: Box[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (text === '' || parent === null || hidden(parent)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        const shown = clipped(parent, rect);
        if (shown === null) continue;
        boxes.push({
          text,
          layer: layerOf(parent),
          node: node as Text,
          left: shown.left,
          top: shown.top + window.scrollY,
          right: shown.right,
          bottom: shown.bottom + window.scrollY,
        });
      }
    }

    const overlaps: { first: string; second: string; at: { x: number; y: number } }[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        if (a.node === b.node || a.layer !== b.layer) continue;
        const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (across > SLACK && down > SLACK) {
          overlaps.push({
            first: a.text.slice(0, 40),
            second: b.text.slice(0, 40),
            at: { x: Math.round(a.left), y: Math.round(a.top) },
          });
        }
      }
    }
    return overlaps;
  });
}

/** The smallest font size (px) of any visible text on the page, and the words that have it. */
export function smallestText(page: Page): Promise<{ size: number; text: string }> {
  return page.evaluate(() => {
    let smallest = { size: Infinity, text: '' };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!parent || text === '' || parent.getClientRects().length === 0) continue;
      if (!parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      // Visually hidden text, for screen readers only (a clipped 1px box), is not read by eye.
      const clippedAway = (el: Element | null): boolean =>
        el !== null &&
        (getComputedStyle(el).clipPath === 'inset(50%)' || clippedAway(el.parentElement));
      if (clippedAway(parent)) continue;
      const style = getComputedStyle(parent);
      const size = Number.parseFloat(style.fontSize);
      if (size < smallest.size) smallest = { size, text: text.slice(0, 40) };
    }
    return smallest;
  });
}
