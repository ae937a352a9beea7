/**
 * `npm test`: every unit test (Vitest) and every end-to-end test (Playwright), side by side.
 *
 * The browser tests spend much of their time waiting on the page's workers, so the unit tests
 * run in that slack instead of before them (about a minute off CI on two cores). Playwright
 * prints as it goes; Vitest's report is held and printed whole when it ends, so the two never
 * interleave. Fails if either fails. Arguments are passed to Playwright
 * (`npm test -- tests/e2e/kinds.spec.ts`).
 */
import { spawn } from 'node:child_process';

interface Outcome {
  code: number;
  output: string;
}

function run(command: string, args: string[], hold: boolean): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: hold ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: hold ? { ...process.env, FORCE_COLOR: '0' } : process.env,
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function main(): Promise<void> {
  const extra = process.argv.slice(2);
  const [unit, e2e] = await Promise.all([
    run('npx', ['vitest', 'run'], true),
    run('npx', ['playwright', 'test', ...extra], false),
  ]);
  console.log('\n== unit tests (Vitest), run beside the browser tests\n');
  console.log(unit.output.trimEnd());
  console.log(
    `\nunit tests: ${unit.code === 0 ? 'passed' : 'FAILED'}; end-to-end tests: ${e2e.code === 0 ? 'passed' : 'FAILED'}`,
  );
  process.exit(unit.code === 0 && e2e.code === 0 ? 0 : 1);
}

void main();
