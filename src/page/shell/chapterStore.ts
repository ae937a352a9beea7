/**
 * Which chapter is on screen, kept equal to the address's #hash: a shared link or a reload opens
 * the same chapter, and the browser's Back button goes back to the chapter before.
 */
import { createStore, type Store } from '../store/store';
import { FIRST_CHAPTER, chapterFromHash, hashOf, type ChapterId } from './chapters';

export interface ChapterState {
  current: ChapterId;
  /** Moved by the reader (a link, a key), not opened from the address: focus follows it. */
  moved: boolean;
  /** The element id to bring into view on arrival (a panel another chapter pointed to). */
  target: string | null;
}

export type ChapterStore = Store<ChapterState>;

export function createChapterStore(hash: string): ChapterStore {
  return createStore<ChapterState>(
    { current: chapterFromHash(hash) ?? FIRST_CHAPTER, moved: false, target: null },
    'sync',
  );
}

export const chapters: ChapterStore = createChapterStore(window.location.hash);

/** Follows the address: links to #chapter, Back and Forward all arrive here. */
function followHash(): void {
  const id = chapterFromHash(window.location.hash);
  if (id === null && window.location.hash !== '') return; // some other #fragment: stay
  const current = id ?? FIRST_CHAPTER;
  chapters.setState((s) => (s.current === current ? s : { current, moved: true, target: null }));
}

window.addEventListener('hashchange', followHash);

/**
 * Opens a chapter as a link to it would (a new history entry; the address says where), then
 * brings the element `target` into view once it is there, or else the chapter's top.
 */
export function goToChapter(id: ChapterId, target: string | null = null): void {
  const here = chapters.getState().current === id;
  if (!here || window.location.hash !== hashOf(id)) window.location.hash = hashOf(id);
  // hashchange comes a moment later; the page should not wait for it.
  if (here && target) bringIntoView(target);
  else if (!here) chapters.setState(() => ({ current: id, moved: true, target }));
}

const WAIT_FOR_TARGET_MS = 5000;

/** Scrolls to the element with this id as soon as it exists (it may still be loading). */
export function bringIntoView(id: string): void {
  const scroll = (element: Element) => element.scrollIntoView({ block: 'start' });
  const now = document.getElementById(id);
  if (now) return scroll(now);
  const observer = new MutationObserver(() => {
    const element = document.getElementById(id);
    if (!element) return;
    observer.disconnect();
    scroll(element);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), WAIT_FOR_TARGET_MS);
}
