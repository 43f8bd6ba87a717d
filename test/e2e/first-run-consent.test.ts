import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import { rawDump } from '../support/vault-key';
import { completeFirstRun, consentDialog } from '../support/first-run';
import { PASSPHRASE, lockScreen, unlockThroughUi } from '../support/vault-ui';
import { CONSENT_TEXT_VERSION } from '../../src/shared/consent';

const FAKE_CAMERA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

/** Today on the browser's calendar, as the consent dialog proposes it. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A new device: the welcome, encryption before any patient, consent before the first recording. */
describe('first run and consent in Chromium', () => {
  let server: DistServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let patientId = '';
  const controls = () => page.locator('resmo-consultation-view resmo-session-controls');

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium(FAKE_CAMERA, { welcome: true });
    context = await browser.newContext({ acceptDownloads: true, locale: 'en-US' });
    await context.grantPermissions(['camera'], { origin: server.url });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('welcomes first, with no way to the patients until a passphrase is set', async () => {
    await page.goto(`${server.url}#/patients`);
    const welcome = page.locator('resmo-welcome');
    await welcome.locator('h1').waitFor();
    expect(await welcome.locator('resmo-privacy-summary dl').textContent()).toMatch(/On this device only/);
    expect(await page.locator('resmo-patients-view, nav').count()).toBe(0);
    await welcome.locator('button.next').click();
    expect(await welcome.locator('resmo-install-help .steps').textContent()).toMatch(/Add to Home Screen/);
    await welcome.locator('button.next').click();
    expect(await welcome.getByRole('button', { name: /skip/i }).count()).toBe(0);
    await page.goto(`${server.url}#/patients`);
    expect(await page.locator('resmo-patients-view').count()).toBe(0);
    await welcome.locator('button', { hasText: 'Back' }).click();
    await welcome.locator('button', { hasText: 'Back' }).click();

    const words = await completeFirstRun(page);
    expect(words.split(' ')).toHaveLength(12);
    await page.locator('resmo-patients-view h1').waitFor();
    expect((await rawDump(page)).vault).toHaveLength(1);
  });

  it('asks for consent before the first recording, and records nothing until it is given', async () => {
    const view = page.locator('resmo-patients-view');
    await view.getByRole('button', { name: 'New patient' }).click();
    await view.locator('resmo-patient-dialog input[name="name"]').fill('Consent Test');
    await page.keyboard.press('Enter');
    await view.locator('li[data-patient-id]').first().waitFor();
    patientId = (await view.locator('li[data-patient-id]').first().getAttribute('data-patient-id')) ?? '';

    await page.goto(`${server.url}#/consultation`);
    await page.getByRole('button', { name: 'Start camera' }).click();
    await controls().locator('select[name="patient"]').selectOption(patientId);
    await controls().locator('button.start').click();
    const dialog = consentDialog(page);
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.locator('resmo-consent-text article').textContent()).toMatch(/not a diagnosis/);
    await dialog.getByRole('button', { name: 'español' }).click();
    expect(await dialog.locator('resmo-consent-text article').textContent()).toMatch(/No son un diagnóstico/);

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await controls().locator('.live').count()).toBe(0);
    expect((await rawDump(page)).sessions ?? []).toHaveLength(0);

    await controls().locator('button.start').click();
    await dialog.waitFor({ state: 'visible' });
    await dialog.locator('input[value="written"]').check();
    await dialog.locator('textarea[name="note"]').fill('signed copy in the paper file');
    await dialog.locator('button[type="submit"]').click();
    await controls().locator('.live').waitFor();
    await page.waitForTimeout(2_000);
    await controls().locator('button.stop').click();
    await controls().locator('button.start').waitFor();
  });

  it('puts the consent in the export (version 3), the report and the patient page; withdrawal offers deleting', async () => {
    await page.goto(`${server.url}#/patients/${patientId}`);
    const patientPage = page.locator('resmo-patient-page');
    await patientPage.locator('resmo-consent-panel .given').waitFor();
    expect(await patientPage.locator('resmo-consent-panel .given').textContent()).toMatch(/in writing on/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      patientPage.locator('resmo-export-buttons').getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const file = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      version: number;
      patients: { consent?: Record<string, unknown>; sessions: unknown[] }[];
    };
    expect(file.version).toBe(3);
    expect(file.patients[0]?.consent).toMatchObject({
      givenOn: today(),
      textVersion: CONSENT_TEXT_VERSION,
      form: 'written',
      note: 'signed copy in the paper file',
    });
    expect(file.patients[0]?.sessions).toHaveLength(1);

    await patientPage.locator('tbody a').first().click();
    const note = page.locator('resmo-session-review resmo-report-note');
    await note.locator('.diagnosis').waitFor();
    expect(await note.locator('.diagnosis').textContent()).toMatch(/not a diagnosis/);
    expect(await note.locator('.consent').textContent()).toMatch(/Consent given in writing on/);

    await page.goto(`${server.url}#/patients/${patientId}`);
    await patientPage.locator('resmo-consent-panel button.withdraw').click();
    const confirm = patientPage.locator('resmo-consent-panel resmo-confirm-dialog dialog');
    await confirm.locator('button[value="confirm"]').click();
    await expect.poll(() => confirm.locator('h2').textContent()).toMatch(/Also delete this patient’s 1 session\?/);
    await confirm.locator('button[value="confirm"]').click();
    await patientPage.locator('resmo-consent-panel .missing').waitFor();
    await expect.poll(async () => (await rawDump(page)).sessions?.length).toBe(0);
  });

  it('opens on the lock screen, not the welcome, after a reload', async () => {
    await page.reload();
    await lockScreen(page).waitFor();
    expect(await page.locator('resmo-welcome').count()).toBe(0);
    await unlockThroughUi(page, PASSPHRASE);
    await page.locator('resmo-patient-page resmo-consent-panel').waitFor();
  });
});
