import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import { precacheManifest } from '../support/dist';

/**
 * The promise of a PWA: after one visit the app, its worker and its model come from the
 * service worker's cache, and nothing is requested from any other origin.
 */
describe('installed app, offline', () => {
  let server: DistServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium();
    context = await browser.newContext();
    context.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(server.url) && !/^(data|blob):/.test(url)) foreignRequests.push(url);
    });
    page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders and navigates after a reload with no network at all', async () => {
    await server.close();
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.locator('resmo-app nav a').count(), { timeout: 15_000 }).toBe(3);
    await page.locator('resmo-app nav a[href="#/settings"]').click();
    await expect.poll(() => page.locator('resmo-settings-view h1').textContent(), { timeout: 10_000 }).toBeTruthy();
    await page.locator('resmo-app nav a[href="#/patients"]').click();
    await expect.poll(() => page.locator('resmo-patients-view').count(), { timeout: 10_000 }).toBe(1);
    await page.locator('resmo-app nav a[href="#/consultation"]').click();
    await expect.poll(() => page.getByRole('button', { name: 'Start camera' }).count(), { timeout: 10_000 }).toBe(1);
  });

  it('serves every precached file, model included, from the cache while offline', async () => {
    const urls = precacheManifest().map((entry) => entry.url);
    const failures = await page.evaluate(async (list) => {
      const bad: string[] = [];
      for (const url of list) {
        const response = await fetch(`/${url}`).catch(() => null);
        if (!response?.ok) bad.push(url);
      }
      return bad;
    }, urls);
    expect(urls.some((url) => url.startsWith('models/resmonet/'))).toBe(true);
    expect(failures).toEqual([]);
  });

  it('made no request to any other origin', () => {
    expect(foreignRequests).toEqual([]);
  });
});
