/**
 * Screenshots of encryption's screens at 320, 390 and 1024 px, in English and Spanish, into
 * SHOTS_DIR (default /tmp/resmo-shots): the recovery words shown once, the lock screen's recovery
 * form after a wrong key, and the privacy panel with what encryption does not protect.
 */
import { it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../../test/support/browser';
import { serveDist } from '../../test/support/serve-dist';
import { PASSPHRASE } from '../../test/support/vault-ui';

const DIR = process.env.SHOTS_DIR ?? '/tmp/resmo-shots';
const WIDTHS = [320, 390, 1024];
const LOCALES = [
  ['en', 'en-US'],
  ['es', 'es-MX'],
] as const;

it('takes the encryption screenshots', async () => {
  mkdirSync(DIR, { recursive: true });
  const server = await serveDist();
  const browser = await launchChromium();
  try {
    for (const [short, locale] of LOCALES) {
      for (const width of WIDTHS) {
        const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${server.url}#/settings`);
        const panel = page.locator('resmo-privacy-panel');
        await panel.locator('input[name="passphrase"]').fill(PASSPHRASE);
        await panel.locator('input[name="repeat"]').fill(PASSPHRASE);
        await panel.locator('input[name="understood"]').check();
        await panel.locator('resmo-vault-setup button.primary').click();
        await panel.locator('ol.words li').first().waitFor({ timeout: 90_000 });
        await panel.locator('resmo-vault-setup').screenshot({ path: `${DIR}/recovery-words-${short}-${width}.png` });
        await panel.locator('resmo-vault-setup button.primary').click();
        await panel.locator('resmo-privacy-facts').screenshot({ path: `${DIR}/privacy-facts-${short}-${width}.png` });
        await page.locator('resmo-app button.lock').click();
        const lock = page.locator('resmo-lock-screen');
        await lock.locator('button.link').click();
        await lock.locator('textarea[name="recovery"]').fill('abaco abeja abierto');
        await lock.locator('input[name="next"]').fill(PASSPHRASE);
        await lock.locator('input[name="repeat"]').fill(PASSPHRASE);
        await lock.locator('button.primary').click();
        await lock.locator('[role="alert"]').waitFor();
        await page.screenshot({ path: `${DIR}/lock-recovery-${short}-${width}.png`, fullPage: true });
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
});
