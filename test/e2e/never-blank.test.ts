/**
 * One odd language tag must never blank a clinical app: browsers pass POSIX locales through
 * (WebKitGTK reports `C` on a machine set to C.UTF-8), and uPlot formats with navigator.language
 * as its module loads. And if the app's modules fail to start at all, the page says so in words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';

async function pageReporting(browser: Browser, tag: string): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript((language) => {
    Object.defineProperty(Navigator.prototype, 'language', { configurable: true, get: () => language });
    Object.defineProperty(Navigator.prototype, 'languages', { configurable: true, get: () => [language] });
  }, tag);
  return page;
}

describe('never a blank page', () => {
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

  it.each(['C', 'POSIX', '', 'C.UTF-8', 'en_US.UTF-8', 'es_MX', 'x!', '12'])(
    'starts when the browser reports the language tag "%s"',
    async (tag) => {
      const page = await pageReporting(browser, tag);
      await page.goto(`${server.url}#/patients`);
      await expect.poll(() => page.locator('resmo-app nav a').count(), { timeout: 15_000 }).toBe(3);
      await expect.poll(() => page.locator('resmo-patients-view h1').textContent()).toBeTruthy();
      const language = await page.evaluate(() => navigator.language);
      expect(() => new Intl.NumberFormat(language)).not.toThrow();
      await page.close();
    },
  );

  it('follows a POSIX Spanish locale into Spanish', async () => {
    const page = await pageReporting(browser, 'es_MX.UTF-8');
    await page.goto(`${server.url}#/patients`);
    await expect.poll(() => page.locator('resmo-patients-view h1').textContent()).toBe('Pacientes');
    await page.close();
  });

  it('says in English and Spanish that it could not start when a module fails', async () => {
    const page = await browser.newPage();
    const entry = /src="\/(assets\/index-[^"]+\.js)"/.exec(await (await fetch(server.url)).text())?.[1];
    await page.route('**/assets/*.js', (route) =>
      route.request().url().endsWith(`/${entry}`)
        ? route.continue()
        : route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("broken module");' }),
    );
    await page.goto(server.url);
    const message = page.locator('#start-failure');
    await expect.poll(() => message.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await message.locator('p[lang="en"]').textContent()).toContain('Resmo could not start');
    expect(await message.locator('p[lang="es-MX"]').textContent()).toContain('Resmo no pudo iniciar');
    await page.close();
  });
});
