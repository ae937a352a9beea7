/**
 * `npm run audit [-- --dist dist] [--build] [--preset mobile|desktop] [--port 0] [--out audit-results]`
 *
 * Lighthouse on the production build: serves the built folder with `vite preview` (npm's
 * `preaudit` builds dist/ first; --build builds the --dist folder here instead), audits it in
 * headless Chromium with Lighthouse's default mobile preset and then the desktop preset, prints
 * the four category scores of each, writes the full reports (JSON + HTML) to audit-results/,
 * and exits 1 when any score is under 95. Issue 10 is judged on mobile (the default); desktop
 * is held to the same bar. Timings on a shared machine are noisy: performance can move a few
 * points between runs.
 */
import { buildApp, serve } from './bench/serve';
import { auditUrl, type AuditOutcome } from './lib/auditRun';
import { JUDGED_PRESET, PRESETS, formatTable, verdict, type Preset } from './lib/auditScores';

interface Args {
  dist: string;
  build: boolean;
  presets: Preset[];
  port: number;
  out: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    dist: 'dist',
    build: false,
    presets: [...PRESETS],
    port: 0,
    out: 'audit-results',
  };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    const value = () => argv[++i] ?? '';
    if (key === 'build') args.build = true;
    else if (key === 'dist') args.dist = value();
    else if (key === 'port') args.port = Number(value());
    else if (key === 'out') args.out = value();
    else if (key === 'preset') {
      const preset = value();
      if (!PRESETS.includes(preset as Preset)) throw new Error(`unknown preset ${preset}`);
      args.presets = [preset as Preset];
    } else throw new Error(`unknown option --${key}`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.build) await buildApp(args.dist);
  const server = await serve(args.dist, args.port);
  const outcomes: AuditOutcome[] = [];
  try {
    for (const preset of args.presets) {
      console.error(`Lighthouse (${preset}) on ${server.url} ...`);
      outcomes.push(await auditUrl(server.url, preset, args.out));
    }
  } finally {
    await server.close();
  }
  const first = outcomes[0];
  console.log(`Lighthouse ${first.lighthouseVersion}, ${first.userAgent}`);
  console.log(`judged on: ${JUDGED_PRESET} (Lighthouse's default); desktop must reach 95 too\n`);
  console.log(formatTable(outcomes));
  for (const outcome of outcomes) {
    if (outcome.weak.length > 0) {
      console.log(`\n${outcome.preset}, audits under 90:\n  ${outcome.weak.join('\n  ')}`);
    }
  }
  console.log(`\nreports: ${outcomes.flatMap((o) => o.files).join(', ')}`);
  const result = verdict(outcomes);
  console.log(result.message);
  if (!result.ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
