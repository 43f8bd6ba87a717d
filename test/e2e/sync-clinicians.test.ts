import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { putAccount, setUpClinicDatabase, startSyncServer, type SyncServer } from '../../scripts/sync-server.mjs';
import { axeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { importThroughUi } from '../support/import-through-ui';
import { sampleExport } from '../support/sample-export';
import { freePort, serveDist, type DistServer } from '../support/serve-dist';
import {
  enterSyncPassphrase,
  serverDocuments,
  storeCounts,
  turnOnSyncThroughUi,
  waitUntilSynced,
} from '../support/sync-page';
import { PASSPHRASE, lockScreen, setUpEncryption, storedWrap, unlockThroughUi } from '../support/vault-ui';
import { openClinician, openGrants } from '../../src/storage/clinic-keys';
import { openValue } from '../../src/storage/envelope';
import { clinicRingOf, fromClinicianDoc, fromGrantDoc, type GrantDoc } from '../../src/sync/clinic-docs';
import { fromBase64 } from '../../src/sync/wire';

const BETO = ['beto', 'beto-account-secret'] as const;
const BETO_PASSPHRASE = 'a different room with a garden';
const ANA_NEXT = 'a new passphrase for a new year';

const PANEL = ['resmo-app', 'resmo-settings-view', 'resmo-sync-panel'];
const clinicians = (page: Page) => page.locator('resmo-sync-panel resmo-clinicians');

type Doc = Record<string, unknown> & { _id: string };

describe('a keyring per clinician: adding one, removing one with a new clinic key', () => {
  let app: DistServer;
  let server: SyncServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [app, server] = await Promise.all([serveDist(), freePort().then((port) => startSyncServer({ port }))]);
    await putAccount(server.origin, server.admin, BETO[0], BETO[1]);
    await setUpClinicDatabase(server.origin, 'resmo', server.admin, [server.clinician[0], BETO[0]]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await Promise.all([app?.close(), server?.close()]);
  });

  async function device(): Promise<Page> {
    // bypassCSP only lets the test inject axe-core; the CSP itself has its own test.
    const context = await browser.newContext({ locale: 'en-US', bypassCSP: true });
    contexts.push(context);
    return context.newPage();
  }

  async function writtenDown(page: Page): Promise<string[]> {
    const list = clinicians(page).locator('ol.words li');
    await list.first().waitFor({ timeout: 60_000 });
    const words = await list.allTextContents();
    await clinicians(page).getByRole('button', { name: 'The words are written down' }).click();
    return words;
  }

  it('B, added on A, opens the records with B’s passphrase; after B is removed, new records are under a key B never had and Ana’s other device has', async () => {
    const first = sampleExport(13, 120);
    const a = await device();
    await setUpEncryption(a, app.url);
    await a.goto(`${app.url}#/patients`);
    expect(await importThroughUi(a, 'first.json', JSON.stringify(first))).toBe('done');
    await turnOnSyncThroughUi(a, app.url, server);
    await waitUntilSynced(a);
    // A device that joins with the clinic's shared passphrase and stays on it.
    const d = await device();
    await turnOnSyncThroughUi(d, app.url, server);
    await enterSyncPassphrase(d, PASSPHRASE);
    await waitUntilSynced(d);

    // The clinic shared one passphrase so far: it becomes Ana's own.
    const part = clinicians(a);
    await part.locator('input[name="name"]').fill('Dra. Ana Quintero');
    await part.locator('input[name="mine"]').fill(PASSPHRASE);
    await part.getByRole('button', { name: 'Set up my own keys' }).click();
    expect(await writtenDown(a)).toHaveLength(12);
    await part.getByRole('button', { name: 'Add a clinician' }).click();
    await part.locator('input[name="name"]').fill('Dr. Beto Salinas');
    await part.locator('input[name="theirs"]').fill(BETO_PASSPHRASE);
    await part.locator('input[name="repeat"]').fill(BETO_PASSPHRASE);
    await part.locator('input[name="mine"]').fill(PASSPHRASE);
    await part.getByRole('button', { name: 'Add clinician', exact: true }).click();
    expect(await writtenDown(a)).toHaveLength(12);
    await part.getByText('Dr. Beto Salinas', { exact: true }).waitFor();
    expect(await axeViolations(a, PANEL)).toEqual([]);
    await waitUntilSynced(a);
    const onA = await storeCounts(a);

    // B's device: B's own account and B's own passphrase.
    const b = await device();
    await turnOnSyncThroughUi(b, app.url, { ...server, clinician: [BETO[0], BETO[1]] }, BETO[1]);
    await enterSyncPassphrase(b, BETO_PASSPHRASE);
    await waitUntilSynced(b);
    await expect.poll(() => storeCounts(b), { timeout: 30_000 }).toEqual(onA);
    await b.goto(`${app.url}#/patients`);
    await b.locator('resmo-patients-view').getByText(first.patients[0]!.code).waitFor();
    await b.goto(`${app.url}#/settings`);
    await clinicians(b).getByText('Dra. Ana Quintero', { exact: true }).waitFor();

    const before = await serverDocuments(server);
    const text = JSON.stringify(before);
    expect(['Ana Quintero', 'Beto Salinas', BETO_PASSPHRASE].filter((n) => text.includes(n))).toEqual([]);
    const ringBefore = clinicRingOf(before as Doc[]);
    expect(ringBefore.clinicians).toHaveLength(2);
    // B's keyring is the one B's passphrase opens (names are sealed, so the server cannot tell).
    const opens = await Promise.all(
      ringBefore.clinicians.map((k) =>
        openClinician(k, { passphrase: BETO_PASSPHRASE }).then(
          () => true,
          () => false,
        ),
      ),
    );
    const betoId = ringBefore.clinicians[opens.indexOf(true)]!;
    const betoDocs = before.filter((d) => String(d._id).includes(betoId.clinician)) as Doc[];
    const oldKid = ringBefore.grants[0]!.kid;

    // Ana's second device joins with Ana's passphrase; it will get the new key only through sync.
    const c = await device();
    await turnOnSyncThroughUi(c, app.url, server);
    await enterSyncPassphrase(c, PASSPHRASE);
    await waitUntilSynced(c);
    await clinicians(c).getByText('Dr. Beto Salinas', { exact: true }).waitFor();

    // The clinic closes B's account on the server, then A removes B: a new key for new records.
    await setUpClinicDatabase(server.origin, 'resmo', server.admin, [server.clinician[0]]);
    await a.goto(`${app.url}#/settings`);
    await part.getByRole('button', { name: 'Remove Dr. Beto Salinas' }).click();
    await part.getByRole('button', { name: 'Remove and make a new key' }).click();
    await part.getByText('New records are locked with the new clinic key').waitFor({ timeout: 30_000 });
    const second = sampleExport(29, 60);
    second.patients[0]!.code = 'P-AFTER1';
    await a.goto(`${app.url}#/patients`);
    expect(await importThroughUi(a, 'second.json', JSON.stringify(second))).toBe('done');
    // A opens both: the old record under the old key, the new one under the new key.
    for (const code of [first.patients[0]!.code, 'P-AFTER1'])
      await a.locator('resmo-patients-view').getByRole('link', { name: code, exact: true }).waitFor();
    await a.goto(`${app.url}#/settings`);
    await waitUntilSynced(a);

    const newId = `patient:${second.patients[0]!.id}`;
    await expect
      .poll(async () => (await serverDocuments(server)).some((d) => d._id === newId), { timeout: 60_000 })
      .toBe(true);
    const after = (await serverDocuments(server)) as Doc[];
    const newPatient = after.find((d) => d._id === newId)!;
    expect(newPatient.kid).not.toBe(oldKid);
    const ringAfter = clinicRingOf(after);
    expect(ringAfter.clinicians.map((k) => k.clinician)).not.toContain(betoId.clinician);
    expect(ringAfter.grants.filter((g) => g.kid === newPatient.kid).map((g) => g.clinician)).not.toContain(
      betoId.clinician,
    );

    // The device still on the shared passphrase cannot receive the new key, and says what to do.
    await d
      .locator('resmo-sync-panel')
      .getByText('The clinic now gives each clinician their own keys', { exact: false })
      .waitFor({ timeout: 60_000 });

    // Ana's other device took the new key in from the server and opens the new record.
    await c.goto(`${app.url}#/patients`);
    await c
      .locator('resmo-patients-view')
      .getByRole('link', { name: 'P-AFTER1', exact: true })
      .waitFor({ timeout: 60_000 });

    // Everything B ever held (their keyring and grants, as read before the removal) opens only the old key.
    const keyring = fromClinicianDoc(betoDocs.find((d) => d.type === 'keyring') as never);
    const privateKey = await openClinician(keyring, { passphrase: BETO_PASSPHRASE });
    const grants = betoDocs.filter((d) => d.type === 'grant').map((d) => fromGrantDoc(d as unknown as GrantDoc));
    const betoKeys = await openGrants(keyring.clinician, grants, privateKey);
    expect(betoKeys.map((k) => k.kid)).toEqual([oldKid]);
    const sealed = {
      kid: String(newPatient.kid),
      v: 1 as const,
      iv: fromBase64(String(newPatient.iv)),
      ct: fromBase64(String(newPatient.ct)),
    };
    await expect(openValue(second.patients[0]!.id, 'patient', sealed, betoKeys[0]!.key)).rejects.toThrow();

    // Meanwhile the device on the shared passphrase keeps saying so: never "Up to date" while it cannot read.
    const sharedPanel = d.locator('resmo-sync-panel');
    let upToDate = 0;
    const watching = (async () => {
      for (let i = 0; i < 40; i++, await d.waitForTimeout(500))
        if (await sharedPanel.getByText('Up to date.', { exact: true }).isVisible()) upToDate++;
    })();

    // Ana changes her passphrase on A: her other device takes it in and opens with the new one.
    await a.goto(`${app.url}#/settings`);
    const privacy = a.locator('resmo-privacy-panel');
    await privacy.locator('input[name="current"]').fill(PASSPHRASE);
    await privacy.locator('input[name="next"]').fill(ANA_NEXT);
    await privacy.locator('input[name="repeat"]').fill(ANA_NEXT);
    await privacy.getByRole('button', { name: 'Change the passphrase' }).click();
    await privacy.getByText('Your other devices take the new one at their next sync.', { exact: false }).waitFor();
    const changed = await storedWrap(a);
    await expect.poll(() => storedWrap(c), { timeout: 60_000 }).toBe(changed);
    // A and C stay with it: neither puts its older keyring back.
    await a.waitForTimeout(10_000);
    expect([await storedWrap(a), await storedWrap(c)]).toEqual([changed, changed]);
    // On C she still types the old one: the lock screen says why it no longer opens.
    await c.getByRole('button', { name: 'Lock', exact: true }).click();
    await lockScreen(c).locator('input[name="passphrase"]').fill(PASSPHRASE);
    await lockScreen(c).locator('button.primary').click();
    await lockScreen(c).getByRole('alert').getByText('changed on another of your devices', { exact: false }).waitFor();
    await unlockThroughUi(c, ANA_NEXT);
    await watching;
    expect(upToDate).toBe(0);
    await sharedPanel.getByText('The clinic now gives each clinician their own keys', { exact: false }).waitFor();
    // Keys set up there would hold only the old clinic key: the panel does not offer it.
    expect(await sharedPanel.locator('resmo-clinicians').count()).toBe(0);
    expect(await axeViolations(d, PANEL)).toEqual([]);
  });
  it('the server refuses a keyring or a key grant that carries a clear name or an unknown field', async () => {
    const docs = await serverDocuments(server);
    const keyring = docs.find((d) => d.type === 'keyring' && d.v === 2)!;
    const grant = docs.find((d) => d.type === 'grant')!;
    const put = (doc: Record<string, unknown>) =>
      fetch(`${server.url}/${encodeURIComponent(String(doc._id))}`, {
        method: 'PUT',
        headers: { authorization: `Basic ${btoa(server.clinician.join(':'))}`, 'content-type': 'application/json' },
        body: JSON.stringify(doc),
      }).then((r) => r.status);
    const fresh = (doc: Record<string, unknown>, id: string) => {
      const copy: Record<string, unknown> = { ...doc, _id: id };
      delete copy._rev;
      return copy;
    };
    expect(await put({ ...fresh(keyring, 'keyring:x1'), displayName: 'Dr. Plain' })).toBe(403);
    expect(await put({ ...fresh(keyring, 'keyring:x2'), name: { iv: 'AAAA', ct: 'AAAA', clear: 'Dr. Plain' } })).toBe(
      403,
    );
    expect(await put({ ...fresh(keyring, 'keyring:x3'), kdf: { ...(keyring.kdf as object), who: 'Dr. Plain' } })).toBe(
      403,
    );
    expect(await put({ ...fresh(grant, 'grant:x4:y'), note: 'for Dr. Plain' })).toBe(403);
    expect(await put({ ...grant, wrapped: 'AAAA' })).toBe(403);
    // The same documents without the extra field are accepted: the refusals above are about that field.
    expect(await put(fresh(keyring, 'keyring:x5'))).toBe(201);
  });
});
