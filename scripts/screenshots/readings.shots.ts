/**
 * Screenshots of the session report's readings and the live readings at 320, 390 and 1024 px, in
 * English and Spanish, into SHOTS_DIR (default /tmp/resmo-shots): a 20-minute synthetic session
 * with a resting baseline and three markers, and the fake camera showing a FER2013 face.
 */
import { it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../../test/support/browser';
import { serveDist } from '../../test/support/serve-dist';
import { seedPageSession, syntheticSession } from '../../test/support/seed-page-session';
import { confidentFaceVideo } from '../../test/support/fake-camera';

const DIR = process.env.SHOTS_DIR ?? '/tmp/resmo-shots';
const WIDTHS = [320, 390, 1024];
const LOCALES = [
  ['en', 'en-US'],
  ['es', 'es-MX'],
] as const;

it('takes the readings screenshots', async () => {
  mkdirSync(DIR, { recursive: true });
  const video = await confidentFaceVideo('happy');
  const server = await serveDist();
  const browser = await launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${video.path}`,
  ]);
  const seeded = syntheticSession(20 * 60, 5 * 60, Date.now() - 3 * 3600_000);
  seeded.patient.code = 'P-7K3F9Q';
  seeded.patient.baselines = [
    {
      id: crypto.randomUUID(),
      recordedAt: seeded.session.startedAt - 120_000,
      rows: Array.from({ length: 15 }, (_, i) => [4, 1, 3, 18 + (i % 3), 14, 2, 58 - (i % 3)]),
    },
  ];
  try {
    for (const [short, locale] of LOCALES) {
      const context = await browser.newContext({ locale });
      await context.grantPermissions(['camera'], { origin: server.url });
      for (const width of WIDTHS) {
        const page = await context.newPage();
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${server.url}#/patients`);
        await page.waitForSelector('resmo-app');
        await seedPageSession(page, seeded);
        await page.goto(`${server.url}#/sessions/${seeded.session.id}`);
        await page.locator('resmo-session-readings resmo-marker-changes section.marker').first().waitFor();
        await page.waitForTimeout(500);
        await page.locator('resmo-session-readings').screenshot({ path: `${DIR}/report-${short}-${width}.png` });
        await page.locator('resmo-session-readings resmo-baseline-switch input').first().check();
        await page.waitForTimeout(500);
        await page
          .locator('resmo-session-readings section')
          .first()
          .screenshot({ path: `${DIR}/report-raw-${short}-${width}.png` });
        await page.goto(`${server.url}#/consultation`);
        await page.locator('resmo-patient-picker select').selectOption({ index: 1 });
        await page.locator('resmo-consultation-view .controls button.source').click();
        await page.locator('resmo-face-overlay rect').first().waitFor({ timeout: 120_000 });
        await page.waitForTimeout(12_000);
        await page.locator('resmo-live-readings').screenshot({ path: `${DIR}/live-${short}-${width}.png` });
        await page.close();
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
});
