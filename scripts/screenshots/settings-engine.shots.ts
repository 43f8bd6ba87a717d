/**
 * Settings › Advanced, the analysis engine panel with the mirror-averaging choice, at 320, 390 and
 * 1024 px in English and Spanish, into SHOTS_DIR (default /tmp/resmo-shots).
 */
import { it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../../test/support/browser';
import { serveDist } from '../../test/support/serve-dist';
import { LOCALES, WIDTHS, clinicPatient, seedApp } from '../../test/support/screens';

const DIR = process.env.SHOTS_DIR ?? '/tmp/resmo-shots';

it('takes the engine panel of Settings › Advanced', async () => {
  mkdirSync(DIR, { recursive: true });
  const server = await serveDist();
  const browser = await launchChromium();
  try {
    for (const [short, locale] of LOCALES) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await seedApp(page, server.url, clinicPatient());
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${server.url}#/settings`);
        const panel = page.locator('resmo-inference-panel');
        await panel.scrollIntoViewIfNeeded();
        await page.waitForTimeout(300);
        await panel.screenshot({ path: `${DIR}/settings-engine-${short}-${width}.png` });
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
});
