import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startSyncServer, type SyncServer } from '../../scripts/sync-server.mjs';
import type { ExportFile } from '../../src/shared/export-schema';
import { launchChromium } from '../support/browser';
import { importThroughUi } from '../support/import-through-ui';
import { sampleExport } from '../support/sample-export';
import { freePort, serveDist, type DistServer } from '../support/serve-dist';
import { heldOf, serverLeaves, serverWireIds } from '../support/sync-held';
import { storeCounts, turnOnSyncThroughUi, waitUntilSynced } from '../support/sync-page';
import { PASSPHRASE, setUpEncryption } from '../support/vault-ui';

// Two patients: the first with two sessions of 150 s (three one-minute chunks each), the second with two of 90 s.
const first = sampleExport(41, 150);
const second: ExportFile = sampleExport(42, 90);
second.patients[0] = { ...second.patients[0]!, code: 'P-SECOND', name: 'Second Patient' };
const [p1, p2] = [first.patients[0]!, second.patients[0]!];

/** Every server id of a patient's records: the patient, its sessions, their markers and one-minute chunks. */
function wireIdsOf(patient: ExportFile['patients'][number], sessions = patient.sessions): string[] {
  return [
    ...(sessions === patient.sessions ? [`patient:${patient.id}`] : []),
    ...sessions.flatMap((s) => [
      `session:${s.id}`,
      ...s.markers.map((m) => `marker:${m.id}`),
      ...Array.from(
        { length: Math.ceil(s.seconds.length / 60) },
        (_, m) => `chunk:${s.id}:${String(m).padStart(4, '0')}`,
      ),
    ]),
  ];
}

/** The server keeps only tombstones (nothing but _id, _rev, _deleted) for every one of these ids. */
async function expectOnlyTombstones(server: SyncServer, ids: string[]): Promise<void> {
  const live = await serverWireIds(server);
  expect(ids.filter((id) => live.includes(id))).toEqual([]);
  for (const id of ids) {
    const leaves = await serverLeaves(server, id);
    expect(leaves.length, id).toBeGreaterThan(0);
    for (const leaf of leaves) expect(Object.keys(leaf).sort(), id).toEqual(['_deleted', '_id', '_rev']);
  }
}

async function openPatient(page: Page, id: string): Promise<void> {
  await page.evaluate(() => (location.hash = '#/patients'));
  await page.evaluate((patientId) => (location.hash = `#/patients/${patientId}`), id);
}

async function deletePatientThroughUi(page: Page, code: string): Promise<void> {
  await page.evaluate(() => (location.hash = '#/settings'));
  await page.evaluate(() => (location.hash = '#/patients'));
  const view = page.locator('resmo-patients-view');
  await view.getByRole('button', { name: `Delete ${code}` }).click();
  await view.locator('resmo-confirm-dialog').getByRole('button', { name: 'Delete patient' }).click();
  await view.getByRole('button', { name: `Delete ${code}` }).waitFor({ state: 'detached' });
}

describe('sync of deletions between two devices', () => {
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
    expect(await importThroughUi(a, 'first.json', JSON.stringify(first))).toBe('done');
    expect(await importThroughUi(a, 'second.json', JSON.stringify(second))).toBe('done');
    await turnOnSyncThroughUi(a, app.url, server);
    await waitUntilSynced(a);
    await turnOnSyncThroughUi(b, app.url, server);
    await b.locator('resmo-sync-panel input[name="passphrase"]').fill(PASSPHRASE);
    await b.locator('resmo-sync-panel button[type="submit"]').click();
    await waitUntilSynced(b);
    const onA = JSON.stringify(await storeCounts(a));
    for (let i = 0; i < 120 && JSON.stringify(await storeCounts(b)) !== onA; i++) await b.waitForTimeout(500);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([app?.close(), server?.close()]);
  });

  it('a session deleted on A is gone on B with its seconds and markers; the server keeps only tombstones', async () => {
    expect(await storeCounts(b)).toEqual(await storeCounts(a));
    const before = await heldOf(a, p1);
    expect(before).toMatchObject({ patients: 1, sessions: 2, markers: 4 });
    expect(await heldOf(b, p1)).toEqual(before);
    await openPatient(a, p1.id);
    await a
      .locator('resmo-patient-page')
      .getByRole('button', { name: /^Delete the session of/ })
      .first()
      .click();
    await a.locator('resmo-patient-page resmo-confirm-dialog').getByRole('button', { name: 'Delete session' }).click();
    await expect.poll(async () => (await heldOf(a, p1)).sessions).toBe(1);
    const deleted: typeof p1.sessions = [];
    for (const s of p1.sessions) if ((await heldOf(a, { ...p1, sessions: [s] })).sessions === 0) deleted.push(s);
    expect(deleted).toHaveLength(1);

    await expect
      .poll(async () => (await serverWireIds(server)).filter((id) => wireIdsOf(p1, deleted).includes(id)), {
        timeout: 180_000,
      })
      .toEqual([]);
    await expect.poll(() => heldOf(b, p1), { timeout: 180_000, interval: 1_000 }).toEqual(await heldOf(a, p1));
    await expect
      .poll(() => heldOf(b, { ...p1, sessions: deleted }).then((h) => h.samples + h.sessions + h.markers))
      .toBe(0);
    await expectOnlyTombstones(server, wireIdsOf(p1, deleted));
    // Still so once A has caught up again (A's own outbox keeps no live leaf that would bring it back).
    await a.evaluate(() => (location.hash = '#/settings'));
    await waitUntilSynced(a);
    expect((await heldOf(a, p1)).sessions).toBe(1);
    await expectOnlyTombstones(server, wireIdsOf(p1, deleted));
  }, 600_000);

  it('a patient deleted on A is gone on B with everything of theirs; the server keeps only tombstones', async () => {
    await deletePatientThroughUi(a, p1.code);
    const none = { patients: 0, sessions: 0, samples: 0, markers: 0 };
    expect(await heldOf(a, p1)).toEqual(none);
    await expect.poll(() => heldOf(b, p1), { timeout: 180_000, interval: 1_000 }).toEqual(none);
    await expect
      .poll(async () => (await serverWireIds(server)).filter((id) => wireIdsOf(p1).includes(id)), {
        timeout: 180_000,
      })
      .toEqual([]);
    await expectOnlyTombstones(server, wireIdsOf(p1));
    expect(await heldOf(b, p2)).toEqual(await heldOf(a, p2));
    expect(await heldOf(b, p2)).toMatchObject({ patients: 1, sessions: 2, markers: 4 });
  }, 600_000);

  it('a patient deleted on A while B edited their card offline is deleted on both (deletion wins)', async () => {
    await a.context().setOffline(true);
    await b.context().setOffline(true);
    await deletePatientThroughUi(a, p2.code);
    await openPatient(b, p2.id);
    const view = b.locator('resmo-patient-page');
    await view.getByRole('button', { name: 'Edit patient' }).click();
    const dialog = view.locator('resmo-patient-dialog dialog');
    await dialog.locator('[name="notes"]').fill('Edited on B while A deleted the patient.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    await b.waitForTimeout(5_000); // B's edit reaches its outbox while offline
    await a.context().setOffline(false);
    await b.context().setOffline(false);

    const none = { patients: 0, sessions: 0, samples: 0, markers: 0 };
    await expect.poll(() => heldOf(b, p2), { timeout: 180_000, interval: 1_000 }).toEqual(none);
    await expect.poll(() => heldOf(a, p2), { timeout: 180_000, interval: 1_000 }).toEqual(none);
    await expect
      .poll(async () => (await serverWireIds(server)).filter((id) => wireIdsOf(p2).includes(id)), {
        timeout: 180_000,
      })
      .toEqual([]);
    await expectOnlyTombstones(server, wireIdsOf(p2));
    // B's edit did reach the server (a second leaf) and was deleted there too.
    expect((await serverLeaves(server, `patient:${p2.id}`)).length).toBeGreaterThanOrEqual(2);
    // Still deleted a while later (the edit does not come back).
    await a.waitForTimeout(10_000);
    expect(await heldOf(a, p2)).toEqual(none);
    expect(await heldOf(b, p2)).toEqual(none);
  }, 600_000);
});
