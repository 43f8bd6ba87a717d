import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import { confidentFaceVideo, type FaceVideo } from '../support/fake-camera';
import { hasFer2013 } from '../support/scenes';

const FAKE_CAMERA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];
const VIEW = 'resmo-consultation-view';
const ENGINE = { webgl: 'WebGL', webgpu: 'WebGPU' } as const;

/**
 * Reads the live view as a clinician would: the emotion, the line under it, notices; and the
 * engine in use, which Settings › Advanced shows (read here from the view's live session).
 */
function readView(page: Page) {
  return page.evaluate((view) => {
    const element = document.querySelector('resmo-app')?.shadowRoot?.querySelector(view);
    const root = element?.shadowRoot;
    const engine = (element as unknown as { live?: { worker?: { backend?: string | null } } } | null)?.live?.worker
      ?.backend;
    const bars = root?.querySelector('resmo-emotion-bars');
    const text = (el: Element | ShadowRoot | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return {
      emotion: text(bars?.shadowRoot?.querySelector('.dominant')),
      line: text(bars?.shadowRoot?.querySelector('.confidence')),
      stale: bars?.hasAttribute('stale') ?? false,
      strip: text(root?.querySelector('resmo-status-strip')?.shadowRoot),
      notices: text(root?.querySelector('.notice')),
      engine: engine ?? null,
    };
  }, VIEW);
}

/**
 * The GPU process crashes (DevTools protocol Browser.crashGpuProcess) while the worker analyses a
 * real face frame after frame on the chosen GPU backend, so a frame is in flight when the
 * context or device goes. The live view must say the reading is paused, never show it as live,
 * move to another engine and say so, and go on reading the face.
 */
describe.skipIf(!hasFer2013())('a lost GPU mid-frame, in Chromium', () => {
  let server: DistServer;
  let video: FaceVideo;

  beforeAll(async () => {
    video = await confidentFaceVideo('happy');
    server = await serveDist();
  });

  afterAll(async () => {
    await server?.close();
  });

  for (const backend of ['webgl', 'webgpu'] as const) {
    describe(ENGINE[backend], () => {
      let browser: Browser;

      beforeAll(async () => {
        browser = await launchChromium([
          ...FAKE_CAMERA,
          `--use-file-for-fake-video-capture=${video.path}`,
          '--enable-unsafe-webgpu',
        ]);
      });

      afterAll(async () => {
        await browser?.close();
      });

      it('pauses the reading, moves to another engine, says so and reads on', { timeout: 300_000 }, async () => {
        const context = await browser.newContext({ locale: 'en-US' });
        await context.grantPermissions(['camera'], { origin: server.url });
        await context.addInitScript(
          (b) => localStorage.setItem('resmo.preferences', JSON.stringify({ backend: b })),
          backend,
        );
        const page = await context.newPage();
        await page.goto(`${server.url}#/consultation`);
        await page.getByRole('button', { name: 'Start camera' }).click();
        await expect
          .poll(() => readView(page), { timeout: 120_000, interval: 250 })
          .toMatchObject({ emotion: 'Happiness', engine: backend });
        if (backend === 'webgpu') {
          // The page's own view of the adapter the worker is on (no GPU here: Chromium's software adapter).
          const adapter = await page.evaluate(async () => {
            type Info = { vendor?: string; architecture?: string; description?: string };
            const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<{ info?: Info } | null> } }).gpu;
            const found = await gpu?.requestAdapter();
            const info = found?.info;
            return found
              ? { vendor: info?.vendor, architecture: info?.architecture, description: info?.description }
              : null;
          });
          console.info(`WebGPU adapter: ${JSON.stringify(adapter)}`);
          expect(adapter).not.toBeNull();
        }
        // Frames go back to back on the GPU: let a few pass, so the crash lands on one in flight.
        await page.waitForTimeout(1_000);

        const cdp = await browser.newBrowserCDPSession();
        const lostAt = Date.now();
        await cdp.send('Browser.crashGpuProcess');
        const seen: Awaited<ReturnType<typeof readView>>[] = [];
        await expect
          .poll(
            async () => {
              const now = await readView(page);
              seen.push(now);
              return now.strip;
            },
            { timeout: 30_000, interval: 100 },
          )
          .toContain('Moved to another engine after a graphics error');
        const switchedMs = Date.now() - lostAt;
        console.info(`${ENGINE[backend]}: engine switch shown ${switchedMs} ms after the GPU process crashed`);
        expect(seen.at(-1)?.engine).not.toBe(backend);
        // Until the switch, every view showed either the live reading or "paused", never a frozen one as live.
        expect(seen.filter((v) => v.emotion && !v.stale && v.line.startsWith('Paused'))).toEqual([]);
        await expect
          .poll(() => readView(page), { timeout: 60_000, interval: 250 })
          .toMatchObject({ emotion: 'Happiness', stale: false });
        await context.close();
      });
    });
  }
});
