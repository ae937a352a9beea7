/**
 * `npm run bench [-- --full] [--backend auto|webgl|wasm|cpu] [--outDir dist] [--port 0]
 *  [--window 30] [--steps 60] [--loads 5] [--no-build] [--model ae|denoising|vae] [--full-only]
 *  [--threads auto|1|2|…]`
 *
 * Builds the app, serves the build, and in headless Chromium measures every backend that starts
 * (webgl, wasm, cpu; or only the one --backend names): our loop against model.fit side by side in
 * the worker (on wasm also on one thread against every core), the real UI for 30 s of training,
 * load times and bundle sizes, then the numpy step of ../shared/reference/numpy_step.py for
 * comparison. --full then trains the default 10 epochs (of the --model kind, on --threads;
 * --full-only does only that, for reference figures). Prints a table and writes
 * bench-results/bench-<date>.json. Timings on a shared machine are noisy: read medians and the
 * side-by-side ratio, not single steps.
 */
import { availableParallelism } from 'node:os';
import { chromium } from '@playwright/test';
import type { ThreadChoice } from '../../src/shared/config';
import { MAX_THREADS } from '../../src/worker/threads/threadCount';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/support/chromium';
import { measureBackend, openApp, timeLoad, type LoadTimes } from './backendRun';
import { bundleSizes } from './bundleSize';
import { fullRun } from './fullRun';
import { numpyStep } from './numpyRun';
import {
  machine,
  printFullRun,
  printReport,
  writeReport,
  type BackendRow,
  type BenchReport,
} from './report';
import { buildApp, serve } from './serve';

interface Args {
  full: boolean;
  backend: string;
  outDir: string;
  port: number;
  windowS: number;
  steps: number;
  loads: number;
  build: boolean;
  model: string;
  fullOnly: boolean;
  threads: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    full: false,
    backend: 'auto',
    outDir: 'dist',
    port: 0,
    windowS: 30,
    steps: 60,
    loads: 5,
    build: true,
    model: 'ae',
    fullOnly: false,
    threads: 'auto',
  };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    const value = () => argv[++i] ?? '';
    if (key === 'full') args.full = true;
    else if (key === 'no-build') args.build = false;
    else if (key === 'full-only') args.full = args.fullOnly = true;
    else if (key === 'model') args.model = value();
    else if (key === 'threads') args.threads = value();
    else if (key === 'backend') args.backend = value();
    else if (key === 'outDir') args.outDir = value();
    else if (key === 'port') args.port = Number(value());
    else if (key === 'window') args.windowS = Number(value());
    else if (key === 'steps') args.steps = Number(value());
    else if (key === 'loads') args.loads = Math.max(1, Number(value()));
    else throw new Error(`unknown option --${key}`);
  }
  return args;
}

/** The "all threads" row asks for every core (capped like the page's setting). */
function allThreads(): ThreadChoice {
  const cores = Math.min(Math.max(1, availableParallelism()), MAX_THREADS);
  return String(cores) as ThreadChoice;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.build) await buildApp(args.outDir);
  const server = await serve(args.outDir, args.port);
  // Precise heap numbers instead of Chrome's bucketed ones.
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
  try {
    if (args.fullOnly) {
      console.error(`full run of the ${args.model} model on ${args.backend}...`);
      printFullRun(await fullRun(browser, server.url, args.backend, args.model, args.threads));
      return;
    }
    const autoContext = await browser.newContext();
    const auto = await openApp(await autoContext.newPage(), server.url, '');
    await autoContext.close();
    console.error(`auto-pick: ${auto.backend}`);

    // Load times first, while the browser is fresh (after a training session it is still busy
    // tidying up), taking turns between backends so a slow spell hits them all alike. WebGL's
    // go last: taking turns with them, the wasm loads that followed a SwiftShader page took
    // ~4.9 s to model ready instead of ~1.8 s (its GPU process seems to stay busy after it).
    const all = ['webgl', 'wasm', 'cpu'] as const;
    // --backend names one to measure alone (quicker when working on one); auto measures all.
    const names = all.filter((name) => args.backend === 'auto' || args.backend === name);
    const loads: Record<(typeof all)[number], LoadTimes[]> = { webgl: [], wasm: [], cpu: [] };
    console.error(`timing ${args.loads} page loads per backend...`);
    for (const group of [['wasm', 'cpu'], ['webgl']] as const) {
      for (let round = 0; round < args.loads; round++) {
        for (const name of group.filter((n) => names.includes(n))) {
          loads[name].push(await timeLoad(browser, server.url, `?backend=${name}`));
        }
      }
    }

    const backends: BackendRow[] = [];
    for (const name of names) {
      console.error(`measuring ${name}...`);
      // cpu is ~20x slower: the minimum 50 measured steps are plenty there.
      const steps = name === 'cpu' ? Math.min(args.steps, 50) : args.steps;
      backends.push(
        await measureBackend(browser, name, {
          url: server.url,
          windowMs: args.windowS * 1000,
          // Every core: on two cores the page's own choice (auto) is one thread.
          request: {
            steps,
            warmup: name === 'cpu' ? 3 : 10,
            fitBaseline: true,
            threads: allThreads(),
          },
          loads: loads[name],
        }),
      );
    }
    // After the browser work, so the two never compete for the cores.
    console.error('timing the numpy step...');
    const numpy = numpyStep(200);
    const scripts = backends.find((b) => 'pageScripts' in b);
    const report: BenchReport = {
      date: new Date().toISOString(),
      machine: machine(`Chromium ${browser.version()}`),
      auto: { backend: auto.backend, reason: auto.reason, probe: auto.probe },
      backends,
      bundle: bundleSizes(
        args.outDir,
        scripts && 'pageScripts' in scripts ? scripts.pageScripts : [],
      ),
      numpy,
      full: null,
    };
    if (args.full) {
      console.error(`full run on ${args.backend}...`);
      report.full = await fullRun(browser, server.url, args.backend, args.model, args.threads);
    }
    printReport(report);
    console.log(`written to ${writeReport(report)}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
