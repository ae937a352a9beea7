/**
 * The training timeline: the moments whose rebuilds of the probe digits are kept, so a scrubber
 * can replay how they sharpened. Early steps are dense because that is when the pictures change
 * most; after that, one per epoch is enough.
 */

/** Steps kept in every run, besides each epoch's end. Step 0 is the untrained network. */
export const TIMELINE_STEPS: readonly number[] = [0, 10, 25, 50, 100, 250, 500];

/** True when the rebuilds after `step` global steps belong on the timeline. */
export function isTimelineStep(step: number, stepsPerEpoch: number): boolean {
  if (TIMELINE_STEPS.includes(step)) return true;
  return step > 0 && stepsPerEpoch > 0 && step % stepsPerEpoch === 0;
}

/** Every timeline step of a whole run, in order (for checks and for the pretrained history). */
export function timelineSteps(stepsPerEpoch: number, epochs: number): number[] {
  const total = stepsPerEpoch * epochs;
  const steps = new Set(TIMELINE_STEPS.filter((s) => s <= total));
  for (let e = 1; e <= epochs; e++) steps.add(e * stepsPerEpoch);
  return [...steps].sort((a, b) => a - b);
}
