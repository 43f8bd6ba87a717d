import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import { dumpPageDatabase, storesWithRecords } from '../support/page-database';
import { importThroughUi } from '../support/import-through-ui';
import { sampleExport } from '../support/sample-export';

/** Export, delete, import through the real UI of the production build: the data comes back identical. */
describe('export, delete, import round trip in Chromium', () => {
  let server: DistServer;
  let browser: Browser;
  let page: Page;
  const original = sampleExport();
  const patient = original.patients[0];

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium();
    page = await (await browser.newContext({ acceptDownloads: true, locale: 'en-US' })).newPage();
    await page.goto(`${server.url}#/patients`);
    await page.locator('resmo-patients-view h1').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('imports, exports, deletes and re-imports a patient with two sessions', async () => {
    expect(await importThroughUi(page, 'seed.json', JSON.stringify(original))).toBe('done');
    const before = await dumpPageDatabase(page);
    expect(before.samples).toHaveLength(120);

    await page.locator(`resmo-patients-view a[href="#/patients/${patient?.id}"]`).click();
    await page.locator('resmo-patient-page resmo-session-trend').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('resmo-patient-page resmo-export-buttons').getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const exported = await readFile(await download.path(), 'utf8');
    expect(download.suggestedFilename()).toMatch(/^resmo-P-7K3F9Q-\d{4}-\d{2}-\d{2}\.json$/);
    expect({ ...JSON.parse(exported), exportedAt: original.exportedAt }).toEqual(original);

    await page.goto(`${server.url}#/patients`);
    await page.locator(`resmo-patients-view li[data-patient-id="${patient?.id}"] button.danger`).click();
    await page.locator('resmo-patients-view resmo-confirm-dialog button[value="confirm"]').click();
    await expect.poll(() => page.locator('resmo-patients-view li[data-patient-id]').count()).toBe(0);
    expect(storesWithRecords(await dumpPageDatabase(page))).toEqual({});

    expect(await importThroughUi(page, download.suggestedFilename(), exported)).toBe('done');
    expect(await dumpPageDatabase(page)).toEqual(before);
  });

  it('shows the imported session in the review with its markers and timeline', async () => {
    const session = patient?.sessions[0];
    await page.goto(`${server.url}#/sessions/${session?.id}`);
    await expect.poll(() => page.locator('resmo-session-review h1').textContent()).toContain('P\u20117K3F9Q');
    await expect.poll(() => page.locator('resmo-session-review .markers li').count()).toBe(2);
    await expect.poll(() => page.locator('resmo-session-review resmo-elapsed-chart canvas').count()).toBe(2);
    await expect.poll(() => page.locator('resmo-session-review resmo-segment-table tbody tr').count()).toBe(3);
  });
});
