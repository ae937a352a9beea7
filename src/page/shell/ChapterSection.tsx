import { useEffect, useRef, type ReactNode } from 'react';
import { chapterAfter, chapterById, chapterNumber, hashOf, type ChapterId } from './chapters';
import { bringIntoView } from './chapterStore';

export interface ChapterSectionProps {
  id: ChapterId;
  /** The reader moved here (a link, a key): the page goes to its top and focus follows. */
  arrived: boolean;
  /** On arrival, bring this element into view instead of the chapter's top. */
  target: string | null;
  children: ReactNode;
}

/**
 * One chapter of the lesson, labelled for screen readers, ending with a link to the next one.
 * Arriving by a link or a key starts it at the top, with focus on it, as a new page would.
 */
export function ChapterSection({ id, arrived, target, children }: ChapterSectionProps) {
  const ref = useRef<HTMLElement>(null);
  const chapter = chapterById(id);
  const next = chapterAfter(id, 1);

  useEffect(() => {
    if (!arrived) return;
    ref.current?.focus({ preventScroll: true });
    if (target) bringIntoView(target);
    else window.scrollTo({ top: 0 });
    // Only when this chapter first appears, not when `arrived` stays true on later renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <section
      ref={ref}
      // No id equal to the #hash: the browser would scroll past the masthead to reach it.
      data-chapter={id}
      className={`ll-chapter ll-chapter--${id}`}
      aria-label={`Chapter ${chapterNumber(id)}: ${chapter.title}`}
      tabIndex={-1}
    >
      {children}
      {next ? (
        <p className="ll-chapter__next">
          <a href={hashOf(next)}>
            Next: {chapterNumber(next)} {chapterById(next).title} →
          </a>
        </p>
      ) : null}
    </section>
  );
}
