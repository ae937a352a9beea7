/**
 * Issue 9, point 3: the GPU loses its WebGL context mid-run (WEBGL_lose_context, called inside
 * the worker). The run goes back to its last CPU checkpoint, a backend comes back, training
 * goes on, and the loss history continues with no gap, no doubles and no reset.
 */
import { expect, test, type Page } from '@playwright/test';

const trainButton = (page: Page) => page.getByRole('button', { name: 'Train', exact: true });
const status = (page: Page) => page.getByRole('status').filter({ hasText: /Epoch/ });

async function stepCount(page: Page): Promise<number> {
  const match = /Step ([\d,]+)/.exec((await status(page).textContent()) ?? '');
  return match ? Number(match[1].replace(/,/g, '')) : NaN;
}

interface Seen {
  type: string;
  step?: number;
  losses?: { step: number }[];
}

test('a lost WebGL context mid-run: back to the checkpoint, and training goes on', async ({
  page,
}) => {
  // Keep every WebGL2 context the worker makes, so the test can lose tfjs's.
  await page.route('**/assets/training.worker*.js', async (route) => {
    const response = await route.fetch();
    const spy = `{
      const get = OffscreenCanvas.prototype.getContext;
      OffscreenCanvas.prototype.getContext = function (kind, ...rest) {
        const gl = get.call(this, kind, ...rest);
        if (gl && kind === 'webgl2') (self.__contexts ??= []).push(gl);
        return gl;
      };
    }\n`;
    await route.fulfill({ response, body: spy + (await response.text()) });
  });
  // Watch what the worker tells the page, to rebuild the page's loss history independently.
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { __seen: unknown[] }).__seen = seen;
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e: MessageEvent) => seen.push(e.data));
      }
    };
  });

  await page.goto('./?backend=webgl&trainSize=20000&epochs=1');
  await expect(trainButton(page)).toBeEnabled({ timeout: 120_000 });
  await expect(page.getByText(/^Computing with WebGL/)).toBeVisible();
  await trainButton(page).click();
  // Past the first checkpoints (every 25 steps): the first step compiles shaders for seconds.
  await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBeGreaterThan(40);

  const worker = page.workers().find((w) => w.url().includes('training.worker'));
  await worker?.evaluate(() => {
    const contexts = (self as unknown as { __contexts: WebGL2RenderingContext[] }).__contexts;
    contexts.at(-1)?.getExtension('WEBGL_lose_context')?.loseContext();
  });

  const notice = page
    .getByRole('status')
    .filter({ hasText: /graphics card lost its WebGL context/ });
  await expect(notice).toBeVisible({ timeout: 60_000 });
  const text = (await notice.textContent()) ?? '';
  const [, lostAt, back] =
    /at step (\d+)\. Training went back to the copy kept at step (\d+)/.exec(text) ?? [];
  expect(Number(back) % 25).toBe(0);
  expect(Number(lostAt) - Number(back)).toBeLessThan(25 + 8); // at most the steps since, and a few in flight
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Training goes on past where it was lost.
  await expect
    .poll(() => stepCount(page), { timeout: 120_000 })
    .toBeGreaterThan(Number(lostAt) + 10);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(status(page)).toContainText(/paused/i);

  const history = async () => {
    const seen = (await page.evaluate(
      () => (window as unknown as { __seen: Seen[] }).__seen,
    )) as Seen[];
    let steps: number[] = [];
    for (const m of seen) {
      if (m.type === 'progress') steps = steps.concat((m.losses ?? []).map((p) => p.step));
      if (m.type === 'runRewind') steps = steps.filter((s) => s <= (m.step ?? 0));
    }
    return { steps, rewinds: seen.filter((m) => m.type === 'runRewind').length };
  };
  // Pausing settles the last loss reads, which may land after "paused" shows: wait until the
  // page's step count and the loss history agree.
  await expect
    .poll(async () => (await history()).steps.at(-1) === (await stepCount(page)))
    .toBe(true);
  const step = await stepCount(page);
  const { steps, rewinds } = await history();
  expect(rewinds).toBe(1);
  // Every step from 1 to now, once each: no gap, no doubles, no reset.
  expect(steps).toEqual(Array.from({ length: step }, (_, i) => i + 1));
});
