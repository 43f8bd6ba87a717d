import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResult {
  violations: { id: string; nodes: { target: unknown }[] }[];
}

/**
 * axe-core's violations inside one element reached through shadow roots (for example
 * ['resmo-app', 'resmo-settings-view', 'resmo-sync-panel']). The page's context must bypass
 * the CSP: axe is injected as an inline script.
 */
export async function axeViolations(page: Page, shadowPath: readonly string[]): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(
    (path) => (window as unknown as { axe: { run(c: unknown): Promise<AxeResult> } }).axe.run({ include: [[path]] }),
    [...shadowPath],
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}
