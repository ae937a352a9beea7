/**
 * The page's verbs for issue 7: edit a setting, pick a preset, choose where Train starts from,
 * scrub the timeline, slow motion, clear earlier runs, load the pretrained model.
 */
import type { ToWorker } from '../../shared/protocol';
import { PRESETS, draftFromConfig, presetConfig, type SettingKey } from '../../shared/settings';
import type { AppState } from '../store/appState';
import { editSetting } from './lab';
import { clearEarlierRuns } from './runRecords';
import type { Store } from '../store/store';

export interface LabActions {
  editSetting(key: SettingKey, value: string): void;
  /** One of PRESETS, by name. */
  applyPreset(name: string): void;
  setStartFrom(from: 'fresh' | 'current'): void;
  /** Show timeline picture `index`; null = follow the latest. */
  scrubTimeline(index: number | null): void;
  setSpeed(stepsPerSecond: number | null): void;
  clearRuns(): void;
  loadPretrained(): void;
}

/** The pretrained files, relative to the page so any sub-path deploy works. */
function pretrainedBaseUrl(): string {
  return new URL('pretrained/', document.baseURI).href;
}

const isActive = (s: AppState) => s.runState === 'running' || s.runState === 'paused';

export function createLabActions(
  store: Store<AppState>,
  send: (message: ToWorker) => void,
  allocateRunId: () => number,
): LabActions {
  // The user's own edits: a controlled input must see its new value in the same event.
  const update = (change: (s: AppState) => AppState) => store.setState(change, 'now');
  return {
    editSetting: (key, value) => update((s) => editSetting(s, { ...s.lab.draft, [key]: value })),
    applyPreset(name) {
      const preset = PRESETS.find((p) => p.name === name);
      if (preset) update((s) => editSetting(s, draftFromConfig(presetConfig(preset, s.config))));
    },
    setStartFrom: (startFrom) => update((s) => ({ ...s, lab: { ...s.lab, startFrom } })),
    scrubTimeline: (timelineIndex) => update((s) => ({ ...s, lab: { ...s.lab, timelineIndex } })),
    setSpeed(speed) {
      update((s) => ({ ...s, lab: { ...s.lab, speed } }));
      send({ type: 'setSpeed', stepsPerSecond: speed });
    },
    clearRuns: () =>
      update((s) => ({ ...s, lab: { ...s.lab, runs: clearEarlierRuns(s.lab.runs, s.runId) } })),
    loadPretrained() {
      if (isActive(store.getState())) return;
      const runId = allocateRunId();
      // Its own run id: a reply to an older request (or a run started since) is then dropped.
      update((s) => ({
        ...s,
        runId,
        runState: 'idle',
        lab: { ...s.lab, pretrained: { status: 'loading' } },
      }));
      send({ type: 'loadPretrained', runId, baseUrl: pretrainedBaseUrl() });
    },
  };
}
