import type { AppState } from '../store/appState';
import { useStore, type Store } from '../store/store';
import { LoadingPanel } from './LoadingPanel';

const selectData = (state: AppState) => state.data;

/**
 * The download panel, subscribed to the dataset's state by itself: its progress messages then
 * re-render this panel alone, not the page (see pageSelector.ts).
 */
export function DataLoading({ store }: { store: Store<AppState> }) {
  const data = useStore(store, selectData);
  return data.status === 'loading' ? <LoadingPanel progress={data.progress} /> : null;
}
