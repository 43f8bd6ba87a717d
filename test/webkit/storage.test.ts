/**
 * The patient file in WebKit: create a patient, record a short session with WebKit's mock camera,
 * export it, delete the patient, import the file: the same records come back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../src/storage/schema';
import { storesWithRecords } from '../support/page-database';
import { secondsOfRows } from '../support/sample-rows';
import { serveDist, type DistServer } from '../support/serve-dist';
import { captureDownloads, click, deep, dump, importFile, lastDownload, skipWelcome, waitForText } from './support/app';
import { hasWebKit, startWebKit, type WebKit, type WebKitBrowser } from './support/webkit';

/** Sets a form control's value the way a choice by the user does, change event included. */
async function choose(browser: WebKitBrowser, selector: string, value: string): Promise<void> {
  const element = await deep(browser, selector);
  await element.waitForExist({ timeout: 20_000 });
  await browser.execute(
    (el, v) => {
      (el as unknown as HTMLInputElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    element,
    value,
  );
}

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

    await browser.url(`${server.url}#/consultation`);
    await waitForText(browser, 'h1', 'Consultation');
    await click(browser, 'resmo-consultation-view .controls button.source');
    await choose(browser, 'resmo-session-controls select[name="patient"]', patientId);
    await click(browser, 'resmo-session-controls button.start');
    // A new patient: the consent dialog asks first; a verbal consent dated today.
    await click(browser, 'resmo-consent-dialog button[type="submit"]');
    await browser.waitUntil(async () => secondsOfRows((await dump(browser)).samples).length >= 3, {
      timeout: 60_000,
      timeoutMsg: 'no seconds were recorded',
    });
    await click(browser, 'resmo-session-controls button.stop');
    await browser.waitUntil(async () => (await dump(browser)).sessions?.every((s) => (s as Session).endedAt !== null), {
      timeout: 20_000,
    });
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
