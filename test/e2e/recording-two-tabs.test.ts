import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import { importThroughUi } from '../support/import-through-ui';
import { sampleExport } from '../support/sample-export';
import { CONTROLS, startRecording, storedSessions } from '../support/recording-page';

/** One patient records in one place at a time: a second tab is told where the recording runs. */
describe('the same patient in two tabs, in Chromium', () => {
  let server: DistServer;
  let browser: Browser;
  let context: BrowserContext;
  const seed = sampleExport();
  const patientId = seed.patients[0]?.id ?? '';

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'en-US' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses the second recording, says where the first runs, and allows it once that one stops', async () => {
    const first = await context.newPage();
    await first.goto(`${server.url}#/patients`);
    expect(await importThroughUi(first, 'seed.json', JSON.stringify(seed))).toBe('done');
    await startRecording(first, server.url, patientId);

    const second = await context.newPage();
    await second.goto(`${server.url}#/consultation`);
    await second.locator(CONTROLS).locator('select[name="patient"]').selectOption(patientId);
    await second.locator(CONTROLS).locator('button.start').click();
    const alert = second.locator(`${CONTROLS} p.error[role="alert"]`);
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/already being recorded in another tab or window of this browser, since/);
    expect(await second.locator(`${CONTROLS} .live`).count()).toBe(0);
    const open = (await storedSessions(second)).sessions.filter((s) => s.endedAt === null);
    expect(open.map((s) => s.patientId)).toEqual([patientId]);

    await first.locator(CONTROLS).locator('button.stop').click();
    await first.locator(`${CONTROLS} button.start`).waitFor();
    await second.locator(CONTROLS).locator('button.start').click();
    await second.locator(`${CONTROLS} .live`).waitFor();
    await second.locator(CONTROLS).locator('button.stop').click();
  });
});
