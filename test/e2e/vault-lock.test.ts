import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import { importThroughUi } from '../support/import-through-ui';
import { sampleExport } from '../support/sample-export';
import { decryptedDump, unwrapDataKey } from '../support/vault-key';
import { secondsOfRows } from '../support/sample-rows';
import { PASSPHRASE, lockScreen, setUpEncryption, unlockThroughUi } from '../support/vault-ui';

const FAKE_CAMERA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];
const seed = sampleExport();
const patient = seed.patients[0]!;

/** The shortest idle time a clinician can choose; the idle tests wait it out for real. */
async function idleOneMinute(page: Page): Promise<void> {
  await page.evaluate(() => localStorage.setItem('resmo.lock', JSON.stringify({ idleMinutes: 1 })));
}

describe('app lock in Chromium', () => {
  let server: DistServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium(FAKE_CAMERA);
  });

  beforeEach(async () => {
    await context?.close();
    context = await browser.newContext({ locale: 'en-US' });
    await context.grantPermissions(['camera'], { origin: server.url });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function encryptedWithPatient(): Promise<{ page: Page; recovery: string }> {
    const page = await context.newPage();
    const recovery = await setUpEncryption(page, server.url);
    await page.goto(`${server.url}#/patients`);
    expect(await importThroughUi(page, 'seed.json', JSON.stringify(seed))).toBe('done');
    return { page, recovery };
  }

  it('locks by the Lock button in every tab, stays locked after a restart, refuses a wrong passphrase', async () => {
    const { page } = await encryptedWithPatient();
    const other = await context.newPage();
    await other.goto(`${server.url}#/patients`);
    await lockScreen(other).waitFor(); // a new tab has no key until it is unlocked
    await unlockThroughUi(other);
    await other.getByText(patient.code).waitFor();

    await page.locator('resmo-app button.lock').click();
    await lockScreen(page).waitFor();
    await lockScreen(other).waitFor();
    for (const tab of [page, other]) {
      expect(await tab.getByText(patient.code).count()).toBe(0);
      expect(await tab.locator('resmo-patients-view').count()).toBe(0);
    }

    await lockScreen(page).locator('input[name="passphrase"]').fill('not the passphrase');
    await lockScreen(page).locator('button.primary').click();
    await expect
      .poll(() => lockScreen(page).locator('[role="alert"]').textContent(), { timeout: 30_000 })
      .toContain('does not open the records');
    await unlockThroughUi(page);
    await page.getByText(patient.code).waitFor();

    await page.reload();
    await lockScreen(page).waitFor();
    expect(await page.getByText(patient.code).count()).toBe(0);
  });

  it('locks after the idle time', async () => {
    const { page } = await encryptedWithPatient();
    await idleOneMinute(page);
    await page.getByText(patient.code).waitFor();
    const before = Date.now();
    await lockScreen(page).waitFor({ timeout: 90_000 });
    expect(Date.now() - before).toBeGreaterThan(50_000);
  }, 120_000);

  it('keeps recording every second through an idle lock, behind a cover', async () => {
    const { page } = await encryptedWithPatient();
    await idleOneMinute(page);
    await page.goto(`${server.url}#/consultation`);
    const view = page.locator('resmo-consultation-view');
    await view.getByRole('button', { name: 'Start camera' }).click();
    const controls = view.locator('resmo-session-controls');
    await controls.locator('select[name="patient"]').selectOption(patient.id);
    await controls.locator('button.start').click();
    const started = Date.now();

    const cover = page.locator('resmo-lock-screen.cover');
    await cover.waitFor({ timeout: 100_000 });
    expect(await cover.locator('h1').textContent()).toContain('recording continues');
    expect(await lockScreen(page).count()).toBe(0);
    await page.waitForTimeout(5_000);
    await unlockThroughUi(page, PASSPHRASE, true);
    await controls.locator('button.stop').click();
    await controls.locator('button.start').waitFor();
    const elapsed = Math.floor((Date.now() - started) / 1000);

    const dump = await decryptedDump(page, await unwrapDataKey(page, PASSPHRASE));
    const seeded = new Set(patient.sessions.map((s) => s.id));
    const live = (dump.sessions as { id: string }[]).find((s) => !seeded.has(s.id));
    const seconds = (secondsOfRows(dump.samples) as { sessionId: string; second: number }[])
      .filter((s) => s.sessionId === live?.id)
      .map((s) => s.second);
    expect(seconds).toEqual(Array.from({ length: seconds.length }, (_, i) => i));
    expect(seconds.length).toBeGreaterThanOrEqual(elapsed - 3);
  }, 180_000);

  it('changes the passphrase, and the recovery key sets a new one; the old one stops working', async () => {
    const { page, recovery } = await encryptedWithPatient();
    await page.goto(`${server.url}#/settings`);
    const panel = page.locator('resmo-privacy-panel');
    await panel.locator('input[name="current"]').fill(PASSPHRASE);
    await panel.locator('input[name="next"]').fill('second passphrase here');
    await panel.locator('input[name="repeat"]').fill('second passphrase here');
    await panel.getByRole('button', { name: 'Change the passphrase' }).click();
    await panel.getByText('The passphrase was changed').waitFor({ timeout: 30_000 });

    await page.locator('resmo-app button.lock').click();
    await lockScreen(page).locator('input[name="passphrase"]').fill(PASSPHRASE);
    await lockScreen(page).locator('button.primary').click();
    await lockScreen(page).locator('[role="alert"]').waitFor({ timeout: 30_000 });
    await unlockThroughUi(page, 'second passphrase here');

    await page.locator('resmo-app button.lock').click();
    const screen = lockScreen(page);
    await screen.getByRole('button', { name: 'use the recovery key' }).click();
    await screen.locator('textarea[name="recovery"]').fill(recovery);
    await screen.locator('input[name="next"]').fill('third passphrase here');
    await screen.locator('input[name="repeat"]').fill('third passphrase here');
    await screen.locator('button.primary').click();
    await screen.waitFor({ state: 'detached', timeout: 60_000 });
    await page.goto(`${server.url}#/patients`);
    await page.getByText(patient.code).waitFor();

    await page.reload();
    await unlockThroughUi(page, 'third passphrase here');
    await page.getByText(patient.code).waitFor();
  }, 120_000);
});
