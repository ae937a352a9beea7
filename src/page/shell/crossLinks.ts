/**
 * Links between chapters: a sample of the per-digit view (chapter 2) opened in the decoder
 * playground (chapter 3), and a dot of the map or a worst rebuild (chapter 3) shown with its
 * code in the per-digit view (chapter 2). Each opens the other chapter at the right panel.
 */
import type { Controller } from '../store/controller';
import { goToChapter } from './chapterStore';

/** The element ids the links aim at. */
export const PLAYGROUND_ID = 'll-playground';
export const LATENT_ID = 'll-latent';

export function openInPlayground(controller: Controller, index: number): void {
  controller.playground.open(index);
  goToChapter('play-with-the-code', PLAYGROUND_ID);
}

export function openInPerDigitView(controller: Controller, index: number): void {
  controller.playground.showInPerDigitView(index);
  goToChapter('inside-the-code', LATENT_ID);
}
