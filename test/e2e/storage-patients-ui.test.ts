import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import { dumpPageDatabase } from '../support/page-database';
import type { Patient } from '../../src/storage/schema';

/** Patients are created, found, edited, archived and deleted with the keyboard and the dialogs. */
describe('patients view in Chromium', () => {
  let server: DistServer;
  let browser: Browser;
  let page: Page;
  const view = () => page.locator('resmo-patients-view');
  const rows = () => view().locator('li[data-patient-id]');
  const patients = async () => (await dumpPageDatabase(page)).patients as Patient[];
  /** The focused element, looking through shadow roots. */
  const focused = () =>
    page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return `${active?.tagName.toLowerCase()} ${active?.getAttribute('name') ?? active?.textContent?.trim()}`;
    });

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await page.goto(`${server.url}#/patients`);
    await view().locator('h1').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a patient with a suggested pseudonymous code; focus moves into the dialog and back', async () => {
    await view().getByRole('button', { name: 'New patient' }).click();
    const dialog = view().locator('resmo-patient-dialog dialog');
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    expect(await focused()).toBe('input code');
    const code = await dialog.locator('input[name="code"]').inputValue();
    expect(code).toMatch(/^P-[0-9A-Z]{6}$/);
    await dialog.locator('input[name="name"]').fill('José Núñez');
    await page.keyboard.press('Enter');
    await expect.poll(() => rows().count()).toBe(1);
    expect(await focused()).toBe('button New patient');
    expect(await patients()).toMatchObject([{ code, name: 'José Núñez', birthDate: null, archived: false }]);
  });

  it('refuses markup in a name and says so in the dialog', async () => {
    await view().getByRole('button', { name: 'New patient' }).click();
    const dialog = view().locator('resmo-patient-dialog dialog');
    await dialog.locator('input[name="name"]').fill('<img src=x onerror=alert(1)>');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.locator('[role="alert"]').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await patients()).toHaveLength(1);
  });

  it('finds the patient without accents, archives and restores, and deletes only after confirming', async () => {
    await view().locator('input[type="search"]').fill('jose nun');
    await expect.poll(() => rows().count()).toBe(1);
    await view().locator('input[type="search"]').fill('nobody');
    await expect.poll(() => rows().count()).toBe(0);
    await view().locator('input[type="search"]').fill('');
    await expect.poll(() => rows().count()).toBe(1);

    await rows()
      .getByRole('button', { name: /^Archive/ })
      .click();
    await expect.poll(() => rows().count()).toBe(0);
    await view().getByLabel('Show archived').check();
    await expect.poll(() => rows().count()).toBe(1);
    await rows()
      .getByRole('button', { name: /^Restore/ })
      .click();
    await expect.poll(async () => (await patients())[0]?.archived).toBe(false);

    await rows()
      .getByRole('button', { name: /^Delete/ })
      .click();
    const confirm = view().locator('resmo-confirm-dialog');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await patients()).toHaveLength(1);
    await rows()
      .getByRole('button', { name: /^Delete/ })
      .click();
    await confirm.getByRole('button', { name: 'Delete patient' }).click();
    await expect.poll(() => rows().count()).toBe(0);
    expect(await patients()).toEqual([]);
  });
});
