/**
 * `npm run bench:sync`: time and bytes for a fresh device to take in 100 one-hour sessions from
 * the clinic server over loopback. Prints, never asserts. The sessions are sealed in Node with the
 * app's own code (same envelopes, same keyring) and put on the server as a device that recorded
 * them would have; the fresh device is Debian's Chromium joining through Settings.
 */
import { it } from 'vitest';
import { cpus } from 'node:os';
import { startSyncServer } from '../sync-server.mjs';
import { seal, sealValue } from '../../src/storage/envelope';
import { toSample } from '../../src/storage/samples';
import { createVault } from '../../src/storage/vault-keys';
import { CHUNK_SECONDS, chunkId } from '../../src/storage/sync-port';
import type { Patient, Session } from '../../src/storage/schema';
import { toKeyring, toWire, type WireDoc } from '../../src/sync/wire';
import { launchChromium } from '../../test/support/browser';
import { fakeSeconds } from '../../test/support/fake-session';
import { freePort, serveDist } from '../../test/support/serve-dist';
import { storeCounts, turnOnSyncThroughUi, waitUntilSynced } from '../../test/support/sync-page';
import { PASSPHRASE } from '../../test/support/vault-ui';
import { loadAverage } from './machine';

const SESSIONS = 100;
const SECONDS = 3_600;
const PATIENTS = 10;

async function sessionDocs(patient: Patient, index: number, key: CryptoKey, kid: string): Promise<WireDoc[]> {
  const startedAt = Date.UTC(2026, 0, 5, 9) + index * 86_400_000;
  const id = crypto.randomUUID();
  const session: Session = {
    id,
    patientId: patient.id,
    startedAt,
    endedAt: startedAt + SECONDS * 1000,
    seconds: SECONDS,
    notes: '',
    source: 'camera',
    updatedAt: startedAt + SECONDS * 1000,
  };
  const samples = fakeSeconds(SECONDS, index + 1).map((input, i) => toSample(id, i, input));
  const docs: WireDoc[] = [];
  for (let minute = 0; minute * CHUNK_SECONDS < SECONDS; minute++) {
    const chunk = chunkId(id, minute);
    const part = samples.slice(minute * CHUNK_SECONDS, (minute + 1) * CHUNK_SECONDS);
    docs.push(toWire({ id: chunk, type: 'chunk', kid, ...(await sealValue(chunk, 'chunk', part, key, kid)) }));
  }
  const sealed = await seal('session', session, key, kid);
  docs.push(toWire({ id, type: 'session', kid, iv: sealed.iv, ct: sealed.ct }));
  return docs;
}

async function seedServer(url: string, auth: string): Promise<{ docs: number; bytes: number }> {
  const { meta, dataKey } = await createVault(PASSPHRASE);
  const docs: object[] = [await toKeyring(meta)];
  const patients: Patient[] = Array.from({ length: PATIENTS }, (_, i) => ({
    id: crypto.randomUUID(),
    code: `P-BENCH${i}`,
    name: '',
    birthDate: null,
    notes: '',
    archived: false,
    createdAt: 0,
    updatedAt: 0,
  }));
  for (const patient of patients) {
    const sealed = await seal('patient', patient, dataKey, meta.kid);
    docs.push(toWire({ id: patient.id, type: 'patient', kid: meta.kid, iv: sealed.iv, ct: sealed.ct }));
  }
  for (let s = 0; s < SESSIONS; s++) {
    const patient = patients[s % PATIENTS];
    if (patient) docs.push(...(await sessionDocs(patient, s, dataKey, meta.kid)));
  }
  let bytes = 0;
  for (let i = 0; i < docs.length; i += 500) {
    const body = JSON.stringify({ docs: docs.slice(i, i + 500) });
    bytes += body.length;
    const response = await fetch(`${url}/_bulk_docs`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa(auth)}`, 'content-type': 'application/json' },
      body,
    });
    if (!response.ok) throw new Error(`seeding: ${response.status} ${await response.text()}`);
  }
  return { docs: docs.length, bytes };
}

it('syncs 100 one-hour sessions to a fresh device', async () => {
  const [app, server] = await Promise.all([serveDist(), freePort().then((port) => startSyncServer({ port }))]);
  const browser = await launchChromium();
  try {
    const seeded = await seedServer(server.url, server.clinician.join(':'));
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    const cdp = await page.context().newCDPSession(page);
    let received = 0;
    cdp.on('Network.loadingFinished', (event) => (received += event.encodedDataLength));
    await cdp.send('Network.enable');
    await turnOnSyncThroughUi(page, app.url, server);
    const panel = page.locator('resmo-sync-panel');
    await panel.locator('input[name="passphrase"]').fill(PASSPHRASE);
    received = 0;
    const load = loadAverage();
    const start = performance.now();
    await panel.locator('button[type="submit"]').click();
    await waitUntilSynced(page, 3_000_000);
    let counts = await storeCounts(page);
    // The store keeps a session's seconds as one-minute blocks.
    while (counts.sessions !== SESSIONS || counts.samples !== (SESSIONS * SECONDS) / CHUNK_SECONDS) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      counts = await storeCounts(page);
    }
    const seconds = (performance.now() - start) / 1000;
    const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
    console.log(
      [
        `| what | figure |`,
        `| --- | --- |`,
        `| sessions, seconds of readings | ${SESSIONS} × ${SECONDS} s = ${SESSIONS * SECONDS} |`,
        `| documents on the server | ${seeded.docs} (${SESSIONS * (SECONDS / CHUNK_SECONDS)} one-minute chunks) |`,
        `| JSON uploaded to seed them | ${mib(seeded.bytes)} MiB |`,
        `| fresh device: passphrase to every session on the device | ${seconds.toFixed(1)} s |`,
        `| bytes received by the fresh device (HTTP, as on the wire) | ${mib(received)} MiB |`,
        `| machine | ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average before ${load.join(' ')}, after ${loadAverage().join(' ')} |`,
      ].join('\n'),
    );
  } finally {
    await browser.close();
    await Promise.all([app.close(), server.close()]);
  }
});
