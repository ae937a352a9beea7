/** axe-core's serious and critical findings on the page, or on one part of it. */
import { createRequire } from 'node:module';
import type { Locator, Page } from '@playwright/test';

const require = createRequire(import.meta.url);

interface AxeResults {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}

/** "rule: selector, selector" for each serious or critical violation; empty when there is none. */
export async function seriousViolations(page: Page, within?: Locator): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core') });
  // axe.run takes an element as its context, so a scan of one panel is run from that element.
  const target = within ?? page.locator('html');
  return target.evaluate(async (element) => {
    type Run = (context: Element) => Promise<AxeResults>;
    const axe = (window as unknown as { axe: { run: Run } }).axe;
    const results = await axe.run(element);
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}
