/**
 * The video-call source where it cannot work, in real Chromium: with `getDisplayMedia` removed (as
 * on phones and tablets), choosing "In a video call" says so in plain words and suggests the
 * tablet's camera or a desktop browser, and nothing can be shared. Where it works, the picker
 * offers sharing. Both in English and Spanish, with axe-core at 0 violations, at 320 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { axeViolations } from '../support/screens';
import { serveDist, type DistServer } from '../support/serve-dist';

const TEXT = {
  en: { option: 'In a video call', share: 'Share the call window', cannot: 'This browser cannot read a call window' },
  es: {
    option: 'En una videollamada',
    share: 'Compartir la ventana de la llamada',
    cannot: 'Este navegador no puede leer la ventana de una llamada',
  },
};

describe('video call where the browser cannot share a window', () => {
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

  for (const lang of ['en', 'es'] as const) {
    for (const supported of [false, true]) {
      it(`${lang}: ${supported ? 'offers sharing' : 'says it cannot and suggests the camera'}`, async () => {
        const context = await browser.newContext({
          locale: lang === 'en' ? 'en-US' : 'es-MX',
          viewport: { width: 320, height: 800 },
        });
        await context.addInitScript(
          ([l, remove]) => {
            localStorage.setItem('resmo.locale', l);
            if (remove) delete (MediaDevices.prototype as { getDisplayMedia?: unknown }).getDisplayMedia;
          },
          [lang, !supported] as const,
        );
        const page = await context.newPage();
        await page.goto(`${server.url}#/consultation`);
        await page.getByLabel(TEXT[lang].option).check();
        const share = page.getByRole('button', { name: TEXT[lang].share });
        const notice = page.getByRole('alert').filter({ hasText: TEXT[lang].cannot });
        if (supported) {
          expect(await share.isEnabled()).toBe(true);
          expect(await notice.count()).toBe(0);
        } else {
          await expect.poll(() => notice.count()).toBe(1);
          expect(await notice.textContent()).toMatch(lang === 'en' ? /tablet's camera/ : /cámara de esta tableta/);
          expect(await share.isDisabled()).toBe(true);
        }
        expect(await axeViolations(page)).toEqual([]);
        await context.close();
      });
    }
  }
});
