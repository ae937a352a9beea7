/**
 * Presenter mode, the shortcut sheet and the panels a lecturer opens (issue 6). Kept in a store
 * of its own so the page's main state (owned by the training and lab code) stays untouched.
 */
import { viewFromSearch } from './shareUrl';
import { createStore, type Store } from '../store/store';

export interface ClassroomState {
  presenter: boolean;
  sheetOpen: boolean;
  lossTable: boolean;
  qr: boolean;
  /** The last "Copy link" outcome, for the polite status next to the button. */
  copyNote: string;
}

export function initialClassroom(search: string): ClassroomState {
  const view = viewFromSearch(search);
  return {
    presenter: view.presenter,
    sheetOpen: false,
    lossTable: view.lossTable,
    qr: view.qr,
    copyNote: '',
  };
}

export type ClassroomStore = Store<ClassroomState>;

export function createClassroom(search: string): ClassroomStore {
  return createStore(initialClassroom(search), 'sync');
}

type Flag = 'presenter' | 'sheetOpen' | 'lossTable' | 'qr';

export function setFlag(store: ClassroomStore, flag: Flag, value: boolean): void {
  store.setState((s) => (s[flag] === value ? s : { ...s, [flag]: value }));
}

export function toggleFlag(store: ClassroomStore, flag: Flag): void {
  store.setState((s) => ({ ...s, [flag]: !s[flag] }));
}
