/**
 * Screenshots of the message shown when the browser never opens the records (a second page holds
 * an upgrade of the database open, as in test/e2e/database-stuck.test.ts), at 320, 390 and
 * 1024 px, in English and Spanish, into SHOTS_DIR (default /tmp/resmo-shots).
 * `npx vitest run --config scripts/screenshots/vitest.config.ts scripts/screenshots/database-stuck.shots.ts`
 * after `npm run build`.
 */
import { it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../../test/support/browser';
import { serveDist } from '../../test/support/serve-dist';
import { blankRoute, holdDatabase } from '../../test/support/held-database';

const DIR = process.env.SHOTS_DIR ?? '/tmp/resmo-shots';

it('takes the database-unavailable screenshots', async () => {
  mkdirSync(DIR, { recursive: true });
  const server = await serveDist(blankRoute);
  const browser = await launchChromium();
  try {
    for (const [tag, locale] of [
      ['en', 'en-US'],
      ['es', 'es-MX'],
    ] as const) {
      const context = await browser.newContext({ locale, viewport: { width: 1024, height: 900 } });
      await holdDatabase(context, server.url);
      const page = await context.newPage();
      await page.goto(`${server.url}#/patients`);
      await page.locator('resmo-database-unavailable h1').waitFor({ timeout: 60_000 });
      for (const width of [320, 390, 1024]) {
        await page.setViewportSize({ width, height: width < 1024 ? 844 : 900 });
        await new Promise((r) => setTimeout(r, 400));
        await page.screenshot({ path: `${DIR}/database-unavailable-${tag}-${width}.png`, fullPage: true });
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
});
