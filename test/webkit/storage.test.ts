/**
 * The patient file in WebKit: create a patient, record a short session with WebKit's mock camera,
 * export it, delete the patient, import the file: the same records come back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storesWithRecords } from '../support/page-database';
import { serveDist, type DistServer } from '../support/serve-dist';
import {
  captureDownloads,
  choose,
  click,
  dump,
  recordSeconds,
  importFile,
  lastDownload,
  skipWelcome,
  waitForText,
} from './support/app';
import { hasWebKit, startWebKit, type WebKit, type WebKitBrowser } from './support/webkit';

describe.skipIf(!hasWebKit())('patient file in WebKit', () => {
  let server: DistServer;
  let webkit: WebKit;
  let browser: WebKitBrowser;

  beforeAll(async () => {
    server = await serveDist();
    webkit = await startWebKit('en_US.UTF-8');
    browser = webkit.browser;
    await skipWelcome(browser, server.url);
  });

  afterAll(async () => {
    await webkit?.close();
    await server?.close();
  });

  it('records, exports, deletes and imports a patient with the same data back', async () => {
    await browser.url(`${server.url}#/patients`);
    await waitForText(browser, 'h1', 'Patients', 60_000);
    await click(browser, 'resmo-patients-view button.primary');
    await choose(browser, 'resmo-patient-dialog input[name="name"]', 'Ana Prueba');
    await click(browser, 'resmo-patient-dialog button[type="submit"]');
    await browser.waitUntil(async () => (await dump(browser)).patients?.length === 1, { timeout: 20_000 });
    const patientId = String(((await dump(browser)).patients?.[0] as { id: string }).id);

    await recordSeconds(browser, server.url, patientId, 3);
    const before = await dump(browser);

    await browser.url(`${server.url}#/patients/${patientId}`);
    await captureDownloads(browser);
    await click(browser, 'resmo-patient-page resmo-export-buttons button:not(.sealed)');
    await browser.waitUntil(async () => (await lastDownload(browser)) !== null, { timeout: 20_000 });
    const exported = await lastDownload(browser);
    expect(exported?.name).toMatch(/^resmo-.*\.json$/);

    await browser.url(`${server.url}#/patients`);
    await click(browser, `resmo-patients-view li[data-patient-id="${patientId}"] button.danger`);
    await click(browser, 'resmo-patients-view resmo-confirm-dialog button[value="confirm"]');
    await browser.waitUntil(async () => (await dump(browser)).patients?.length === 0, { timeout: 20_000 });
    expect(storesWithRecords(await dump(browser))).toEqual({});

    expect(await importFile(browser, exported?.name ?? 'export.json', exported?.text ?? '')).toBe('done');
    expect(await dump(browser)).toEqual(before);
  });
});
