import { CHAPTERS, hashOf, type ChapterId } from './chapters';

export interface ChapterNavProps {
  current: ChapterId;
}

/**
 * The lesson's chapters as links to their addresses (#inside-the-code...). Following one is
 * ordinary navigation: the browser updates the address and its history, and chapterStore.ts
 * follows the address. On a phone only each chapter's short name shows; the full name stays
 * the link's accessible name.
 */
export function ChapterNav({ current }: ChapterNavProps) {
  return (
    <nav className="ll-chapters" aria-label="Chapters">
      <ol className="ll-chapters__list">
        {CHAPTERS.map((chapter, i) => (
          <li key={chapter.id}>
            <a
              className="ll-chapters__link"
              href={hashOf(chapter.id)}
              aria-current={chapter.id === current ? 'page' : undefined}
            >
              <span className="ll-chapters__number">{i + 1}</span>{' '}
              <span className="ll-chapters__title">{chapter.title}</span>
              <span className="ll-chapters__short" aria-hidden="true">
                {chapter.short}
              </span>
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
