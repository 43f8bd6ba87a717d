import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import { seedPageSession, syntheticSession } from '../support/seed-page-session';

/** How many px the page scrolls sideways. */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * The session review of a 20-minute session with markers fits a 320 px phone in English and
 * Spanish, opened there and after the window narrows from a tablet's width (the charts were
 * sized for the wide window and must follow it down).
 */
describe('the session review at 320 px', () => {
  let server: DistServer;
  let browser: Browser;
  const seeded = syntheticSession(20 * 60, 5 * 60);

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const locale of ['en-US', 'es-MX']) {
    it(`does not scroll sideways (${locale})`, { timeout: 120_000 }, async () => {
      const context = await browser.newContext({ locale, viewport: { width: 320, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${server.url}#/patients`);
      await page.waitForSelector('resmo-app');
      await seedPageSession(page, seeded);
      await page.goto(`${server.url}#/sessions/${seeded.session.id}`);
      const charts = page.locator('resmo-session-readings resmo-elapsed-chart canvas');
      await charts.first().waitFor();
      await page.waitForTimeout(300);
      expect(await sideways(page)).toBe(0);

      await page.setViewportSize({ width: 1024, height: 800 });
      await page.waitForTimeout(500);
      await page.setViewportSize({ width: 320, height: 800 });
      await page.waitForTimeout(500);
      expect(await sideways(page)).toBe(0);
      const widest = await charts.evaluateAll((all) => Math.max(...all.map((c) => c.getBoundingClientRect().right)));
      expect(widest).toBeLessThanOrEqual(320);
      await context.close();
    });
  }
});
