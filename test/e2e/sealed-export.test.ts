import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import { importThroughUi } from '../support/import-through-ui';
import { sampleExport } from '../support/sample-export';
import { dumpPageDatabase, storesWithRecords } from '../support/page-database';

const seed = sampleExport();
const patient = seed.patients[0]!;
const FILE_PASSPHRASE = 'for dr. ruiz only';

/** Sealed export from one browser profile, opened in another through the import button. */
describe('sealed export through the app', () => {
  let server: DistServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('round-trips with the passphrase and refuses a wrong one with a clear message, changing nothing', async () => {
    const sender = await (await browser.newContext({ locale: 'en-US', acceptDownloads: true })).newPage();
    await sender.goto(`${server.url}#/patients`);
    expect(await importThroughUi(sender, 'seed.json', JSON.stringify(seed))).toBe('done');
    await sender.goto(`${server.url}#/patients/${patient.id}`);
    const buttons = sender.locator('resmo-patient-page resmo-export-buttons');
    await buttons.locator('button.sealed').click();
    await buttons.locator('resmo-seal-form input[name="passphrase"]').fill(FILE_PASSPHRASE);
    await buttons.locator('resmo-seal-form input[name="repeat"]').fill(FILE_PASSPHRASE);
    const [download] = await Promise.all([
      sender.waitForEvent('download', { timeout: 60_000 }),
      buttons.locator('resmo-seal-form button.primary').click(),
    ]);
    const sealed = readFileSync((await download.path())!);
    expect(download.suggestedFilename()).toMatch(/^resmo-P-7K3F9Q-.*\.sealed\.json$/);
    expect(sealed.toString()).not.toContain(patient.code);
    expect(sealed.toString()).not.toContain('Talked about work');

    const receiver = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await receiver.goto(`${server.url}#/patients`);
    const before = JSON.stringify(storesWithRecords(await dumpPageDatabase(receiver)));
    expect(await importThroughUi(receiver, 'from-colleague.json', sealed)).toBe('failed');
    const importer = receiver.locator('resmo-patients-view resmo-import-button');
    await importer.locator('input[name="passphrase"]').fill('for dr. ruiz');
    await importer.getByRole('button', { name: 'Open and import' }).click();
    await expect
      .poll(() => importer.locator('[role="status"]').textContent(), { timeout: 30_000 })
      .toContain('That passphrase does not open this file');
    expect(JSON.stringify(storesWithRecords(await dumpPageDatabase(receiver)))).toBe(before);

    await importer.locator('input[name="passphrase"]').fill(FILE_PASSPHRASE);
    await importer.getByRole('button', { name: 'Open and import' }).click();
    await receiver.getByText(patient.code).waitFor({ timeout: 30_000 });
    const dump = await dumpPageDatabase(receiver);
    expect(dump.samples).toHaveLength(patient.sessions.reduce((n, s) => n + s.seconds.length, 0));
  }, 120_000);
});
