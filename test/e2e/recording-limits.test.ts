import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import { dumpPageDatabase } from '../support/page-database';
import { importThroughUi } from '../support/import-through-ui';
import { sampleExport } from '../support/sample-export';
import { CONTROLS, startRecording, storedSessions } from '../support/recording-page';
import { MAX_RECORDED_SECONDS } from '../../src/shared/session-limits';

const EIGHT_HOURS = 8 * 60 * 60;

/**
 * What the recorder writes, the import reads back: an 8-hour session and one that runs into the
 * recorder's limit are recorded with the real controls on a fast-forwarded clock, exported,
 * deleted and imported again through the UI of the production build.
 */
describe('longest sessions round trip in Chromium', () => {
  let server: DistServer;
  let browser: Browser;
  let page: Page;
  const seed = sampleExport();
  const patientId = seed.patients[0]?.id ?? '';

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium();
    page = await (await browser.newContext({ acceptDownloads: true, locale: 'en-US' })).newPage();
    await page.clock.install();
    await page.goto(`${server.url}#/patients`);
    expect(await importThroughUi(page, 'seed.json', JSON.stringify(seed))).toBe('done');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('records 8 hours, then stops by itself at the limit and says so', async () => {
    await startRecording(page, server.url, patientId);
    await page.clock.fastForward(EIGHT_HOURS * 1000 + 500);
    const eight = () => storedSessions(page).then((d) => d.sessions.find((s) => s.endedAt === null)?.seconds ?? 0);
    await expect.poll(eight, { timeout: 60_000 }).toBeGreaterThanOrEqual(EIGHT_HOURS);
    await page.locator(CONTROLS).locator('button.stop').click();
    await page.locator(`${CONTROLS} button.start`).waitFor();

    await startRecording(page, server.url, patientId);
    await page.clock.fastForward((MAX_RECORDED_SECONDS + 3600) * 1000);
    const ended = page.locator(`${CONTROLS} .ended`);
    await ended.waitFor({ timeout: 60_000 });
    expect(await ended.textContent()).toContain('Session ended: it reached the 12 hr limit.');
    const { sessions, samples } = await storedSessions(page);
    const capped = sessions.find((s) => s.endReason === 'time-limit');
    expect(capped?.seconds).toBe(MAX_RECORDED_SECONDS);
    expect(capped?.endedAt).not.toBeNull();
    expect(samples.filter((s) => s.sessionId === capped?.id)).toHaveLength(MAX_RECORDED_SECONDS);
  });

  it('imports its own export of both sessions back unchanged', { timeout: 600_000 }, async () => {
    const before = await dumpPageDatabase(page);
    const lengths = (before.sessions as { seconds: number }[]).map((s) => s.seconds).sort((a, b) => a - b);
    expect(lengths[2]).toBeGreaterThanOrEqual(EIGHT_HOURS);
    expect(lengths[3]).toBe(MAX_RECORDED_SECONDS);

    await page.goto(`${server.url}#/patients/${patientId}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('resmo-patient-page resmo-export-buttons').getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const exported = await readFile(await download.path(), 'utf8');
    await page.goto(`${server.url}#/patients`);
    await page.locator(`resmo-patients-view li[data-patient-id="${patientId}"] button.danger`).click();
    await page.locator('resmo-patients-view resmo-confirm-dialog button[value="confirm"]').click();
    await expect.poll(() => page.locator('resmo-patients-view li[data-patient-id]').count()).toBe(0);

    expect(await importThroughUi(page, download.suggestedFilename(), exported)).toBe('done');
    expect(await dumpPageDatabase(page)).toEqual(before);
  });
});
