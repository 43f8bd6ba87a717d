/**
 * Screenshots of Settings → Sync → Clinicians at 320, 390 and 1024 px, in English and Spanish,
 * against the local test server: the list (two clinicians) into docs/images/
 * (clinicians-<lang>-<width>.png), and the lock screen after a passphrase changed on another of
 * the clinician's devices (lock-changed-elsewhere-<lang>-<width>.png); the set-up form, the add
 * form, a new clinician's recovery words and the removal question into SHOTS_DIR (default
 * /tmp/resmo-shots). Prints each part's width against the room it has (no sideways scrolling).
 */
import { it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { startSyncServer } from '../sync-server.mjs';
import { launchChromium } from '../../test/support/browser';
import { freePort, serveDist } from '../../test/support/serve-dist';
import { enterSyncPassphrase, turnOnSyncThroughUi, waitUntilSynced } from '../../test/support/sync-page';
import { importThroughUi } from '../../test/support/import-through-ui';
import { sampleExport } from '../../test/support/sample-export';
import { PASSPHRASE, setUpEncryption } from '../../test/support/vault-ui';

const DIR = process.env.SHOTS_DIR ?? '/tmp/resmo-shots';
const DOCS = new URL('../../docs/images/', import.meta.url).pathname;
const WIDTHS = [320, 390, 1024];
const REMOVE = { en: 'Remove and make a new key', es: 'Quitar y crear una nueva clave' } as const;
const LOCALES = [
  ['en', 'en-US'],
  ['es', 'es-MX'],
] as const;

/** Runs in the page: stamps the stored keys as given a new passphrase by another device at `at`. */
declare function markChangedElsewhere(at: number): Promise<void>;
const MARK = `window.markChangedElsewhere = (at) => new Promise((resolve, reject) => {
  const open = indexedDB.open('resmo');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const store = open.result.transaction('vault', 'readwrite').objectStore('vault');
    const get = store.get('meta');
    get.onsuccess = () => {
      const put = store.put({ ...get.result, passphraseChangedElsewhereAt: at }, 'meta');
      put.onsuccess = () => { open.result.close(); resolve(); };
      put.onerror = () => reject(put.error);
    };
  };
});`;

async function shoot(page: Page, part: Locator, dir: string, name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(300);
    const room = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    const own = await part.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    console.log(`${name}-${width}: page ${room[0]}/${room[1]} px, part ${own[0]}/${own[1]} px`);
    await part.screenshot({ path: `${dir}/${name}-${width}.png` });
  }
}

it('takes the clinicians screenshots', async () => {
  mkdirSync(DIR, { recursive: true });
  const app = await serveDist();
  const browser = await launchChromium();
  try {
    for (const [short, locale] of LOCALES) {
      // One clinic per language: a server of its own.
      const server = await startSyncServer({ port: await freePort() });
      const page = await (await browser.newContext({ locale })).newPage();
      await page.addInitScript(MARK);
      await page.setViewportSize({ width: 390, height: 900 });
      await setUpEncryption(page, app.url);
      await turnOnSyncThroughUi(page, app.url, server);
      await waitUntilSynced(page);
      // A second device that joins with the clinic's shared passphrase and stays on it.
      const shared = await (await browser.newContext({ locale })).newPage();
      await turnOnSyncThroughUi(shared, app.url, server);
      await enterSyncPassphrase(shared, PASSPHRASE);
      await waitUntilSynced(shared);
      const part = page.locator('resmo-sync-panel resmo-clinicians');
      await part.locator('input[name="name"]').waitFor();
      await shoot(page, part, DIR, `clinicians-setup-${short}`);
      await part.locator('input[name="name"]').fill('Dra. Ana Quintero');
      await part.locator('input[name="mine"]').fill(PASSPHRASE);
      await part.locator('button.primary').click();
      await part.locator('ol.words li').first().waitFor({ timeout: 60_000 });
      await part.locator('button.primary').click();
      await part.locator('ul.clinicians + button').click();
      await shoot(page, part, DIR, `clinicians-add-${short}`);
      await part.locator('input[name="name"]').fill('Dr. Bernardo Salinas Villaseñor');
      await part.locator('input[name="theirs"]').fill('another quiet passphrase');
      await part.locator('input[name="repeat"]').fill('another quiet passphrase');
      await part.locator('input[name="mine"]').fill(PASSPHRASE);
      await part.locator('button.primary').click();
      await part.locator('ol.words li').first().waitFor({ timeout: 60_000 });
      await shoot(page, part, DIR, `clinicians-words-${short}`);
      await part.locator('button.primary').click();
      await part.locator('ul.clinicians li button').first().waitFor();
      await shoot(page, part, DOCS, `clinicians-${short}`);
      await part.locator('ul.clinicians li button').first().click();
      await shoot(page, part, DIR, `clinicians-remove-${short}`);
      // The removal makes a new clinic key, which the shared-passphrase device cannot receive.
      await part.getByRole('button', { name: REMOVE[short] }).click();
      await part.locator('ul.clinicians li').nth(1).waitFor({ state: 'detached', timeout: 60_000 });
      // A new record, sealed under the new key.
      await page.goto(`${app.url}#/patients`);
      await importThroughUi(page, 'after.json', JSON.stringify(sampleExport(29, 60)));
      await page.goto(`${app.url}#/settings`);
      await waitUntilSynced(page);
      const sharedPanel = shared.locator('resmo-sync-panel');
      await sharedPanel.locator('p.error[role="alert"]').waitFor({ timeout: 60_000 });
      await shoot(shared, sharedPanel, DIR, `sync-own-keys-needed-${short}`);
      await shared.context().close();
      // A passphrase changed here, with sync on: the other devices take it at their next sync.
      const privacy = page.locator('resmo-privacy-panel');
      await privacy.locator('input[name="current"]').fill(PASSPHRASE);
      await privacy.locator('input[name="next"]').fill('a passphrase for the new year');
      await privacy.locator('input[name="repeat"]').fill('a passphrase for the new year');
      await privacy.locator('form button[type="submit"]').click();
      await privacy.locator('p[role="status"]').waitFor();
      await shoot(page, privacy.locator('form'), DIR, `passphrase-changed-synced-${short}`);
      // As if another of Ana's devices had given this one a new passphrase: the old one is refused.
      await page.evaluate(() => markChangedElsewhere(Date.UTC(2026, 11, 1, 12)));
      await page.reload();
      const lock = page.locator('resmo-lock-screen');
      await lock.locator('input[name="passphrase"]').fill('the passphrase she used before');
      await lock.locator('button.primary').click();
      await lock.locator('[role="alert"]').waitFor();
      await shoot(page, page.locator('body'), DOCS, `lock-changed-elsewhere-${short}`);
      await page.context().close();
      await server.close();
    }
  } finally {
    await browser.close();
    await app.close();
  }
});
