/**
 * Screenshots of every screen at 320, 390 and 1024 px in English and Spanish into SHOTS_DIR
 * (default /tmp/resmo-shots), and of one consultation as a clinician runs it: the first-visit
 * preparation, recording on a 390×844 phone and a tablet, another screen while it records,
 * "Session saved" and an export's confirmation. The fake camera shows a FER2013 face.
 */
import { it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../test/support/browser';
import { serveDist } from '../../test/support/serve-dist';
import { slowWeights } from '../../test/support/slow-weights';
import { startWithConsent } from '../../test/support/first-run';
import { confidentFaceVideo } from '../../test/support/fake-camera';
import { LOCALES, SCREENS, WIDTHS, clinicPatient, openScreen, seedApp } from '../../test/support/screens';

const DIR = process.env.SHOTS_DIR ?? '/tmp/resmo-shots';
const CONTROLS = 'resmo-consultation-view resmo-session-controls';

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${DIR}/${name}.png` });
}

it('takes a screenshot of every screen and of one consultation', async () => {
  mkdirSync(DIR, { recursive: true });
  const video = await confidentFaceVideo('happy');
  const slow = slowWeights(125_000);
  const server = await serveDist(slow.route);
  const browser = await launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${video.path}`,
  ]);
  try {
    for (const [short, locale] of LOCALES) {
      // No service worker: the models come from the (slow) network, as on a first visit.
      const context = await browser.newContext({ locale, serviceWorkers: 'block' });
      await context.grantPermissions(['camera'], { origin: server.url });
      const page = await context.newPage();
      const seeded = clinicPatient();
      await seedApp(page, server.url, seeded);

      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${server.url}#/patients/${seeded.patient.id}`);
      // A first visit on a slow connection (1 Mbit/s) shows the download's progress.
      slow.on = true;
      await page.locator('resmo-patient-page .actions a.primary').click();
      await page.locator('resmo-status-strip progress').waitFor({ timeout: 60_000 });
      await page.waitForTimeout(1500);
      await shoot(page, `flow-preparing-${short}-390`);
      slow.on = false;
      await page.locator('resmo-face-overlay rect').first().waitFor({ timeout: 180_000 });
      await startWithConsent(page, page.locator(`${CONTROLS} button.start`), page.locator(`${CONTROLS} .live`));
      await page.waitForTimeout(6000);
      await shoot(page, `flow-recording-${short}-390x844`);
      await page.setViewportSize({ width: 320, height: 640 });
      await shoot(page, `flow-recording-${short}-320`);
      await page.setViewportSize({ width: 1024, height: 768 });
      await shoot(page, `flow-recording-${short}-1024`);
      await page.locator('resmo-app nav a[href="#/settings"]').click();
      await page.locator('resmo-settings-view #advanced').scrollIntoViewIfNeeded();
      await page.waitForTimeout(1500);
      await shoot(page, `flow-settings-advanced-while-recording-${short}-1024`);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.locator('resmo-app resmo-recording-indicator a').click();
      await page.locator(`${CONTROLS} button.stop`).click();
      await page.locator(`${CONTROLS} .saved`).waitFor();
      await shoot(page, `flow-saved-${short}-390`);

      await page.goto(`${server.url}#/patients/${seeded.patient.id}`);
      const download = page.waitForEvent('download');
      await page.locator('resmo-patient-page resmo-export-buttons button').nth(1).click();
      await download;
      await page.locator('resmo-export-buttons .done').scrollIntoViewIfNeeded();
      await shoot(page, `flow-exported-${short}-390`);

      // SHOTS_SCREENS=0 takes only the consultation's pictures.
      for (const width of process.env.SHOTS_SCREENS === '0' ? [] : WIDTHS) {
        await page.setViewportSize({ width, height: width === 1024 ? 768 : 844 });
        for (const screen of SCREENS) {
          await openScreen(page, server.url, screen, seeded);
          await shoot(page, `screen-${screen.name}-${short}-${width}`);
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
});
