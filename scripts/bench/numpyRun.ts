/**
 * The native yardstick: the same training step written in numpy over OpenBLAS
 * (../shared/reference/numpy_step.py beside the repository), run in the same benchmark so both
 * figures come from the same machine at the same time. Skipped, with the reason, when the script,
 * python3 or numpy is not there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const NUMPY_SCRIPT = resolve('..', 'shared', 'reference', 'numpy_step.py');

export type NumpyFigures =
  { msPerStep: number; gflops: number; steps: number; batch: number } | { skipped: string };

export function numpyStep(steps: number, batch = 128): NumpyFigures {
  if (!existsSync(NUMPY_SCRIPT)) return { skipped: `${NUMPY_SCRIPT} is not there` };
  const run = spawnSync('python3', [NUMPY_SCRIPT, String(steps), String(batch)], {
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (run.error) return { skipped: `python3 could not run (${run.error.message})` };
  if (run.status !== 0) {
    const why = /No module named '?numpy/.test(run.stderr) ? 'numpy is not installed' : run.stderr;
    return { skipped: why.trim().split('\n').at(-1) ?? 'it failed' };
  }
  const figures = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as {
    ms_per_step?: number;
    gflops?: number;
  };
  if (typeof figures.ms_per_step !== 'number') return { skipped: 'it printed no ms_per_step' };
  return { msPerStep: figures.ms_per_step, gflops: figures.gflops ?? Number.NaN, steps, batch };
}
