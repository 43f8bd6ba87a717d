/**
 * The production build in WebKit (Safari's engine): every screen in English and Spanish, and the
 * app again from the service worker's cache once the server is gone. SCREENSHOTS_DIR=docs/images
 * saves each screen there as webkit-<screen>-<language>.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { serveDist, type DistServer } from '../support/serve-dist';
import { sampleExport } from '../support/sample-export';
import { NAV, chooseLanguage, importFile, waitForServiceWorker, waitForText, skipWelcome } from './support/app';
import { hasWebKit, startWebKit, type WebKit, type WebKitBrowser } from './support/webkit';

const sample = sampleExport();
const patient = sample.patients[0];
const session = patient?.sessions[0];

/** Each screen, its address and its heading in each language. */
const SCREENS = [
  { name: 'consultation', hash: '#/consultation', heading: { en: 'Consultation', es: 'Consulta' } },
  { name: 'patients', hash: '#/patients', heading: { en: 'Patients', es: 'Pacientes' } },
  { name: 'patient', hash: `#/patients/${patient?.id}`, heading: { en: 'P-7K3F9Q', es: 'P-7K3F9Q' } },
  {
    name: 'review',
    hash: `#/sessions/${session?.id}`,
    heading: { en: 'Session report: P\u20117K3F9Q', es: 'Informe de sesión: P\u20117K3F9Q' },
  },
  { name: 'settings', hash: '#/settings', heading: { en: 'Settings', es: 'Configuración' } },
] as const;

async function screenshot(browser: WebKitBrowser, name: string): Promise<void> {
  const dir = process.env.SCREENSHOTS_DIR;
  if (dir === undefined) return;
  mkdirSync(dir, { recursive: true });
  await browser.saveScreenshot(join(dir, `webkit-${name}.png`));
}

describe.skipIf(!hasWebKit())('the app in WebKit', () => {
  let server: DistServer;
  let webkit: WebKit;
  let browser: WebKitBrowser;

  beforeAll(async () => {
    server = await serveDist();
    webkit = await startWebKit('en_US.UTF-8');
    browser = webkit.browser;
    await skipWelcome(browser, server.url);
    await browser.setWindowSize(1024, 800);
    await browser.url(`${server.url}#/patients`);
    await waitForText(browser, 'resmo-patients-view h1', 'Patients', 60_000);
    if ((await importFile(browser, 'sample.json', JSON.stringify(sample))) !== 'done') throw new Error('import failed');
  });

  afterAll(async () => {
    await webkit?.close();
    await server?.close();
  });

  it.each(['en', 'es'] as const)('renders every screen and reaches it from the menu in %s', async (locale) => {
    await chooseLanguage(browser, server.url, locale);
    for (const screen of SCREENS) {
      await browser.url(`${server.url}${screen.hash}`);
      await waitForText(browser, 'h1', screen.heading[locale]);
      await screenshot(browser, `${screen.name}-${locale}`);
    }
    for (const screen of SCREENS.filter((s) => !s.hash.includes('/', 2))) {
      await browser.url(`${server.url}#/consultation`);
      await browser.$(`>>>resmo-app nav a[href="${screen.hash}"]`).click();
      await waitForText(browser, 'h1', screen.heading[locale]);
    }
  });

  it('starts again from the service worker with the server stopped', async () => {
    await chooseLanguage(browser, server.url, 'en');
    await waitForServiceWorker(browser);
    await server.close();
    await browser.refresh();
    await waitForText(browser, 'resmo-app nav', NAV.en);
    await browser.$('>>>resmo-app nav a[href="#/settings"]').click();
    await waitForText(browser, 'h1', 'Settings');
    await browser.$('>>>resmo-app nav a[href="#/patients"]').click();
    await waitForText(browser, 'h1', 'Patients');
  });
});
