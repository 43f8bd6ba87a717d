import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import { confidentFaceVideo, type FaceVideo } from '../support/fake-camera';
import { hasFer2013 } from '../support/scenes';
import { setUpEncryption, unlockThroughUi } from '../support/vault-ui';

const FAKE_CAMERA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

interface Violation {
  directive: string;
  blocked: string;
  /** Where it happened, so a failure names the line to fix. */
  where: string;
}

declare global {
  interface Window {
    cspViolations?: Violation[];
    injectedRan?: boolean;
  }
}

/** Records every violation the page sees (init scripts run before the app, outside the policy). */
function collectViolations(): void {
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) =>
    window.cspViolations?.push({
      directive: event.effectiveDirective,
      blocked: event.blockedURI,
      where: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${event.sample}`,
    }),
  );
}

const violations = (page: Page): Promise<Violation[]> => page.evaluate(() => window.cspViolations ?? []);

/**
 * Serves the app's page with an inline script written into its HTML, as a tampered response would
 * carry it (parsed, not set through a DOM sink, so Trusted Types do not see it: script-src must).
 */
async function openWithInlineScript(page: Page, url: string): Promise<boolean> {
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('</body>', '<script>window.injectedRan = true;</script></body>');
    await route.fulfill({ response, body });
  });
  await page.goto(url);
  return page.evaluate(() => window.injectedRan === true);
}

/** Hands strings to sinks that Trusted Types guard; returns the errors the browser threw. */
function injectIntoSinks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const errors: string[] = [];
    const attempt = (work: () => void): void => {
      try {
        work();
      } catch (error) {
        errors.push(error instanceof Error ? error.name : String(error));
      }
    };
    attempt(() => (document.createElement('div').innerHTML = '<img src="x" onerror="window.injectedRan = true">'));
    attempt(() => new Worker('data:text/javascript,window.injectedRan=true'));
    attempt(() => document.createElement('script').setAttribute('src', 'data:text/javascript,window.injectedRan=true'));
    return errors;
  });
}

/** The built app under its Content-Security-Policy: everything works, an injected script does not. */
describe.skipIf(!hasFer2013())('Content-Security-Policy', () => {
  let server: DistServer;
  let browser: Browser;
  let context: BrowserContext;
  let video: FaceVideo;
  const reports: string[] = [];

  beforeAll(async () => {
    video = await confidentFaceVideo('happy');
    server = await serveDist();
    browser = await launchChromium([...FAKE_CAMERA, `--use-file-for-fake-video-capture=${video.path}`]);
    context = await browser.newContext({ locale: 'en-US' });
    await context.grantPermissions(['camera'], { origin: server.url });
    await context.addInitScript(collectViolations);
    context.on('request', (request) => {
      if (request.url().endsWith('/csp-report')) reports.push(request.postData() ?? '');
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('blocks an injected inline script and reports it', async () => {
    const page = await context.newPage();
    expect(await openWithInlineScript(page, server.url)).toBe(false);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain(
      "object-src 'none'",
    );
    expect(await violations(page)).toContainEqual(
      expect.objectContaining({ directive: 'script-src-elem', blocked: 'inline' }),
    );
    await expect.poll(() => reports.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(reports.join()).toContain('script-src-elem');
    await page.close();
  });

  it('refuses strings handed to script sinks (Trusted Types) and reports them', async () => {
    const page = await context.newPage();
    const response = await page.goto(server.url);
    expect(response?.headers()['content-security-policy']).toContain("require-trusted-types-for 'script'");
    await page.locator('resmo-app').waitFor();
    const before = reports.length;
    expect(await injectIntoSinks(page)).toEqual(['TypeError', 'TypeError', 'TypeError']);
    expect(await page.evaluate(() => window.injectedRan)).toBeUndefined();
    const trustedTypes = (await violations(page)).filter((v) => v.directive === 'require-trusted-types-for');
    // Each once per policy that requires it: the <meta> tag's and the header's.
    expect([...new Set(trustedTypes.map((v) => v.where))]).toEqual([
      expect.stringContaining('Element innerHTML'),
      expect.stringContaining('Worker constructor'),
      expect.stringContaining('HTMLScriptElement src'),
    ]);
    await expect.poll(() => reports.length - before, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(reports.slice(before).join()).toContain('require-trusted-types-for');
    await page.close();
  });

  it('runs offline under the policy: storage, encryption, camera and model, with no violation', async () => {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    await setUpEncryption(page, server.url);
    await server.close();
    await context.setOffline(true);
    await page.reload();
    await unlockThroughUi(page);
    await page.goto(`${server.url}#/consultation`);
    await page.getByRole('button', { name: 'Start camera' }).click();
    const view = page.locator('resmo-consultation-view');
    await expect
      .poll(() => view.locator('[role="status"][aria-live="polite"]').textContent(), { timeout: 90_000 })
      .toContain('Happiness');
    const widest = await view
      .locator('resmo-emotion-bars .fill')
      .evaluateAll((fills) => Math.max(...fills.map((f) => f.getBoundingClientRect().width)));
    expect(widest).toBeGreaterThan(10);
    expect(await violations(page)).toEqual([]);
  }, 180_000);
});
