/**
 * Screenshots of Settings → "Sync between devices" at 320, 390 and 1024 px, in English and
 * Spanish: off (the sign-in form) into SHOTS_DIR (default /tmp/resmo-shots), and on and up to
 * date against the local test server into docs/images/ (sync-on-<lang>-<width>.png).
 */
import { it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { startSyncServer } from '../sync-server.mjs';
import { launchChromium } from '../../test/support/browser';
import { freePort, serveDist } from '../../test/support/serve-dist';
import { turnOnSyncThroughUi, waitUntilSynced } from '../../test/support/sync-page';
import { setUpEncryption } from '../../test/support/vault-ui';

const DIR = process.env.SHOTS_DIR ?? '/tmp/resmo-shots';
const DOCS = new URL('../../docs/images/', import.meta.url).pathname;
const WIDTHS = [320, 390, 1024];
const LOCALES = [
  ['en', 'en-US'],
  ['es', 'es-MX'],
] as const;

it('takes the sync panel screenshots', async () => {
  mkdirSync(DIR, { recursive: true });
  const [app, server] = await Promise.all([serveDist(), freePort().then((port) => startSyncServer({ port }))]);
  const browser = await launchChromium();
  try {
    for (const [short, locale] of LOCALES) {
      const page = await (await browser.newContext({ locale })).newPage();
      await page.setViewportSize({ width: 390, height: 900 });
      await setUpEncryption(page, app.url);
      const panel = page.locator('resmo-sync-panel');
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(300);
        await panel.screenshot({ path: `${DIR}/sync-off-${short}-${width}.png` });
      }
      await turnOnSyncThroughUi(page, app.url, server);
      await waitUntilSynced(page);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(300);
        await panel.screenshot({ path: `${DOCS}/sync-on-${short}-${width}.png` });
      }
      await page.context().close();
    }
  } finally {
    await browser.close();
    await Promise.all([app.close(), server.close()]);
  }
});
