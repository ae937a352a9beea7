import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useRef, useState } from 'react';
import type { AppState } from '../store/appState';
import type { Controller } from '../store/controller';
import { useStore, type Store } from '../store/store';
import { useClassroom } from '../classroom/Classroom';
import { classroom, setFlag } from '../classroom/classroomStore';
import { Controls } from '../training/Controls';
import { SettingsDrawer } from '../settings/SettingsDrawer';
import { SettingsPanel } from '../settings/SettingsPanel';
import { StatusPanel } from '../training/StatusPanel';
import { TrainChapter } from '../training/TrainChapter';
import { differsFromRun, isRunActive, trainBlocked } from '../training/labProps';
import { nextRunChanges } from '../settings/settingsChanges';
import { toStatusProps } from '../training/statusProps';
import { ChapterSection } from './ChapterSection';
import { chapters } from './chapterStore';
import { chapterById, type ChapterId } from './chapters';
import { ConfigProblems } from './ConfigProblems';
import { DataErrorPanel } from './DataErrorPanel';
import { DataLoading } from './DataLoading';
import { Intro } from './Intro';
import { Masthead } from './Masthead';
import { createPageSelector } from './pageSelector';
import { RunBanners } from './RunBanners';
import { RunBar } from './RunBar';
import { SettingsButton } from '../settings/SettingsButton';

export interface AppProps {
  store: Store<AppState>;
  controller: Controller;
}

// Chapters 2-4 load in chunks of their own (with chart.js for the latent charts) when first
// opened, so the first chapter's screen does not wait for them.
const LatentSection = lazy(() =>
  import('../latent/LatentSection').then((m) => ({ default: m.LatentSection })),
);
const PlaygroundSection = lazy(() =>
  import('../playground/PlaygroundSection').then((m) => ({ default: m.PlaygroundSection })),
);
const ModelsChapter = lazy(() =>
  import('../models/ModelsChapter').then((m) => ({ default: m.ModelsChapter })),
);

const TRAIN: ChapterId = 'train-and-watch';
const INSIDE: ChapterId = 'inside-the-code';
const PLAY: ChapterId = 'play-with-the-code';

/**
 * The page: the masthead with the chapters, the run bar (controls and status, in every
 * chapter), the settings drawer, and the chapter on screen. Presenter mode shows the first two
 * chapters' essentials together on one screen instead (presenter.css).
 */
export function App({ store, controller }: AppProps) {
  // Everything but the download progress, which only the loading panel shows (pageSelector.ts).
  const [selectPage] = useState(createPageSelector);
  const state = useStore(store, selectPage);
  const room = useStore(classroom, (s) => s);
  const chapter = useStore(chapters, (s) => s);
  const lecture = useClassroom(store, controller);
  const [settingsOpen, setSettingsOpen] = useState(false);
  // A new run closes the drawer: the class wants to watch the rebuilds it was covering.
  const [drawerRunId, setDrawerRunId] = useState(state.runId);
  if (drawerRunId !== state.runId) {
    setDrawerRunId(state.runId);
    setSettingsOpen(false);
  }
  const settingsButton = useRef<HTMLButtonElement>(null);
  const closeSettings = useCallback(() => setSettingsOpen(false), []);

  const { data, lab } = state;
  const ready = data.status === 'ready' ? data.data : null;
  const active = isRunActive(state);
  const blocked = trainBlocked(state);
  const changes = nextRunChanges(state.config, lab.run?.config ?? null);
  // The latent views are the biggest render of all: done in a deferred pass, in slices. Only
  // once the model is built: before its codes they have nothing to show.
  const showLatent = useDeferredValue(ready !== null && state.summary !== null, false);

  const shown: ChapterId[] = room.presenter ? [TRAIN, INSIDE] : [chapter.current];
  // Chapters 2 and 3 show the codes of the test images. A run paused before its first epoch
  // ended has none yet (those of the untrained network are dropped when a run starts): ask for
  // them now instead of leaving the chapter waiting for an epoch that is not running.
  const needsCodes =
    showLatent && state.latent === null && shown.some((id) => id === INSIDE || id === PLAY);
  useEffect(() => {
    if (needsCodes) controller.encodeTestSet();
  }, [needsCodes, controller]);
  const content = (id: ChapterId) => {
    switch (id) {
      case 'train-and-watch':
        return (
          <TrainChapter
            state={state}
            controller={controller}
            presenter={room.presenter}
            lossTable={room.lossTable}
            onLossTable={(on) => setFlag(classroom, 'lossTable', on)}
          />
        );
      case 'inside-the-code':
        return showLatent ? (
          <LatentSection
            key={room.presenter ? 'presenter' : 'normal'}
            store={store}
            controller={controller}
          />
        ) : (
          <WaitingForModel />
        );
      case 'play-with-the-code':
        return showLatent ? (
          <PlaygroundSection store={store} controller={controller} />
        ) : (
          <WaitingForModel />
        );
      case 'models-and-data':
        return <ModelsChapter state={state} controller={controller} />;
    }
  };

  return (
    <div className="ll-app" data-chapter={chapter.current}>
      <Masthead
        current={chapter.current}
        tools={lecture.bar}
        lead={
          chapter.current === TRAIN ? (
            <Intro latentDim={state.config.latentDim} model={state.config.model} />
          ) : (
            <p className="ll-masthead__text">{chapterById(chapter.current).lead}</p>
          )
        }
      />
      {lecture.extras}
      <ConfigProblems problems={state.configProblems} />
      <DataLoading store={store} />
      {data.status === 'error' && (
        <DataErrorPanel error={data} onRetry={data.retryable ? controller.retryData : undefined} />
      )}
      <RunBanners state={state} controller={controller} />
      <RunBar
        controls={
          <Controls
            dataReady={ready !== null && state.summary !== null && blocked === null}
            state={state.runState}
            onTrain={controller.train}
            onPause={controller.pause}
            onResume={controller.resume}
            onStep={controller.step}
            onStop={controller.stop}
            onReset={controller.reset}
            trainTip={
              lab.startFrom === 'current'
                ? 'Keep training the current weights (see "Train starts from")'
                : undefined
            }
          />
        }
        status={<StatusPanel {...toStatusProps(state)} />}
        settings={
          <SettingsButton
            ref={settingsButton}
            open={settingsOpen}
            changes={changes.changes.length}
            onToggle={() => setSettingsOpen((open) => !open)}
          />
        }
        blocked={
          blocked !== null && !active && ready ? (
            <p className="ll-run__blocked">Train is waiting: {blocked}.</p>
          ) : null
        }
      />
      <SettingsDrawer
        open={settingsOpen}
        onClose={closeSettings}
        changes={changes}
        returnFocus={settingsButton}
      >
        <SettingsPanel
          draft={lab.draft}
          errors={lab.errors}
          runActive={active}
          differsFromRun={active ? differsFromRun(state) : []}
          onEdit={controller.lab.editSetting}
          onPreset={controller.lab.applyPreset}
        />
      </SettingsDrawer>
      <main className="ll-main">
        {shown.map((id) => (
          <ChapterSection
            key={id}
            id={id}
            arrived={chapter.moved && !room.presenter}
            target={chapter.target}
          >
            <Suspense fallback={<WaitingForModel />}>{content(id)}</Suspense>
          </ChapterSection>
        ))}
      </main>
    </div>
  );
}

/** Until the digits are in and the network is built, the later chapters have nothing yet. */
function WaitingForModel() {
  return (
    <p className="ll-panel ll-panel__note ll-chapter__waiting">
      This chapter opens once the digits are in and the network is set up…
    </p>
  );
}
