/**
 * Screenshots, at 320, 390 and 1024 px in English and Spanish, of what sync adds to two screens:
 * the sync panel's notice that notes were changed on two devices (the count is set in the page:
 * the real merge is tested in test/e2e/sync-conflicts.test.ts), and the delete confirmation that
 * says the deletion reaches the clinic's other devices. docs/images/ keeps the notice at 320 and
 * 1024 px and the confirmation at 390 px; the others go to SHOTS_DIR (default /tmp/resmo-shots).
 */
import { it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { startSyncServer } from '../sync-server.mjs';
import { launchChromium } from '../../test/support/browser';
import { importThroughUi } from '../../test/support/import-through-ui';
import { sampleExport } from '../../test/support/sample-export';
import { freePort, serveDist } from '../../test/support/serve-dist';
import { turnOnSyncThroughUi, waitUntilSynced } from '../../test/support/sync-page';
import { setUpEncryption } from '../../test/support/vault-ui';

const DOCS = new URL('../../docs/images/', import.meta.url).pathname;
const DIR = process.env.SHOTS_DIR ?? '/tmp/resmo-shots';
/** The ones docs/images/ keeps; the others go to SHOTS_DIR, for looking at. */
const KEPT = /^sync-(notes-\w+-(320|1024)|delete-\w+-390)\.png$/;
const shot = (name: string): string => `${KEPT.test(name) ? DOCS : DIR}/${name}`;
const WIDTHS = [320, 390, 1024];
const LOCALES = [
  ['en', 'en-US'],
  ['es', 'es-MX'],
] as const;

it('takes the sync notice and delete confirmation screenshots', async () => {
  mkdirSync(DIR, { recursive: true });
  const app = await serveDist();
  const browser = await launchChromium();
  try {
    for (const [short, locale] of LOCALES) {
      // A server per language: each device sets up its own key, and a server holds one clinic's.
      const server = await startSyncServer({ port: await freePort() });
      const page = await (await browser.newContext({ locale })).newPage();
      await page.setViewportSize({ width: 390, height: 900 });
      await setUpEncryption(page, app.url);
      await page.goto(`${app.url}#/patients`);
      await importThroughUi(page, 'shots.json', JSON.stringify(sampleExport(5, 60)));
      await turnOnSyncThroughUi(page, app.url, server);
      await waitUntilSynced(page);
      const panel = page.locator('resmo-sync-panel');
      await panel.evaluate((el) => {
        const p = el as unknown as { view: { status?: object } };
        p.view = { ...p.view, status: { ...p.view.status, notesJoined: 2 } } as typeof p.view;
      });
      await panel.locator('.notes-joined').waitFor();
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(300);
        await panel.screenshot({ path: shot(`sync-notes-${short}-${width}.png`) });
      }
      await page.evaluate(() => (location.hash = '#/patients'));
      const view = page.locator('resmo-patients-view');
      await view.getByRole('button', { name: /^(Delete|Eliminar) P-/ }).click();
      await view.locator('resmo-confirm-dialog dialog').waitFor();
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 640 });
        await page.waitForTimeout(300);
        await page.screenshot({ path: shot(`sync-delete-${short}-${width}.png`) });
      }
      await page.context().close();
      await server.close();
    }
  } finally {
    await browser.close();
    await app.close();
  }
});
