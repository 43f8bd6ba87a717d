import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import { confidentFaceVideo } from '../support/fake-camera';
import { hasFer2013 } from '../support/scenes';
import { BACKEND_CHOICE_KEY } from '../../src/platform/backend-choice';

const FAKE_CAMERA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

async function startAndSeeAFace(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start camera' }).click();
  await page.locator('resmo-consultation-view resmo-face-overlay rect').first().waitFor({ timeout: 90_000 });
}

/**
 * The WASM builds and the backends other than WASM are not precached: the service worker keeps
 * the one WASM build the device runs when it installs. After one visit, with the network gone and
 * the backend choice forgotten, the model still runs and reads a face.
 */
describe.skipIf(!hasFer2013())('the model offline after the first visit', () => {
  let server: DistServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const video = await confidentFaceVideo('happy');
    server = await serveDist();
    browser = await launchChromium([...FAKE_CAMERA, `--use-file-for-fake-video-capture=${video.path}`]);
    context = await browser.newContext({ locale: 'en-US' });
    await context.grantPermissions(['camera'], { origin: server.url });
    page = await context.newPage();
    await page.goto(`${server.url}#/consultation`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps exactly one WASM build, the one this device runs, beside the precache', async () => {
    const kept = await page.evaluate(async () => {
      const cache = await caches.open('resmo-on-first-use');
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/^\/assets\/tfjs-backend-wasm-simd-[\w-]+\.wasm$/);
  });

  it('reads a face with no network at all, choosing its backend afresh', async () => {
    await server.close();
    await context.setOffline(true);
    await page.evaluate((key) => localStorage.removeItem(key), BACKEND_CHOICE_KEY);
    await page.reload();
    await startAndSeeAFace(page);
    // The engine in use (shown in Settings › Advanced), read from the consultation's live session.
    const engine = () =>
      page.evaluate(() => {
        const view = document.querySelector('resmo-app')?.shadowRoot?.querySelector('resmo-consultation-view');
        return (view as unknown as { live?: { worker?: { backend?: string | null } } } | null)?.live?.worker?.backend;
      });
    await expect.poll(engine).toBe('wasm');
    // Once the face is settled, its box refreshes go to a second worker (the same script, cached),
    // which loads the WASM build from the service worker's cache too.
    const detectorWorker = async () => {
      for (const worker of page.workers())
        if ((await worker.evaluate(() => self.name)) === 'resmo-detector')
          return worker.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm')));
      return false;
    };
    await expect.poll(detectorWorker, { timeout: 30_000 }).toBe(true);
  });
});
