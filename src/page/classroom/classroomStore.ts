/**
 * The page's one classroom store, read from the link at start-up. Presenter mode is also an
 * attribute on <html>, set before React renders, because the charts read their colours and
 * sizes from CSS variables when they mount.
 */
import { createClassroom, setFlag, toggleFlag, type ClassroomStore } from './classroom';

export const classroom: ClassroomStore = createClassroom(window.location.search);

function applyPresenter(on: boolean): void {
  const root = document.documentElement;
  if (on) root.dataset.theme = 'presenter';
  else if (root.dataset.theme === 'presenter') delete root.dataset.theme;
}

applyPresenter(classroom.getState().presenter);

export function setPresenter(on: boolean): void {
  applyPresenter(on);
  setFlag(classroom, 'presenter', on);
}

export function togglePresenter(): void {
  setPresenter(!classroom.getState().presenter);
}

export { setFlag, toggleFlag };
