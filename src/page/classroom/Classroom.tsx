/**
 * The classroom (issue 6): presenter mode, full screen, shortcuts, Copy link and QR code, the
 * lecture keys (chapters included), the link kept in the address bar, and the spoken note at
 * each epoch's end.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AppState } from '../store/appState';
import type { Controller } from '../store/controller';
import { createLatentActions } from '../latent/latentActions';
import { useStore, type Store } from '../store/store';
import { enabledButtons } from '../training/controlRules';
import { formatLoss } from '../ui/format';
import { classroom, setFlag, toggleFlag, togglePresenter } from './classroomStore';
import { trainBlocked } from '../training/labProps';
import { lectureKeyBindings, useLectureKeys, type LectureActions } from './lectureKeys';
import { LectureBar } from './LectureBar';
import { chapterAfter } from '../shell/chapters';
import { chapters, goToChapter } from '../shell/chapterStore';
import { QrCode } from './QrCode';
import { ShortcutSheet } from './ShortcutSheet';
import { latentKeyBindings } from '../latent/useLatentKeys';
import { shareLink, shareSearch, useShareUrl } from './useShareUrl';
import './presenter.css';

export interface ClassroomParts {
  /** The lecture tools' buttons, for the masthead. */
  bar: ReactNode;
  /** The QR code (when shown), the spoken epoch notes and the shortcut sheet. */
  extras: ReactNode;
}

function toggleFullscreen(): void {
  // Browsers may refuse (no user gesture, an iframe): the page then simply stays as it is.
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

function moveChapter(offset: number): void {
  const next = chapterAfter(chapters.getState().current, offset);
  if (next) goToChapter(next);
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
    nextChapter: () => moveChapter(1),
    previousChapter: () => moveChapter(-1),
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

/**
 * The classroom's state and keys, wired once for the page: the lecture keys, the link kept in
 * the address bar, and the parts the page places (the lecture bar, the QR code, the sheet).
 */
export function useClassroom(store: Store<AppState>, controller: Controller): ClassroomParts {
  const room = useStore(classroom, (s) => s);
  const search = useStore(store, (s) => shareSearch(s, room));
  // Read so the link (and its QR code) follows the reader from chapter to chapter.
  useStore(chapters, (s) => s.current);
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

  const bar = (
    <LectureBar
      presenter={room.presenter}
      fullscreen={fullscreen}
      qr={room.qr}
      copyNote={room.copyNote}
      onPresenter={togglePresenter}
      onFullscreen={toggleFullscreen}
      onShortcuts={() => setFlag(classroom, 'sheetOpen', true)}
      onCopyLink={copy}
      onQr={() => toggleFlag(classroom, 'qr')}
    />
  );
  const extras = (
    <>
      {room.qr && <QrCode link={link} />}
      <EpochAnnouncer store={store} />
      <ShortcutSheet
        open={room.sheetOpen}
        bindings={sheet}
        onClose={() => setFlag(classroom, 'sheetOpen', false)}
      />
    </>
  );
  return { bar, extras };
}
