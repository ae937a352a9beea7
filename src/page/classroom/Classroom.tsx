/**
 * The lecture bar (issue 6): presenter mode, full screen, shortcuts, Copy link and QR code, the
 * lecture keys, the link kept in the address bar, and the spoken note at each epoch's end.
 */
import { useEffect, useMemo, useState } from 'react';
import type { AppState } from '../store/appState';
import type { Controller } from '../store/controller';
import { createLatentActions } from '../latent/latentActions';
import { useStore, type Store } from '../store/store';
import { enabledButtons } from '../training/controlRules';
import { formatLoss } from '../ui/format';
import { classroom, setFlag, toggleFlag, togglePresenter } from './classroomStore';
import { trainBlocked } from '../training/labProps';
import { lectureKeyBindings, useLectureKeys, type LectureActions } from './lectureKeys';
import { QrCode } from './QrCode';
import { ShortcutSheet } from './ShortcutSheet';
import { latentKeyBindings } from '../latent/useLatentKeys';
import { shareLink, shareSearch, useShareUrl } from './useShareUrl';
import './presenter.css';

export interface ClassroomProps {
  store: Store<AppState>;
  controller: Controller;
}

function toggleFullscreen(): void {
  // Browsers may refuse (no user gesture, an iframe): the page then simply stays as it is.
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

function lectureActions(store: Store<AppState>, controller: Controller): LectureActions {
  const can = () => {
    const s = store.getState();
    const dataReady = s.data.status === 'ready' && s.summary !== null && trainBlocked(s) === null;
    return enabledButtons(dataReady, s.runState);
  };
  return {
    trainOrPause() {
      const on = can();
      if (on.pause) controller.pause();
      else if (on.resume) controller.resume();
      else if (on.train) controller.train();
    },
    step: () => {
      if (store.getState().runState === 'paused') controller.step();
    },
    reset: () => can().reset && controller.reset(),
    stop: () => can().stop && controller.stop(),
    togglePresenter,
    toggleFullscreen,
    openSheet: () => setFlag(classroom, 'sheetOpen', true),
  };
}

/** Says each finished epoch and its losses aloud (screen readers), not every batch. */
function EpochAnnouncer({ store }: { store: Store<AppState> }) {
  const epochs = useStore(store, (s) => s.epochSummaries);
  const planned = useStore(store, (s) => s.progress?.epochs ?? s.config.epochs);
  const last = epochs.at(-1);
  const text = last
    ? `Finished epoch ${last.epoch} of ${planned}: training loss ${formatLoss(last.trainLoss)}, validation loss ${formatLoss(last.valLoss)}.`
    : '';
  return (
    <div className="ll-visually-hidden ll-announcer" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}

function useFullscreen(): boolean {
  const [on, setOn] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const update = () => setOn(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  return on;
}

export function Classroom({ store, controller }: ClassroomProps) {
  const room = useStore(classroom, (s) => s);
  const search = useStore(store, (s) => shareSearch(s, room));
  const fullscreen = useFullscreen();
  useShareUrl(store, classroom);

  const bindings = useMemo(
    () => lectureKeyBindings(lectureActions(store, controller)),
    [store, controller],
  );
  useLectureKeys(bindings);
  // The digit and arrow keys are LatentSection's own; the sheet lists them with ours.
  const sheet = useMemo(
    () => [...bindings, ...latentKeyBindings(createLatentActions(store))],
    [bindings, store],
  );

  const link = shareLink(search);
  const copy = () => {
    const done = (copyNote: string) => classroom.setState((s) => ({ ...s, copyNote }));
    if (!navigator.clipboard) return done('Copying is blocked here: copy the address bar.');
    navigator.clipboard.writeText(link).then(
      () => done('Link copied.'),
      () => done('Copying is blocked here: copy the address bar.'),
    );
  };

  return (
    <>
      <nav className="ll-classbar" aria-label="Lecture tools">
        <button
          type="button"
          className="ll-btn"
          aria-pressed={room.presenter}
          title="Big text and only the essentials, for a projector (key P)"
          onClick={togglePresenter}
        >
          Presenter mode
        </button>
        <button
          type="button"
          className="ll-btn"
          aria-pressed={fullscreen}
          title="Fill the screen (key F)"
          onClick={toggleFullscreen}
        >
          Full screen
        </button>
        <button
          type="button"
          className="ll-btn"
          title="All keyboard shortcuts (key ?)"
          onClick={() => setFlag(classroom, 'sheetOpen', true)}
        >
          Keyboard shortcuts
        </button>
        <button type="button" className="ll-btn" onClick={copy}>
          Copy link
        </button>
        <button
          type="button"
          className="ll-btn"
          aria-expanded={room.qr}
          onClick={() => toggleFlag(classroom, 'qr')}
        >
          QR code
        </button>
        <span className="ll-classbar__note" role="status">
          {room.copyNote}
        </span>
      </nav>
      {room.qr && <QrCode link={link} />}
      <EpochAnnouncer store={store} />
      <ShortcutSheet
        open={room.sheetOpen}
        bindings={sheet}
        onClose={() => setFlag(classroom, 'sheetOpen', false)}
      />
    </>
  );
}
