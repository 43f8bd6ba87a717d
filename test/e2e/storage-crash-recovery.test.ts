import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import { dumpPageDatabase } from '../support/page-database';
import { importThroughUi } from '../support/import-through-ui';
import { sampleExport } from '../support/sample-export';
import type { Sample, Session } from '../../src/storage/schema';
import { startWithConsent } from '../support/first-run';

/** Chromium's built-in fake camera, allowed without a prompt. */
const FAKE_CAMERA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

async function sessionsOf(page: Page): Promise<{ sessions: Session[]; samples: Sample[] }> {
  const dump = await dumpPageDatabase(page);
  return { sessions: dump.sessions as Session[], samples: dump.samples as Sample[] };
}

/**
 * Record with the fake camera, close the page mid-session, reopen: the session is there with
 * its samples up to the last second, and it is offered for resuming or finishing.
 */
describe('crash recovery in Chromium', () => {
  let server: DistServer;
  let browser: Browser;
  let context: BrowserContext;
  const seed = sampleExport();
  const patientId = seed.patients[0]?.id ?? '';

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium(FAKE_CAMERA);
    context = await browser.newContext({ locale: 'en-US' });
    await context.grantPermissions(['camera'], { origin: server.url });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps every second recorded before the page was closed', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}#/patients`);
    expect(await importThroughUi(page, 'seed.json', JSON.stringify(seed))).toBe('done');
    await page.goto(`${server.url}#/consultation`);
    await page.locator('resmo-consultation-view h1').waitFor();
    const controls = page.locator('resmo-consultation-view resmo-session-controls');

    await page.locator('resmo-consultation-view').getByRole('button', { name: 'Start camera' }).click();
    await controls.locator('select[name="patient"]').selectOption(patientId);
    await startWithConsent(page, controls.locator('button.start'), controls.locator('.live'));
    await expect
      .poll(async () => (await sessionsOf(page)).sessions.find((s) => s.endedAt === null)?.seconds ?? 0, {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(5);
    await controls.locator('button.mark').click();
    await page.waitForTimeout(1_500);
    const { sessions } = await sessionsOf(page);
    const live = sessions.find((s) => s.endedAt === null);
    const closedAt = Date.now();
    await page.close();

    const reopened = await context.newPage();
    await reopened.goto(`${server.url}#/patients`);
    const after = await sessionsOf(reopened);
    const session = after.sessions.find((s) => s.id === live?.id);
    const samples = after.samples.filter((s) => s.sessionId === live?.id);
    // At most about a second is lost: the recorder writes each second as it completes.
    const elapsedSeconds = Math.floor((closedAt - (session?.startedAt ?? closedAt)) / 1000);
    expect(session?.endedAt).toBeNull();
    expect(session?.seconds).toBeGreaterThanOrEqual(elapsedSeconds - 1);
    expect(samples.map((s) => s.second)).toEqual(Array.from({ length: session?.seconds ?? -1 }, (_, i) => i));

    const offer = reopened.locator(`resmo-patients-view resmo-interrupted-sessions li[data-session-id="${live?.id}"]`);
    await offer.waitFor({ timeout: 15_000 });
    await offer.getByRole('button', { name: 'Finish' }).click();
    await expect
      .poll(async () => (await sessionsOf(reopened)).sessions.find((s) => s.id === live?.id)?.endedAt)
      .toBe((session?.startedAt ?? 0) + (session?.seconds ?? 0) * 1000);
  });
});
