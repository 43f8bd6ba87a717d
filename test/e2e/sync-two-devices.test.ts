import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSyncServer, type SyncServer } from '../../scripts/sync-server.mjs';
import { axeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { startWithConsent } from '../support/first-run';
import { importThroughUi } from '../support/import-through-ui';
import { sampleExport } from '../support/sample-export';
import { freePort, serveDist, type DistServer } from '../support/serve-dist';
import { serverDocuments, storeCounts, turnOnSyncThroughUi, waitUntilSynced } from '../support/sync-page';
import { PASSPHRASE, setUpEncryption } from '../support/vault-ui';
import type { ExportFile } from '../../src/shared/export-schema';

const FAKE_CAMERA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];
const SESSION_NOTE = 'Spoke about the custody hearing';
const MARKER_LABEL = 'mentioned the night shifts';
const PANEL = ['resmo-app', 'resmo-settings-view', 'resmo-sync-panel'];

/** Strings nobody else writes: finding one on the server can only mean a leak. */
function knownExport(): ExportFile {
  const file = sampleExport(13, 150);
  const patient = file.patients[0]!;
  patient.code = 'P-QX4SYNC';
  patient.name = 'Evangelina Syncronova';
  patient.notes = 'Lives with her brother in Coyoacán';
  patient.sessions[0]!.notes = SESSION_NOTE;
  patient.sessions[0]!.markers[0]!.label = MARKER_LABEL;
  return file;
}

function needles(file: ExportFile): Record<string, string> {
  const patient = file.patients[0]!;
  const second = patient.sessions[0]!.seconds.find((s) => s.length === 9)!;
  return {
    code: patient.code,
    name: patient.name,
    'patient notes': patient.notes,
    'session notes': SESSION_NOTE,
    'marker label': MARKER_LABEL,
    probabilities: JSON.stringify(second.slice(2)).slice(1, -1),
  };
}

async function recordFewSeconds(page: Page, base: string, patientId: string): Promise<void> {
  await page.goto(`${base}#/consultation`);
  const view = page.locator('resmo-consultation-view');
  await view.getByRole('button', { name: 'Start camera' }).click();
  const controls = view.locator('resmo-session-controls');
  await controls.locator('select[name="patient"]').selectOption(patientId);
  await startWithConsent(page, controls.locator('button.start'), controls.locator('button.stop'));
  await page.waitForTimeout(4_000);
  await controls.locator('button.stop').click();
  await controls.locator('button.start').waitFor();
}

describe('sync between two devices through the clinic server', () => {
  let app: DistServer;
  let server: SyncServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [app, server] = await Promise.all([serveDist(), freePort().then((port) => startSyncServer({ port }))]);
    browser = await launchChromium(FAKE_CAMERA);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await Promise.all([app?.close(), server?.close()]);
  });

  async function device(): Promise<Page> {
    // bypassCSP only lets the test inject axe-core; the CSP itself has its own test.
    const context = await browser.newContext({ locale: 'en-US', permissions: ['camera'], bypassCSP: true });
    contexts.push(context);
    return context.newPage();
  }

  it('a session recorded on A appears complete on B; the server holds only sealed records', async () => {
    const file = knownExport();
    const a = await device();
    await setUpEncryption(a, app.url);
    await a.goto(`${app.url}#/patients`);
    expect(await importThroughUi(a, 'known.json', JSON.stringify(file))).toBe('done');
    await recordFewSeconds(a, app.url, file.patients[0]!.id);
    await a.goto(`${app.url}#/settings`);
    await a.locator('resmo-sync-panel input[name="url"]').waitFor();
    expect(await axeViolations(a, PANEL)).toEqual([]);
    await turnOnSyncThroughUi(a, app.url, server);
    await waitUntilSynced(a);
    const onA = await storeCounts(a);
    expect(onA.sessions).toBe(3);

    const b = await device();
    await turnOnSyncThroughUi(b, app.url, server);
    const panel = b.locator('resmo-sync-panel');
    await panel.locator('input[name="passphrase"]').fill(PASSPHRASE);
    await panel.locator('button[type="submit"]').click();
    await waitUntilSynced(b);
    expect(await axeViolations(b, PANEL)).toEqual([]);
    await expect.poll(() => storeCounts(b), { timeout: 30_000 }).toEqual(onA);
    await b.goto(`${app.url}#/patients`);
    await b.locator('resmo-patients-view').getByText('P-QX4SYNC').waitFor();

    const docs = await serverDocuments(server);
    const text = JSON.stringify(docs);
    const leaked = Object.entries(needles(file)).filter(([, needle]) => text.includes(needle));
    expect(leaked).toEqual([]);
    const records = docs.filter((d) => !String(d._id).startsWith('_design/'));
    const fields = new Set(records.flatMap((d) => Object.keys(d)));
    expect([...fields].sort()).toEqual(
      ['_id', '_rev', 'ct', 'iv', 'kdf', 'kid', 'recovery', 'type', 'v', 'wrapped'].sort(),
    );
    const types = records.map((d) => d.type);
    expect(types.filter((t) => t === 'chunk')).toHaveLength(3 + 3 + 1);
    expect(types.filter((t) => t === 'keyring')).toHaveLength(1);

    // B keeps the list open: a patient added on A appears in it without a reload.
    const later = sampleExport(7, 30);
    later.patients[0]!.code = 'P-LATER1';
    await a.goto(`${app.url}#/patients`);
    expect(await importThroughUi(a, 'later.json', JSON.stringify(later))).toBe('done');
    await b.locator('resmo-patients-view').getByText('P-LATER1').waitFor({ timeout: 30_000 });
  });

  it('the server refuses a plaintext record, even from a member', async () => {
    const response = await fetch(`${server.url}/patient:plain`, {
      method: 'PUT',
      headers: { authorization: `Basic ${btoa(server.clinician.join(':'))}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'patient', code: 'P-PLAIN1', name: 'Ana', notes: 'plaintext' }),
    });
    expect(response.status).toBe(403);
    const docs = await serverDocuments(server);
    expect(docs.some((d) => d._id === 'patient:plain')).toBe(false);
  });
});
