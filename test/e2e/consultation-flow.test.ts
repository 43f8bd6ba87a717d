import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Dialog, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startWithConsent } from '../support/first-run';
import { serveDist, type DistServer } from '../support/serve-dist';
import { CONTROLS, openSessionOf, storedSessions } from '../support/recording-page';
import { axeViolations, clinicPatient, overflow, seedApp } from '../support/screens';
import type { SeededSession } from '../support/seed-page-session';

const FAKE_CAMERA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

const chosenPatient = (page: Page) => page.locator(`${CONTROLS} resmo-patient-picker select`).inputValue();
const cameraButton = (page: Page) => page.locator('resmo-consultation-view .controls button.source');
const indicator = (page: Page) => page.locator('resmo-app resmo-recording-indicator a');

/** The clinician's path through one consultation, in the production build with the fake camera. */
describe('one consultation, from the patient page to the report', () => {
  let server: DistServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let seeded: SeededSession;

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium(FAKE_CAMERA);
    context = await browser.newContext({ locale: 'en-US' });
    await context.grantPermissions(['camera'], { origin: server.url });
    page = await context.newPage();
    seeded = clinicPatient();
    await seedApp(page, server.url, seeded);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts from the patient page with that patient chosen and the camera starting', async () => {
    await page.goto(`${server.url}#/patients/${seeded.patient.id}`);
    await page.getByRole('link', { name: 'Start consultation' }).click();
    await expect.poll(() => chosenPatient(page)).toBe(seeded.patient.id);
    await expect.poll(() => cameraButton(page).textContent(), { timeout: 30_000 }).toMatch(/Stop camera/);
    expect(new URL(page.url()).hash).toBe(`#/consultation/${seeded.patient.id}`);
  });

  it('keeps the chosen patient through a reload', async () => {
    await page.reload();
    await expect.poll(() => chosenPatient(page)).toBe(seeded.patient.id);
  });

  it('records on through a visit to another screen, with an indicator that leads back', async () => {
    await expect(indicator(page).count()).resolves.toBe(0);
    await startWithConsent(page, page.locator(`${CONTROLS} button.start`), page.locator(`${CONTROLS} .live`));
    const session = await openSessionOf(page, seeded.patient.id);
    expect(session).toBeDefined();
    await page.locator('resmo-app nav a[href="#/patients"]').click();
    await page.locator('resmo-patients-view h1').waitFor();
    await expect.poll(() => indicator(page).textContent()).toMatch(/Recording: back to the consultation/);
    // Seconds go on being written while the consultation is out of sight.
    const before = (await openSessionOf(page, seeded.patient.id))?.seconds ?? 0;
    await expect
      .poll(async () => (await openSessionOf(page, seeded.patient.id))?.seconds ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(before + 2);
    await indicator(page).click();
    await page.locator(`${CONTROLS} .live`).waitFor();
    expect((await openSessionOf(page, seeded.patient.id))?.id).toBe(session?.id);
    await expect.poll(() => cameraButton(page).textContent()).toMatch(/Stop camera/);
  });

  it('keeps the current emotion and the stop button in view on a phone while recording', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const inView = async (selector: string) => {
      const box = await page.locator(selector).boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 844;
    };
    await expect.poll(() => inView(`${CONTROLS} button.stop`)).toBe(true);
    await expect.poll(() => inView('resmo-consultation-view resmo-emotion-bars .dominant')).toBe(true);
    for (const width of [320, 390, 1024]) {
      await page.setViewportSize({ width, height: 844 });
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
    }
  });

  it('asks before a reload ends the recording', async () => {
    const asked = new Promise<Dialog>((resolve) => page.once('dialog', resolve));
    void page.evaluate(() => location.reload()).catch(() => undefined);
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    await page.locator(`${CONTROLS} .live`).waitFor();
    expect(await openSessionOf(page, seeded.patient.id)).toBeDefined();
  });

  it('says "Session saved" on Stop, with a link to its report', async () => {
    const session = await openSessionOf(page, seeded.patient.id);
    await page.locator(`${CONTROLS} button.stop`).click();
    const saved = page.locator(`${CONTROLS} .saved`);
    await expect.poll(() => saved.textContent()).toMatch(/Session saved\./);
    await expect(indicator(page).count()).resolves.toBe(0);
    const stored = (await storedSessions(page)).sessions.find((s) => s.id === session?.id);
    expect(stored?.endedAt).not.toBeNull();
    // Read on WebAssembly with the default settings: every face with its mirror image.
    expect(stored?.mirror).toBe('all');
    await saved.getByRole('link', { name: 'Open its report' }).click();
    await page.locator('resmo-session-review resmo-session-readings').waitFor();
    expect(new URL(page.url()).hash).toBe(`#/sessions/${session?.id}`);
  });

  it('says what an export wrote, and that it holds clinical data', async () => {
    await page.goto(`${server.url}#/patients/${seeded.patient.id}`);
    const exports = page.locator('resmo-patient-page resmo-export-buttons');
    const download = page.waitForEvent('download');
    await exports.getByRole('button', { name: 'Export JSON' }).click();
    const file = (await download).suggestedFilename();
    const written = JSON.parse(readFileSync((await (await download).path()) ?? '', 'utf8')) as {
      patients: { sessions: { mirror?: string }[] }[];
    };
    expect(written.patients[0]?.sessions.map((s) => s.mirror)).toContain('all');
    expect(file).toMatch(/^resmo-P-7K3F9Q-.*\.json$/);
    const done = exports.locator('[role="status"]');
    await expect.poll(() => done.textContent()).toContain(file);
    expect(await done.textContent()).toMatch(/sessions in it: 2\).*holds clinical data/s);
  });
});
