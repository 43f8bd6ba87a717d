import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import { LOCALES, WIDTHS, axeViolations, overflow } from '../support/screens';
import { PASSPHRASE } from '../support/vault-ui';

const STEPS = 3;

/**
 * The first-run welcome, each of its steps, in English and Spanish, at a small phone's, a phone's
 * and a tablet's width: nothing scrolls sideways, and axe-core finds no accessibility violation.
 */
describe('every welcome step fits and passes axe', () => {
  let server: DistServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium([], { welcome: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [short, locale] of LOCALES) {
    it(`in ${short}`, { timeout: 300_000 }, async () => {
      const context = await browser.newContext({ locale });
      const problems: string[] = [];
      for (const width of WIDTHS) {
        const page = await context.newPage();
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${server.url}#/patients`);
        const welcome = page.locator('resmo-welcome');
        await welcome.locator('h1').waitFor();
        for (let step = 1; step <= STEPS; step++) {
          await expect.poll(() => welcome.locator('p.step').textContent()).toContain(String(step));
          const extra = await overflow(page);
          if (extra > 0) problems.push(`step ${step} at ${width} px: ${extra} px too wide`);
          for (const v of await axeViolations(page))
            problems.push(`step ${step} at ${width} px: ${v.id} ${v.targets.join(' ')}`);
          if (step < STEPS) await welcome.locator('button.next').click();
        }
        if (width === WIDTHS.at(-1)) {
          // The last step once the passphrase is set: the recovery words, shown once.
          await welcome.locator('input[name="passphrase"]').fill(PASSPHRASE);
          await welcome.locator('input[name="repeat"]').fill(PASSPHRASE);
          await welcome.locator('input[name="understood"]').check();
          await welcome.locator('resmo-vault-setup button.primary').click();
          await welcome.locator('ol.words li').first().waitFor({ timeout: 60_000 });
          for (const v of await axeViolations(page)) problems.push(`recovery words: ${v.id} ${v.targets.join(' ')}`);
        }
        await page.close();
      }
      await context.close();
      expect(problems).toEqual([]);
    });
  }
});
