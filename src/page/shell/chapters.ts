/**
 * The lesson's chapters, in the notebook's order: train the network and watch it, look inside its
 * code, play with the code, then the models and the data. Each has its own address (#id), so a
 * link, a bookmark or a reload opens the page at that chapter. Pure: no DOM.
 */

/** `lead`: the chapter in a sentence, under the masthead (the first chapter has the intro). */
export const CHAPTERS = [
  { id: 'train-and-watch', title: 'Train and watch', short: 'Train', lead: '' },
  {
    id: 'inside-the-code',
    title: 'Inside the code',
    short: 'Inside',
    lead: 'Every image passes through the network as a handful of numbers, its code. Here is what those numbers are, digit by digit.',
  },
  {
    id: 'play-with-the-code',
    title: 'Play with the code',
    short: 'Play',
    lead: 'Change the numbers yourself, draw a digit, walk from one digit to another, and see what the decoder makes of it.',
  },
  {
    id: 'models-and-data',
    title: 'Models and data',
    short: 'Models',
    lead: "The network's layers, keeping and sharing it, the same run in Keras, and the digits it learns from.",
  },
] as const;

export type ChapterId = (typeof CHAPTERS)[number]['id'];
export type Chapter = (typeof CHAPTERS)[number];

export const FIRST_CHAPTER: ChapterId = CHAPTERS[0].id;

/** "#inside-the-code" (or "inside-the-code") to its chapter; null for any other hash. */
export function chapterFromHash(hash: string): ChapterId | null {
  let id: string;
  try {
    id = decodeURIComponent(hash.replace(/^#/, '')).trim().toLowerCase();
  } catch {
    return null; // a broken %-escape in a hand-typed link: no chapter, and no crash
  }
  return CHAPTERS.find((chapter) => chapter.id === id)?.id ?? null;
}

export function hashOf(id: ChapterId): string {
  return `#${id}`;
}

/** 1-based, as the navigation numbers them. */
export function chapterNumber(id: ChapterId): number {
  return CHAPTERS.findIndex((chapter) => chapter.id === id) + 1;
}

export function chapterById(id: ChapterId): Chapter {
  return CHAPTERS[chapterNumber(id) - 1];
}

/** The chapter `offset` places away, or null past either end (the keys do not wrap around). */
export function chapterAfter(id: ChapterId, offset: number): ChapterId | null {
  return CHAPTERS[chapterNumber(id) - 1 + offset]?.id ?? null;
}
