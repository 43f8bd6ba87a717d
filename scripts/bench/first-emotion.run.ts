/**
 * `npm run bench`, cold start: the time from pressing "Start camera" to the first emotion on the
 * screen (a face box drawn with its reading), in the production build with a real FER2013 face on
 * Chromium's fake camera. Three starts per run, each in a fresh browser profile:
 * 1. first visit: nothing cached, no backend choice kept, served over the network;
 * 2. first start offline: after that visit, the backend choice forgotten, the network cut;
 * 3. remembered: the next start offline, with the choice the first start kept.
 * BENCH_RUNS sets the number of runs (default 3). Printed, never asserted.
 */
import { it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../test/support/browser';
import { confidentFaceVideo } from '../../test/support/fake-camera';
import { serveDist } from '../../test/support/serve-dist';
import { BACKEND_CHOICE_KEY } from '../../src/platform/backend-choice';
import { busyProcesses, loadAverage } from './machine';
import { quantile } from './pairings';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CASES = ['first visit', 'first start offline', 'remembered'] as const;

/** Milliseconds from the click on Start to the first face box on the live view. */
async function firstEmotion(page: Page): Promise<{ ms: number; backend: string }> {
  const start = page.getByRole('button', { name: 'Start camera' });
  await start.waitFor({ timeout: 60_000 });
  const t0 = performance.now();
  await start.click();
  await page.locator('resmo-consultation-view resmo-face-overlay rect').first().waitFor({ timeout: 120_000 });
  const ms = performance.now() - t0;
  // The engine is not on the clinical screen: read it from the live session's worker client.
  const backend = await page
    .locator('resmo-consultation-view')
    .evaluate((view) => (view as unknown as { live: { worker: { backend: string | null } } }).live.worker.backend)
    .catch(() => null);
  return { ms, backend: backend ?? '?' };
}

async function oneRun(context: BrowserContext, url: string): Promise<{ ms: number; backend: string }[]> {
  const page = await context.newPage();
  const out = [];
  await page.goto(`${url}#/consultation`);
  out.push(await firstEmotion(page));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  await page.evaluate((key) => localStorage.removeItem(key), BACKEND_CHOICE_KEY);
  await context.setOffline(true);
  await page.reload();
  out.push(await firstEmotion(page));
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, BACKEND_CHOICE_KEY, { timeout: 60_000 });
  await page.reload();
  out.push(await firstEmotion(page));
  await page.close();
  return out;
}

it('times the first emotion after pressing Start', async () => {
  const video = await confidentFaceVideo('happy');
  const server = await serveDist();
  const browser = await launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${video.path}`,
  ]);
  const times: { ms: number; backend: string }[][] = CASES.map(() => []);
  const load = [loadAverage()];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ locale: 'en-US' });
      await context.grantPermissions(['camera'], { origin: server.url });
      (await oneRun(context, server.url)).forEach((t, i) => times[i]?.push(t));
      await context.close();
      load.push(loadAverage());
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const s = (v: number): string => (v / 1000).toFixed(2);
  const rows = CASES.map((name, i) => {
    const ms = (times[i] ?? []).map((t) => t.ms);
    const backends = [...new Set((times[i] ?? []).map((t) => t.backend))].join(', ');
    return `| ${name} | ${s(quantile(ms, 0.5))} | ${s(Math.min(...ms))}–${s(Math.max(...ms))} | ${ms.map(s).join(', ')} | ${backends} |`;
  });
  process.stdout.write(
    `\nFirst emotion after pressing Start, seconds (${RUNS} runs, fresh profile each):\n\n` +
      `| start | median | min–max | each run | backend |\n|---|---|---|---|---|\n${rows.join('\n')}\n\n` +
      `Load average (1, 5, 15 min) at start and after each run: ${load.map((l) => l.join(' ')).join(' | ')}\n` +
      `Other busy processes: ${busyProcesses().join('; ') || 'none'}\n`,
  );
});
