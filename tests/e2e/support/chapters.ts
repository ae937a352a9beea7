/**
 * Moving around the page as a reader does: the chapter links in the "Chapters" navigation, and
 * the Settings button that opens the settings of the next run in a drawer.
 */
import { expect, type Page } from '@playwright/test';

export type ChapterTitle =
  'Train and watch' | 'Inside the code' | 'Play with the code' | 'Models and data';

const NUMBER: Record<ChapterTitle, number> = {
  'Train and watch': 1,
  'Inside the code': 2,
  'Play with the code': 3,
  'Models and data': 4,
};

/** Follows the chapter's link and waits until the chapter is on screen. */
export async function openChapter(page: Page, title: ChapterTitle): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Chapters' })
    .getByRole('link', { name: new RegExp(title) })
    .click();
  await expect(
    page.getByRole('region', { name: `Chapter ${NUMBER[title]}: ${title}` }),
  ).toBeVisible();
}

/** Opens the settings drawer (if it is closed) with its button. */
export async function openSettings(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: /^Settings/ });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
}
