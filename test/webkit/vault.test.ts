/**
 * Encryption at rest in WebKit: turn it on over a stored patient, every record sealed, lock, a
 * wrong passphrase refused, unlock, the records readable again; a sealed export opens on import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleExport } from '../support/sample-export';
import { secondsOfRows } from '../support/sample-rows';
import { serveDist, type DistServer } from '../support/serve-dist';
import { PASSPHRASE } from '../support/vault-ui';
import {
  captureDownloads,
  click,
  deep,
  deepText,
  dump,
  fill,
  importFile,
  lastDownload,
  skipWelcome,
  waitForText,
} from './support/app';
import { hasWebKit, startWebKit, type WebKit, type WebKitBrowser } from './support/webkit';

const FILE_PASSPHRASE = 'for doctor ruiz only';
const RECORD_STORES = ['patients', 'sessions', 'samples', 'markers'];

async function unlock(browser: WebKitBrowser, passphrase: string): Promise<void> {
  await fill(browser, 'resmo-lock-screen input[name="passphrase"]', passphrase);
  await click(browser, 'resmo-lock-screen button.primary');
}

describe.skipIf(!hasWebKit())('encryption in WebKit', () => {
  let server: DistServer;
  let webkit: WebKit;
  let browser: WebKitBrowser;

  beforeAll(async () => {
    server = await serveDist();
    webkit = await startWebKit('en_US.UTF-8');
    browser = webkit.browser;
    // Encryption is turned on over data stored before it, from Settings (the first-run welcome, which sets it
    // up before any data, is tested in Chromium).
    await skipWelcome(browser, server.url);
  });

  afterAll(async () => {
    await webkit?.close();
    await server?.close();
  });

  it('seals the records, locks, refuses a wrong passphrase, unlocks, and exports sealed', async () => {
    const seed = sampleExport(23);
    const patient = seed.patients[0]!;
    patient.code = 'P-WEBKIT7';
    patient.name = 'Rosario Safari';
    await browser.url(`${server.url}#/patients`);
    await waitForText(browser, 'h1', 'Patients', 60_000);
    // WebKit enforces the policy's Trusted Types too: a string handed to innerHTML is refused.
    const refused = await browser.execute(() => {
      try {
        document.createElement('div').innerHTML = '<img src="x">';
        return '';
      } catch (error) {
        return String(error);
      }
    });
    expect(refused).toMatch(/TypeError.*TrustedHTML/);
    expect(await importFile(browser, 'seed.json', JSON.stringify(seed))).toBe('done');
    const plain = await dump(browser);
    expect(secondsOfRows(plain.samples)).toHaveLength(patient.sessions.reduce((n, s) => n + s.seconds.length, 0));

    await browser.url(`${server.url}#/settings`);
    await fill(browser, 'resmo-vault-setup input[name="passphrase"]', PASSPHRASE);
    await fill(browser, 'resmo-vault-setup input[name="repeat"]', PASSPHRASE);
    await click(browser, 'resmo-vault-setup input[name="understood"]');
    await click(browser, 'resmo-vault-setup button.primary');
    await deep(browser, 'resmo-vault-setup ol.words li').waitForExist({ timeout: 90_000 });
    expect(await browser.$$('>>>resmo-vault-setup ol.words li').length).toBe(12);
    await click(browser, 'resmo-vault-setup button.primary');

    const stored = await dump(browser);
    for (const store of RECORD_STORES) expect(stored[store]!.every((row) => 'ct' in (row as object))).toBe(true);
    // Sealed, a minute block is one envelope: as many as the plain rows.
    expect(stored.samples).toHaveLength(plain.samples!.length);
    const raw = JSON.stringify(stored);
    expect(raw).not.toContain(patient.code);
    expect(raw).not.toContain(patient.name);

    await click(browser, 'resmo-app button.lock');
    await deep(browser, 'resmo-lock-screen').waitForExist({ timeout: 20_000 });
    await browser.url(`${server.url}#/patients`);
    await deep(browser, 'resmo-lock-screen').waitForExist({ timeout: 60_000 });
    expect(await deepText(browser, 'resmo-app main')).not.toContain(patient.code);

    await unlock(browser, 'not the passphrase at all');
    await waitForText(browser, 'resmo-lock-screen [role="alert"]', /does not open the records/, 60_000);
    await unlock(browser, PASSPHRASE);
    await deep(browser, 'resmo-lock-screen').waitForExist({ reverse: true, timeout: 60_000 });
    await waitForText(browser, 'resmo-patients-view ul', new RegExp(patient.code));

    await browser.url(`${server.url}#/patients/${patient.id}`);
    await captureDownloads(browser);
    await click(browser, 'resmo-patient-page resmo-export-buttons button.sealed');
    await fill(browser, 'resmo-seal-form input[name="passphrase"]', FILE_PASSPHRASE);
    await fill(browser, 'resmo-seal-form input[name="repeat"]', FILE_PASSPHRASE);
    await click(browser, 'resmo-seal-form button.primary');
    await browser.waitUntil(async () => (await lastDownload(browser)) !== null, { timeout: 90_000 });
    const sealed = (await lastDownload(browser))!;
    expect(sealed.name).toMatch(/\.sealed\.json$/);
    expect(sealed.text).not.toContain(patient.code);

    await browser.url(`${server.url}#/patients`);
    await click(browser, `resmo-patients-view li[data-patient-id="${patient.id}"] button.danger`);
    await click(browser, 'resmo-patients-view resmo-confirm-dialog button[value="confirm"]');
    await browser.waitUntil(async () => (await dump(browser)).patients?.length === 0, { timeout: 20_000 });
    expect(await importFile(browser, sealed.name, sealed.text)).toBe('failed');
    await fill(browser, 'resmo-import-button form.sealed input[name="passphrase"]', FILE_PASSPHRASE);
    await click(browser, 'resmo-import-button form.sealed button[type="submit"]');
    await waitForText(browser, 'resmo-patients-view ul', new RegExp(patient.code), 90_000);
    expect((await dump(browser)).samples).toHaveLength(stored.samples!.length);
  }, 600_000);
});
