/**
 * `npm run bench:keys`: what keys per clinician cost, in headless Chromium (WebCrypto and
 * hash-wasm as the app runs them, default Argon2id cost). Prints a table with the machine's
 * load; never asserts.
 */
import { it } from 'vitest';
import { commands } from 'vitest/browser';
import { createClinician, grantKey, newDataKey, openClinician, openGrants } from '../../src/storage/clinic-keys';
import { DEFAULT_KDF } from '../../src/storage/vault-kdf';
import { loadLine } from './machine-load';

const RUNS = 5;

async function median(work: () => Promise<unknown>): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return `${(times[Math.floor(RUNS / 2)] ?? NaN).toFixed(1)} ms`;
}

it('prints the cost of adding, opening and rotating clinic keys', async () => {
  const before = await commands.machineLoad();
  const keys = [await newDataKey(0), await newDataKey(1), await newDataKey(2)];
  const options = { cost: DEFAULT_KDF };
  const made = await createClinician('Dra. Bench', 'a bench passphrase', keys, options);
  const add = await median(() => createClinician('Dr. New', 'another bench passphrase', keys, options));
  const unlock = await median(async () => {
    const privateKey = await openClinician(made.keyring, { passphrase: 'a bench passphrase' });
    await openGrants(made.keyring.clinician, made.grants, privateKey);
  });
  const wrong = await median(() => openClinician(made.keyring, { passphrase: 'not it' }).catch(() => null));
  const rotation: string[] = [];
  for (const clinicians of [1, 5, 20]) {
    const next = await newDataKey(3);
    const ring = Array.from({ length: clinicians }, () => made.keyring);
    rotation.push(
      `| rotation: new key given to ${clinicians} clinician(s) | ${await median(() => Promise.all(ring.map((k) => grantKey(next, k))))} |`,
    );
  }
  const after = await commands.machineLoad();
  const kdf = `m=${DEFAULT_KDF.m / 1024} MiB t=${DEFAULT_KDF.t} p=${DEFAULT_KDF.p}`;
  console.log(
    [
      `Keys per clinician in headless Chromium (${navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? '?'}), Argon2id ${kdf}`,
      `Machine: ${before.cores} cores, ${before.cpu}`,
      `Before: ${loadLine(before)}`,
      `After: ${loadLine(after)}`,
      '',
      `| measure (median of ${RUNS}) | time |`,
      '| --- | --- |',
      `| add a clinician (Argon2id, key pair, 3 clinic keys given) | ${add} |`,
      `| open a clinician's keys (Argon2id, private key, 3 grants) | ${unlock} |`,
      `| a passphrase tried against another clinician's keyring (a new device joining) | ${wrong} |`,
      ...rotation,
    ].join('\n'),
  );
});
