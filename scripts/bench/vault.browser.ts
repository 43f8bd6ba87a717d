/**
 * `npm run bench:vault`: what encryption at rest costs, measured in headless Chromium on the real
 * IndexedDB, WebCrypto and hash-wasm. Prints a table with the machine's load; never asserts.
 * VITE_BENCH_SECONDS (default 300) is the length of each simulated recording.
 */
import { it } from 'vitest';
import { commands } from 'vitest/browser';
import { closeDatabase, DATABASE_NAME } from '../../src/storage/database';
import { createPatient } from '../../src/storage/patients';
import { appendSamples, startSession } from '../../src/storage/sessions';
import { seal } from '../../src/storage/envelope';
import { toSample } from '../../src/storage/samples';
import { forgetVault, setUpVault, unlockVault } from '../../src/storage/vault';
import { DEFAULT_KDF, passphraseKek } from '../../src/storage/vault-kdf';
import { createVault } from '../../src/storage/vault-keys';
import { loadLine } from './machine-load';

const SECONDS = Number(import.meta.env.VITE_BENCH_SECONDS ?? 300);
const UNLOCKS = 7;
const PASSPHRASE = 'a bench passphrase by the sea';
const second = { usable: 100, detectorScore: 87, probabilities: [3, 1, 2, 71, 9, 4, 10] };

interface Stats {
  median: number;
  p95: number;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** A fresh, empty app database: the next storage call creates it again. */
async function freshDatabase(): Promise<void> {
  await closeDatabase();
  forgetVault();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DATABASE_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/** Milliseconds per recorded second: one appendSamples call per second, as the recorder makes. */
async function recordingCost(encrypted: boolean): Promise<Stats> {
  await freshDatabase();
  if (encrypted) await setUpVault(PASSPHRASE, { cost: DEFAULT_KDF });
  const session = await startSession((await createPatient()).id);
  const times: number[] = [];
  for (let i = 0; i < SECONDS; i++) times.push(await timed(() => appendSamples(session.id, [second])));
  return stats(times);
}

/** Unlocking as the lock screen does: the stored meta read back, Argon2id, AES-KW unwrap. */
async function unlockCost(): Promise<{ unlock: Stats; argon2: Stats }> {
  await freshDatabase();
  await setUpVault(PASSPHRASE, { cost: DEFAULT_KDF });
  const unlocks: number[] = [];
  for (let i = 0; i < UNLOCKS; i++) {
    await closeDatabase();
    forgetVault();
    unlocks.push(await timed(() => unlockVault(PASSPHRASE)));
  }
  const { meta } = await createVault(PASSPHRASE, DEFAULT_KDF);
  const argon2: number[] = [];
  for (let i = 0; i < UNLOCKS; i++) argon2.push(await timed(() => passphraseKek(PASSPHRASE, meta.kdf)));
  return { unlock: stats(unlocks), argon2: stats(argon2) };
}

const ms = (s: Stats) => `${s.median.toFixed(3)} ms | ${s.p95.toFixed(3)} ms`;

it('prints unlock time and the write cost per recorded second', async () => {
  const before = await commands.machineLoad();
  const { unlock, argon2 } = await unlockCost();
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  // Chromium coarsens performance.now() to 0.1 ms here: seals are timed in batches of 100.
  const seals: number[] = [];
  for (let batch = 0; batch < 20; batch++) {
    const took = await timed(async () => {
      for (let i = 0; i < 100; i++) await seal('sample', toSample('s', batch * 100 + i, second), key, 'k');
    });
    seals.push(took / 100);
  }
  const plain = await recordingCost(false);
  const sealed = await recordingCost(true);
  await freshDatabase();
  const after = await commands.machineLoad();
  const kdf = `m=${DEFAULT_KDF.m / 1024} MiB t=${DEFAULT_KDF.t} p=${DEFAULT_KDF.p}`;
  console.log(
    [
      `Encryption at rest in headless Chromium (${navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? '?'})`,
      `Machine: ${before.cores} cores, ${before.cpu}`,
      `Before: ${loadLine(before)}`,
      `After: ${loadLine(after)}`,
      '',
      '| measure | median | p95 |',
      '| --- | --- | --- |',
      `| unlock: stored meta, Argon2id ${kdf}, AES-KW unwrap (${UNLOCKS} runs) | ${ms(unlock)} |`,
      `| of which Argon2id alone (hash-wasm, ${UNLOCKS} runs) | ${ms(argon2)} |`,
      `| seal one second's sample (AES-256-GCM; 20 batches of 100) | ${ms(stats(seals))} |`,
      `| write one recorded second, encryption off (${SECONDS} s) | ${ms(plain)} |`,
      `| write one recorded second, encryption on (${SECONDS} s) | ${ms(sealed)} |`,
      `| cost of encryption per recorded second (medians) | ${(sealed.median - plain.median).toFixed(2)} ms | |`,
    ].join('\n'),
  );
});
