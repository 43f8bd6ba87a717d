/**
 * Screenshots of the first-run welcome, the privacy page, the consent dialog and the patient's
 * consent at 320, 390 and 1024 px, in English and Spanish, into SHOTS_DIR (default
 * /tmp/resmo-shots); prints any screen that scrolls sideways.
 */
import { expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../test/support/browser';
import { serveDist } from '../../test/support/serve-dist';
import { completeFirstRun, consentDialog } from '../../test/support/first-run';

const DIR = process.env.SHOTS_DIR ?? '/tmp/resmo-shots';
const WIDTHS = [320, 390, 1024];
const LOCALES = [
  ['en', 'en-US'],
  ['es', 'es-MX'],
] as const;

async function shot(page: Page, name: string, wide: string[]): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${DIR}/${name}.png`, fullPage: true });
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
  if ((scroll ?? 0) > (inner ?? 0)) wide.push(`${name}: ${scroll} > ${inner}`);
}

it('takes the first-run and consent screenshots', async () => {
  mkdirSync(DIR, { recursive: true });
  const server = await serveDist();
  const browser = await launchChromium([], { welcome: true });
  const wide: string[] = [];
  try {
    for (const [short, locale] of LOCALES) {
      for (const width of WIDTHS) {
        const context = await browser.newContext({ locale });
        const page = await context.newPage();
        await page.setViewportSize({ width, height: 844 });
        await page.goto(server.url);
        const welcome = page.locator('resmo-welcome');
        await welcome.locator('h1').waitFor();
        await shot(page, `welcome-${short}-${width}`, wide);
        await welcome.locator('button.next').click();
        await shot(page, `welcome-install-${short}-${width}`, wide);
        await welcome.locator('button.next').click();
        await shot(page, `welcome-passphrase-${short}-${width}`, wide);
        await welcome.locator('button.next').count();
        await page.reload();
        await completeFirstRun(page);

        const view = page.locator('resmo-patients-view');
        await page.goto(`${server.url}#/patients`);
        await view.locator('button.primary').first().click();
        await view.locator('resmo-patient-dialog input[name="name"]').fill('Ana Prueba');
        await shot(page, `patient-dialog-${short}-${width}`, wide);
        await page.keyboard.press('Enter');
        const row = view.locator('li[data-patient-id]').first();
        await row.waitFor();
        const id = (await row.getAttribute('data-patient-id')) ?? '';

        await page.goto(`${server.url}#/consultation`);
        await page.locator('resmo-session-controls select[name="patient"]').selectOption(id);
        await page.locator('resmo-session-controls button.start').click();
        await consentDialog(page).waitFor({ state: 'visible' });
        await shot(page, `consent-dialog-${short}-${width}`, wide);
        await consentDialog(page).locator('button[type="submit"]').click();
        await consentDialog(page).waitFor({ state: 'hidden' });
        await page.locator('resmo-session-controls .live').waitFor();
        await page.waitForTimeout(1_500);
        await page.locator('resmo-session-controls button.stop').click();

        await page.goto(`${server.url}#/patients/${id}`);
        await page.locator('resmo-consent-panel .given').waitFor();
        await shot(page, `patient-consent-${short}-${width}`, wide);
        await page.locator('resmo-patient-page tbody a').first().click();
        await page.locator('resmo-report-note .consent').waitFor();
        await page
          .locator('resmo-session-review header')
          .screenshot({ path: `${DIR}/report-note-${short}-${width}.png` });
        await page.goto(`${server.url}#/privacy`);
        await page.locator('resmo-privacy-page h1').waitFor();
        await shot(page, `privacy-${short}-${width}`, wide);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(wide.length ? `Sideways scroll:\n${wide.join('\n')}` : 'No screen scrolls sideways.');
  // The patient page's session table is the phone layout's work (issue 20, part 5), not these screens'.
  expect(wide.filter((line) => !line.startsWith('patient-consent-'))).toEqual([]);
});
