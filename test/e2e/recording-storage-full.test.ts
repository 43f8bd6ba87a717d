import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import { importThroughUi } from '../support/import-through-ui';
import { sampleExport } from '../support/sample-export';
import { CONTROLS, openSessionOf, startRecording, storedSessions } from '../support/recording-page';

/**
 * The disk fills up mid-recording (a quota set through the DevTools protocol just above what the
 * origin uses): the recording stops at the first refused write, keeps the seconds it could not
 * write, saves them once there is room again, and closes the session as ended by a full disk.
 */
describe('storage full while recording, in Chromium', () => {
  let server: DistServer;
  let browser: Browser;
  let page: Page;
  let cdp: CDPSession;
  const seed = sampleExport();
  const patientId = seed.patients[0]?.id ?? '';

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    cdp = await page.context().newCDPSession(page);
    await page.goto(`${server.url}#/patients`);
    expect(await importThroughUi(page, 'seed.json', JSON.stringify(seed))).toBe('done');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const origin = () => new URL(server.url).origin;

  it('stops at the first failed write, keeps every second and closes the session once there is room', async () => {
    await startRecording(page, server.url, patientId);
    const seconds = async () => (await openSessionOf(page, patientId))?.seconds ?? 0;
    await expect.poll(seconds, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);

    const { usage } = (await cdp.send('Storage.getUsageAndQuota', { origin: origin() })) as { usage: number };
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: origin(), quotaSize: usage + 1 });
    const alert = page.locator(`${CONTROLS} .unsaved`);
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('Recording stopped: the device storage is full.');
    expect(await alert.textContent()).toContain('Export and delete old sessions');
    const atFailure = await seconds();
    await page.waitForTimeout(2_500);
    // Stopped at once: nothing more is recorded while the disk is full.
    expect(await seconds()).toBe(atFailure);
    expect(await page.locator(`${CONTROLS} button.mark`).count()).toBe(0);

    await cdp.send('Storage.overrideQuotaForOrigin', { origin: origin() });
    const ended = page.locator(`${CONTROLS} .ended`);
    await ended.waitFor({ timeout: 30_000 });
    expect(await ended.textContent()).toContain('Session ended: the device storage is full.');

    const { sessions, samples } = await storedSessions(page);
    const session = sessions.find((s) => s.patientId === patientId && s.endReason === 'storage-full');
    expect(session?.endedAt).toBeTypeOf('number');
    const own = samples.filter((s) => s.sessionId === session?.id).map((s) => s.second);
    expect(own).toEqual(Array.from({ length: session?.seconds ?? -1 }, (_, i) => i));
    // Every second up to the moment the recording stopped is kept, the ones held in memory too.
    const stoppedAfter = Math.floor(((session?.endedAt ?? 0) - (session?.startedAt ?? 0)) / 1000);
    expect(session?.seconds).toBeGreaterThan(atFailure);
    expect(session?.seconds).toBeGreaterThanOrEqual(stoppedAfter - 1);
  });
});
