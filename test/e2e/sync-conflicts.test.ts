import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startSyncServer, type SyncServer } from '../../scripts/sync-server.mjs';
import { axeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { importThroughUi } from '../support/import-through-ui';
import { sampleExport } from '../support/sample-export';
import { freePort, serveDist, type DistServer } from '../support/serve-dist';
import { storeCounts, turnOnSyncThroughUi, waitUntilSynced } from '../support/sync-page';
import { PASSPHRASE, setUpEncryption } from '../support/vault-ui';

const file = sampleExport(31, 90);
const patientId = file.patients[0]!.id;

/** Opens the patient's page afresh (a hash change, so the records stay unlocked) and reads the card. */
async function card(page: Page): Promise<{ code: string; name: string; notes: string }> {
  await page.evaluate(() => (location.hash = '#/patients'));
  await page.evaluate((id) => (location.hash = `#/patients/${id}`), patientId);
  const view = page.locator('resmo-patient-page');
  await view.getByRole('button', { name: 'Edit patient' }).click();
  const dialog = view.locator('resmo-patient-dialog dialog');
  const value = (name: string) => dialog.locator(`[name="${name}"]`).inputValue();
  const read = { code: await value('code'), name: await value('name'), notes: await value('notes') };
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  return read;
}

async function editCard(page: Page, fields: Record<string, string>): Promise<void> {
  const view = page.locator('resmo-patient-page');
  await view.getByRole('button', { name: 'Edit patient' }).click();
  const dialog = view.locator('resmo-patient-dialog dialog');
  for (const [name, value] of Object.entries(fields)) await dialog.locator(`[name="${name}"]`).fill(value);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
}

/** The live (not deleted) leaves the server keeps of a document, straight from its HTTP API as the admin. */
async function serverLeaves(server: SyncServer, id: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${server.url}/${encodeURIComponent(id)}?open_revs=all`, {
    headers: { authorization: `Basic ${btoa(server.admin)}`, accept: 'application/json' },
  });
  const rows = (await response.json()) as { ok?: Record<string, unknown> }[];
  return rows.flatMap((row) => (row.ok && !row.ok._deleted ? [row.ok] : []));
}

describe('sync when two devices change the same record apart', () => {
  let app: DistServer;
  let server: SyncServer;
  let browser: Browser;
  let a: Page;
  let b: Page;

  beforeAll(async () => {
    [app, server] = await Promise.all([serveDist(), freePort().then((port) => startSyncServer({ port }))]);
    browser = await launchChromium();
    a = await (await browser.newContext({ locale: 'en-US', bypassCSP: true })).newPage();
    b = await (await browser.newContext({ locale: 'en-US', bypassCSP: true })).newPage();
    await setUpEncryption(a, app.url);
    await a.goto(`${app.url}#/patients`);
    expect(await importThroughUi(a, 'card.json', JSON.stringify(file))).toBe('done');
    await turnOnSyncThroughUi(a, app.url, server);
    await waitUntilSynced(a);
    await turnOnSyncThroughUi(b, app.url, server);
    await b.locator('resmo-sync-panel input[name="passphrase"]').fill(PASSPHRASE);
    await b.locator('resmo-sync-panel button[type="submit"]').click();
    await waitUntilSynced(b);
    const onA = JSON.stringify(await storeCounts(a));
    for (let i = 0; i < 60 && JSON.stringify(await storeCounts(b)) !== onA; i++) await b.waitForTimeout(500);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([app?.close(), server?.close()]);
  });

  it('a card changed on both while offline merges field by field, keeps both notes, and is the same on both', async () => {
    expect(await storeCounts(b)).toEqual(await storeCounts(a));
    for (const page of [a, b]) await card(page);
    await a.context().setOffline(true);
    await b.context().setOffline(true);
    await editCard(a, { name: 'Name set on A', notes: 'Note written on A.' });
    await editCard(b, { code: 'P-BDEV12', notes: 'Note written on B.' });
    await a.context().setOffline(false);
    await b.context().setOffline(false);

    const merged = { code: 'P-BDEV12', name: 'Name set on A', notes: 'Note written on A.\n\nNote written on B.' };
    await expect.poll(() => card(a), { timeout: 90_000, interval: 1_000 }).toEqual(merged);
    await expect.poll(() => card(b), { timeout: 90_000, interval: 1_000 }).toEqual(merged);
    // CouchDB's winner carries the merge and the other leaf is gone, on the server too.
    await expect
      .poll(async () => (await serverLeaves(server, `patient:${patientId}`)).length, { timeout: 60_000 })
      .toBe(1);
    // The device that merged the notes says so in Settings, in plain words (axe-clean).
    const notices: string[] = [];
    for (const page of [a, b]) {
      await page.evaluate(() => (location.hash = '#/settings'));
      const notice = page.locator('resmo-sync-panel .notes-joined');
      if (await notice.count()) {
        notices.push((await notice.textContent()) ?? '');
        expect(await axeViolations(page, ['resmo-app', 'resmo-settings-view', 'resmo-sync-panel'])).toEqual([]);
      }
    }
    expect(notices.join(' ')).toContain('Both texts were kept');
  });

  it('the server refuses a deleted record that carries fields', async () => {
    const response = await fetch(`${server.url}/patient:gone`, {
      method: 'PUT',
      headers: { authorization: `Basic ${btoa(server.clinician.join(':'))}`, 'content-type': 'application/json' },
      body: JSON.stringify({ _deleted: true, type: 'patient', name: 'Ana', notes: 'plaintext' }),
    });
    expect(response.status).toBe(403);
  });
});
