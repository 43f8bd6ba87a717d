/**
 * `npm run bench:vault`: what encryption at rest costs. Prints, never asserts.
 * Runs in Node (the same V8 and WebAssembly engine as Chromium, WebCrypto from Node) over
 * fake-indexeddb, so the storage column is slower than a browser's IndexedDB; the difference
 * between the two columns is the cost of sealing.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { it } from 'vitest';
import { cpus, loadavg } from 'node:os';
import { closeDatabase } from '../../src/storage/database';
import { createPatient } from '../../src/storage/patients';
import { appendSamples, startSession } from '../../src/storage/sessions';
import { seal } from '../../src/storage/envelope';
import { toSample } from '../../src/storage/samples';
import { forgetVault, setUpVault } from '../../src/storage/vault';
import { createVault, unlockWithPassphrase } from '../../src/storage/vault-keys';
import { DEFAULT_KDF } from '../../src/storage/vault-kdf';

const SECONDS = 300;
const second = { usable: 100, detectorScore: 87, probabilities: [3, 1, 2, 71, 9, 4, 10] };

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function freshDatabase(): Promise<void> {
  await closeDatabase();
  forgetVault();
  globalThis.indexedDB = new IDBFactory();
}

/** Milliseconds per recorded second: one appendSamples call per second, as the recorder does. */
async function recordingCost(encrypted: boolean): Promise<number> {
  await freshDatabase();
  if (encrypted) await setUpVault('bench passphrase here', { cost: DEFAULT_KDF });
  const session = await startSession((await createPatient()).id);
  const times: number[] = [];
  for (let i = 0; i < SECONDS; i++) times.push(await timed(() => appendSamples(session.id, [second])));
  return median(times);
}

it('prints unlock time and write cost per recorded second', async () => {
  const { meta } = await createVault('bench passphrase here', DEFAULT_KDF);
  const unlocks: number[] = [];
  for (let i = 0; i < 5; i++) unlocks.push(await timed(() => unlockWithPassphrase(meta, 'bench passphrase here')));

  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const seals: number[] = [];
  for (let i = 0; i < 2000; i++) seals.push(await timed(() => seal('sample', toSample('s', i, second), key, 'k')));

  const plain = await recordingCost(false);
  const sealed = await recordingCost(true);
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  console.log(
    [
      `Encryption at rest (${cpus().length} cores, ${cpus()[0]?.model ?? '?'}; load average ${loadavg()
        .map((v) => v.toFixed(2))
        .join(' ')})`,
      `| measure | median |`,
      `| --- | --- |`,
      `| unlock: Argon2id m=${DEFAULT_KDF.m / 1024} MiB t=${DEFAULT_KDF.t} p=${DEFAULT_KDF.p} + AES-KW unwrap (5 runs) | ${ms(median(unlocks))} |`,
      `| seal one second's sample (AES-256-GCM, 2000 runs) | ${ms(median(seals))} |`,
      `| write one recorded second, encryption off (fake-indexeddb, ${SECONDS} s) | ${ms(plain)} |`,
      `| write one recorded second, encryption on (fake-indexeddb, ${SECONDS} s) | ${ms(sealed)} |`,
      `| cost of encryption per recorded second | ${ms(sealed - plain)} |`,
    ].join('\n'),
  );
});
