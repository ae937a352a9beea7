/** Turns the figures into the printed table and the JSON file. */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import type { BackendFigures } from './backendRun';
import type { BundleSizes } from './bundleSize';
import type { FullFigures } from './fullRun';
import type { NumpyFigures } from './numpyRun';

/** FLOPs of one training step at the defaults (784-128-32-128-784, batch 128): fwd + bwd. */
export const MFLOP_PER_STEP = 134.7;

export type BackendRow = BackendFigures | { asked: string; skipped: string };

export interface BenchReport {
  date: string;
  machine: { cpu: string; cores: number; memGb: number; os: string; browser: string };
  auto: { backend: string; reason: string | null; probe: unknown };
  backends: BackendRow[];
  bundle: BundleSizes;
  /** The numpy step, timed in the same run (issue 24's yardstick). */
  numpy: NumpyFigures;
  full: FullFigures | null;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number | null) => (bytes === null ? '–' : `${(bytes / 2 ** 20).toFixed(1)} MB`);
const ms = (value: number) => value.toFixed(1);

/** " (medians of 5 loads; data ready 1790-2100 ms)", or nothing for a single load. */
function spread(row: BackendFigures): string {
  const loads = row.loads ?? [];
  if (loads.length < 2) return '';
  const ready = loads.map((load) => load.dataReadyMs);
  return ` (medians of ${loads.length} loads; data ready ${Math.min(...ready)}-${Math.max(...ready)} ms)`;
}

export function machine(browser: string): BenchReport['machine'] {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    browser,
  };
}

function backendLines(row: BackendRow): string[] {
  if ('skipped' in row) return [`${row.asked.padEnd(6)} did not initialise (${row.skipped})`];
  const { bench } = row;
  const ours = bench.ours.medianMs;
  const fit = bench.fit?.medianMs ?? Number.NaN;
  return [
    `${row.backend.padEnd(6)} ours ${ms(ours)} ms/step (p10 ${ms(bench.ours.p10Ms)}, p90 ${ms(bench.ours.p90Ms)}, n=${bench.ours.steps})` +
      ` | model.fit ${ms(fit)} ms/step (n=${bench.fit?.steps ?? 0}) | ratio ${(fit / ours).toFixed(2)}x`,
    `       ${Math.round((bench.batchSize * 1000) / ours)} samples/s, ${(MFLOP_PER_STEP / ours).toFixed(2)} GFLOP/s` +
      ` | UI loop ${ms(row.uiMsPerStep)} ms/step over ${row.uiSteps} steps`,
    `       data ready ${row.dataReadyMs} ms after load, model ready ${row.trainReadyMs} ms,` +
      ` Train enabled ${row.trainEnabledMs} ms${spread(row)}` +
      ` | first loss ${row.firstLossMs} ms after Train` +
      ` | long tasks >50 ms in ${Math.round(row.windowMs / 1000)} s: ${row.longTasks.count} (max ${row.longTasks.maxMs} ms)`,
    `       heap page ${mb(row.heapStart.page)} -> ${mb(row.heapEnd.page)}, worker ${mb(row.heapStart.worker)} -> ${mb(row.heapEnd.worker)}` +
      ` | tensors ${row.tensorsStart.numTensors} (${mb(row.tensorsStart.numBytes)}) -> ${row.tensorsEnd.numTensors} (${mb(row.tensorsEnd.numBytes)})`,
  ];
}

const threadWord = (count: number) => `${count} ${count === 1 ? 'thread' : 'threads'}`;

/** WebAssembly on one thread against every thread, and both against numpy. */
function threadLines(report: BenchReport): string[] {
  const wasm = report.backends.find(
    (row): row is BackendFigures => !('skipped' in row) && row.backend === 'wasm',
  );
  const numpy = report.numpy;
  const numpyLine =
    'skipped' in numpy
      ? `numpy + OpenBLAS: skipped (${numpy.skipped})`
      : `numpy + OpenBLAS: ${ms(numpy.msPerStep)} ms/step (median of ${numpy.steps} steps)`;
  if (!wasm?.oneThread) return ['', numpyLine];
  const one = wasm.oneThread.ours.medianMs;
  const all = wasm.bench.ours.medianMs;
  const lines = [
    '',
    `wasm, 1 thread:  ${ms(one)} ms/step (p10 ${ms(wasm.oneThread.ours.p10Ms)}, p90 ${ms(wasm.oneThread.ours.p90Ms)})`,
    `wasm, ${threadWord(wasm.bench.threads)}: ${ms(all)} ms/step (p10 ${ms(wasm.bench.ours.p10Ms)}, p90 ${ms(wasm.bench.ours.p90Ms)})` +
      ` | ${(one / all).toFixed(2)}x the one-thread speed`,
    numpyLine,
  ];
  if (!('skipped' in numpy)) {
    lines.push(
      `ours / numpy: 1 thread ${(one / numpy.msPerStep).toFixed(2)}, ${threadWord(wasm.bench.threads)} ${(all / numpy.msPerStep).toFixed(2)}` +
        ' (under 1: faster than numpy)',
    );
  }
  return lines;
}

/** The denoising and variational steps against the standard one, all on one wasm thread. */
function kindLines(report: BenchReport): string[] {
  const wasm = report.backends.find(
    (row): row is BackendFigures => !('skipped' in row) && row.backend === 'wasm',
  );
  if (!wasm?.oneThread || !wasm.kinds?.length) return [];
  const standard = wasm.oneThread.ours.medianMs;
  const names = { ae: 'standard', denoising: 'denoising', vae: 'variational' } as const;
  return [
    '',
    `model kinds on wasm, 1 thread: standard ${ms(standard)} ms/step`,
    ...wasm.kinds.map(
      (kind) =>
        `  ${names[kind.model].padEnd(11)} ${ms(kind.ours.medianMs)} ms/step (p10 ${ms(kind.ours.p10Ms)}, p90 ${ms(kind.ours.p90Ms)})` +
        ` | ${(kind.ours.medianMs / standard).toFixed(2)}x the standard step's time`,
    ),
  ];
}

export function printReport(report: BenchReport): void {
  const { machine: m, bundle, auto, full } = report;
  const lines = [
    `Latent Lab benchmark, ${report.date}`,
    `machine: ${m.cpu}, ${m.cores} cores, ${m.memGb} GB, ${m.os}; ${m.browser}`,
    `auto-pick: ${auto.backend}${auto.reason ? ` (${auto.reason})` : ''}; probe ${JSON.stringify(auto.probe)}`,
    '',
    ...report.backends.flatMap(backendLines),
    ...threadLines(report),
    ...kindLines(report),
    '',
    `JS before first click: ${kb(bundle.pageJsGzipBytes)} gzip in ${bundle.pageJs.length} files` +
      ` (tfjs in it: ${bundle.pageJsHasTfjs ? 'YES' : 'no'}); workers' start-up JS ${kb(bundle.workerGzipBytes)} gzip`,
  ];
  if (full) lines.push('', ...fullLines(full));
  console.log(lines.join('\n'));
}

/** A full run's table: per epoch the losses (a VAE's terms too), the time and the memory. */
function fullLines(full: FullFigures): string[] {
  const vae = full.epochs.some((e) => e.valParts);
  const parts = (e: FullFigures['epochs'][number]) =>
    e.valParts
      ? `  ${e.valParts.reconstruction.toFixed(2).padStart(11)}  ${e.valParts.kl.toFixed(2).padStart(6)}`
      : '';
  const digits = vae ? 2 : 4;
  return [
    `full run of the ${full.model ?? 'ae'} model on ${full.backend}: ${full.wallS.toFixed(1)} s wall from Train to done` +
      ` (${full.trainingS.toFixed(1)} s training clock, ${full.steps} steps, ${full.longTasks} long tasks)`,
    `epoch  train loss  val loss${vae ? '  val rebuild  val KL' : ''}  at (s)  tensors  tensor MB  worker heap`,
    ...full.epochs.map(
      (e) =>
        `${String(e.epoch).padStart(5)}  ${e.trainLoss.toFixed(digits).padStart(10)}  ${e.valLoss.toFixed(digits).padStart(8)}${parts(e)}` +
        `  ${e.atS.toFixed(1).padStart(6)}  ${String(e.memory?.numTensors ?? '–').padStart(7)}` +
        `  ${mb(e.memory?.numBytes ?? null).padStart(9)}  ${mb(e.workerHeapBytes)}`,
    ),
  ];
}

/** `--full-only`: just the full run's table. */
export function printFullRun(full: FullFigures): void {
  console.log(fullLines(full).join('\n'));
}

export function writeReport(report: BenchReport): string {
  mkdirSync('bench-results', { recursive: true });
  const file = `bench-results/bench-${report.date.replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify(report, null, 2));
  return file;
}
