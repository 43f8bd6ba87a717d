/**
 * A machine whose locale is `C.UTF-8` (Debian's default, and many CI machines') makes WebKitGTK
 * report `navigator.language === 'C'`, a tag every `Intl` constructor rejects with a RangeError.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDist, type DistServer } from '../support/serve-dist';
import { NAV, waitForText, skipWelcome } from './support/app';
import { hasWebKit, startWebKit, type WebKit } from './support/webkit';

describe.skipIf(!hasWebKit())('WebKit on a machine with the C locale', () => {
  let server: DistServer;
  let webkit: WebKit;

  beforeAll(async () => {
    server = await serveDist();
    webkit = await startWebKit('C.UTF-8');
    await skipWelcome(webkit.browser, server.url);
  });

  afterAll(async () => {
    await webkit?.close();
    await server?.close();
  });

  it('reports the tag C, which Intl rejects', async () => {
    await webkit.browser.url('about:blank');
    const reported = await webkit.browser.execute(() => {
      try {
        return [navigator.language, new Intl.NumberFormat(navigator.language).format(1)];
      } catch (error) {
        return [navigator.language, String(error)];
      }
    });
    expect(reported).toEqual(['C', expect.stringContaining('RangeError')]);
  });

  it('still shows the app, in English', async () => {
    const { browser } = webkit;
    await browser.url(`${server.url}#/consultation`);
    await waitForText(browser, 'resmo-app nav', NAV.en, 30_000);
    await waitForText(browser, 'h1', 'Consultation');
    expect(await browser.execute(() => [navigator.language, document.documentElement.lang])).toEqual(['en-US', 'en']);
    await browser.url(`${server.url}#/settings`);
    await waitForText(browser, 'h1', 'Settings');
  });
});
