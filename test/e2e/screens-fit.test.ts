import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import {
  LOCALES,
  SCREENS,
  WIDTHS,
  axeViolations,
  clinicPatient,
  openScreen,
  overflow,
  seedApp,
} from '../support/screens';

/**
 * Every screen, in English and Spanish, at a small phone's, a phone's and a tablet's width:
 * nothing scrolls sideways, and axe-core finds no accessibility violation.
 */
describe('every screen fits and passes axe', () => {
  let server: DistServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Rows the header's navigation links take (one: the three side by side, also on a phone). */
  const navRows = (page: Page): Promise<number> =>
    page
      .locator('resmo-app header nav a')
      .evaluateAll((links) => new Set(links.map((a) => Math.round(a.getBoundingClientRect().top))).size);

  for (const [short, locale] of LOCALES) {
    it(`in ${short}`, { timeout: 600_000 }, async () => {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      const seeded = clinicPatient();
      await seedApp(page, server.url, seeded);
      const wide: string[] = [];
      const wrapped: string[] = [];
      const violations: string[] = [];
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        for (const screen of SCREENS) {
          await openScreen(page, server.url, screen, seeded);
          const extra = await overflow(page);
          if (extra > 0) wide.push(`${screen.name} at ${width} px: ${extra} px too wide`);
          const rows = await navRows(page);
          if (rows !== 1) wrapped.push(`${screen.name} at ${width} px: navigation on ${rows} rows`);
          for (const v of await axeViolations(page))
            violations.push(`${screen.name} at ${width} px: ${v.id} ${v.targets.join(' ')}`);
        }
      }
      await context.close();
      expect(wide).toEqual([]);
      expect(wrapped).toEqual([]);
      expect(violations).toEqual([]);
    });
  }
});
