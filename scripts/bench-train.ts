/**
 * `npm run bench:train [-- --backend wasm --epochs 10 --trainSize 60000]`
 *
 * Serves the production build, opens it in headless Chromium, presses Train and listens to the
 * worker's progress messages from outside the app (a wrapped Worker constructor), then prints
 * ms/step (median over progress windows after warm-up) and the train/val loss of every epoch.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/support/chromium';

interface Args {
  backend: string;
  epochs: number;
  trainSize: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { backend: 'wasm', epochs: 10, trainSize: 60_000 };
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i].replace(/^--/, ''), argv[i + 1]];
    if (key === 'backend') args.backend = value;
    else if (key === 'epochs') args.epochs = Number(value);
    else if (key === 'trainSize') args.trainSize = Number(value);
    else throw new Error(`unknown option --${key}`);
  }
  return args;
}

interface Sample {
  t: number;
  type: string;
  step?: number;
  elapsedMs?: number;
  epoch?: number;
  trainLoss?: number;
  valLoss?: number;
  loadMs?: number;
  name?: string;
  reason?: string | null;
  state?: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const log: unknown[] = [];
      Object.assign(window, { __benchLog: log });
      const Original = window.Worker;
      window.Worker = class extends Original {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          this.addEventListener('message', (event: MessageEvent<{ type: string }>) => {
            const {
              pixels: _p,
              samples: _s,
              probes: _q,
              losses: _l,
              ...rest
            } = event.data as Record<string, unknown>;
            log.push({ t: performance.now(), ...rest });
          });
        }
      };
    });
    const query = `?backend=${args.backend}&epochs=${args.epochs}&trainSize=${args.trainSize}`;
    await page.goto(url + query);
    const train = page.getByRole('button', { name: 'Train' });
    await train.waitFor();
    // The model summary arrives once the data is ready and the seeded model is built.
    await page.waitForFunction(
      () =>
        (window as unknown as { __benchLog: { type: string }[] }).__benchLog.some(
          (m) => m.type === 'modelSummary',
        ),
      null,
      { timeout: 120_000 },
    );
    await train.click({ trial: true });
    const clickedAt = await page.evaluate(() => performance.now());
    await train.click();
    await page.waitForFunction(
      () =>
        (window as unknown as { __benchLog: { type: string; state?: string }[] }).__benchLog.some(
          (m) => m.type === 'runState' && (m.state === 'done' || m.state === 'stopped'),
        ),
      null,
      { timeout: 60 * 60_000, polling: 1000 },
    );
    const log = (await page.evaluate(
      () => (window as unknown as { __benchLog: Sample[] }).__benchLog,
    )) as Sample[];
    report(args, log, clickedAt);
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

function report(args: Args, log: Sample[], clickedAt: number) {
  const backend = log.find((m) => m.type === 'backend');
  const ready = log.find((m) => m.type === 'dataReady');
  const progress = log.filter((m) => m.type === 'progress' && m.t > clickedAt);
  const epochs = log.filter((m) => m.type === 'epochEnd' && m.t > clickedAt);
  const windows: number[] = [];
  for (let i = 1; i < progress.length; i++) {
    const steps = (progress[i].step ?? 0) - (progress[i - 1].step ?? 0);
    const ms = (progress[i].elapsedMs ?? 0) - (progress[i - 1].elapsedMs ?? 0);
    if (steps > 0 && (progress[i - 1].step ?? 0) >= 20) windows.push(ms / steps);
  }
  const last = progress.at(-1);
  const result = {
    backend: backend?.name,
    backendReason: backend?.reason,
    config: args,
    dataReadyMs: ready?.loadMs,
    firstLossAfterClickMs: progress[0] ? Math.round(progress[0].t - clickedAt) : null,
    msPerStepMedian: Number(median(windows).toFixed(2)),
    steps: last?.step,
    trainingWallS: last ? Number(((last.elapsedMs ?? 0) / 1000).toFixed(1)) : null,
    epochs: epochs.map((e) => ({ epoch: e.epoch, trainLoss: e.trainLoss, valLoss: e.valLoss })),
  };
  console.log(`backend           ${result.backend} (${result.backendReason ?? 'WebGL'})`);
  console.log(`data ready        ${result.dataReadyMs} ms after the worker started loading`);
  console.log(`first loss point  ${result.firstLossAfterClickMs} ms after clicking Train`);
  console.log(
    `ms/step (median)  ${result.msPerStepMedian} over ${windows.length} windows, ${result.steps} steps`,
  );
  console.log(`training time     ${result.trainingWallS} s`);
  console.log('epoch  train BCE  val BCE');
  for (const e of result.epochs) {
    console.log(
      `${String(e.epoch).padStart(5)}  ${e.trainLoss?.toFixed(4)}     ${e.valLoss?.toFixed(4)}`,
    );
  }
  mkdirSync('bench-results', { recursive: true });
  const file = `bench-results/train-${result.backend}-${Date.now()}.json`;
  writeFileSync(file, JSON.stringify(result, null, 2));
  console.log(`written to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
