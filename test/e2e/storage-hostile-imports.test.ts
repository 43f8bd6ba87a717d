import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import { dumpPageDatabase } from '../support/page-database';
import { importThroughUi } from '../support/import-through-ui';
import { sampleExport } from '../support/sample-export';
import { hostileImports } from '../support/hostile-imports';

/** 200 malformed or hostile files chosen in the real import input: all refused, database untouched. */
describe('hostile imports in Chromium', () => {
  let server: DistServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await page.goto(`${server.url}#/patients`);
    await page.locator('resmo-patients-view h1').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses all 200 and the database dump after equals the dump before', async () => {
    const base = sampleExport();
    expect(await importThroughUi(page, 'seed.json', JSON.stringify(base))).toBe('done');
    const before = await dumpPageDatabase(page);
    const cases = hostileImports(base);
    expect(cases).toHaveLength(200);
    const accepted: string[] = [];
    for (const [i, c] of cases.entries()) {
      if ((await importThroughUi(page, `hostile-${i}.json`, c.content)) !== 'failed') accepted.push(c.name);
    }
    expect(accepted).toEqual([]);
    expect(await dumpPageDatabase(page)).toEqual(before);
    await expect.poll(() => page.locator('resmo-patients-view li[data-patient-id]').count()).toBe(1);
  });
});
