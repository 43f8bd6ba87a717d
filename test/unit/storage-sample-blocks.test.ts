import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/fresh-database';
import { fakeSeconds } from '../support/fake-session';
import { database } from '../../src/storage/database';
import { createPatient } from '../../src/storage/patients';
import { appendSamples, getSamples, getSession, startSession } from '../../src/storage/sessions';
import { toSample } from '../../src/storage/samples';
import { setUpVault } from '../../src/storage/vault';
import { KDF_FLOOR } from '../../src/storage/vault-kdf';
import { updateRecord } from '../../src/storage/rewrite';

beforeEach(freshDatabase);

async function rowKeys(): Promise<number[]> {
  const keys = await (await database()).getAllKeys('samples');
  return keys.map(([, second]) => second);
}

describe('samples kept as minute blocks', () => {
  it('writes one record per minute, second by second, and reads every second back in order', async () => {
    const session = await startSession((await createPatient()).id);
    const inputs = fakeSeconds(150, 5);
    for (const input of inputs) await appendSamples(session.id, [input]);
    expect(await rowKeys()).toEqual([0, 60, 120]);
    const samples = await getSamples(session.id);
    expect(samples.map((s) => s.second)).toEqual(inputs.map((_, i) => i));
    expect(samples).toEqual(inputs.map((input, i) => toSample(session.id, i, input)));
  });

  it('splits a batch that crosses minutes', async () => {
    const session = await startSession((await createPatient()).id);
    await appendSamples(session.id, fakeSeconds(50, 1));
    await appendSamples(session.id, fakeSeconds(75, 2));
    expect(await rowKeys()).toEqual([0, 60, 120]);
    expect((await getSamples(session.id)).map((s) => s.second)).toEqual(Array.from({ length: 125 }, (_, i) => i));
  });

  it('reads a session recorded one record per second before blocks, and continues it in blocks', async () => {
    const session = await startSession((await createPatient()).id);
    const old = fakeSeconds(100, 7).map((input, i) => toSample(session.id, i, input));
    const db = await database();
    for (const sample of old) await db.put('samples', sample);
    await updateRecord('session', session.id, (s) => ({ ...s, seconds: old.length }));
    const more = fakeSeconds(30, 8);
    await appendSamples(session.id, more.slice(0, 10));
    await appendSamples(session.id, more.slice(10));
    const keys = await rowKeys();
    expect(keys.slice(0, 100)).toEqual(old.map((s) => s.second));
    expect(keys.slice(100)).toEqual([100, 120]);
    const samples = await getSamples(session.id);
    expect(samples).toEqual([...old, ...more.map((input, i) => toSample(session.id, 100 + i, input))]);
    expect((await getSession(session.id)).seconds).toBe(130);
  });

  it('seals blocks as blocks when encryption is on', async () => {
    await setUpVault('a long passphrase', { cost: KDF_FLOOR });
    const session = await startSession((await createPatient()).id);
    const inputs = fakeSeconds(61, 3);
    await appendSamples(session.id, inputs);
    const rows = await (await database()).getAll('samples');
    expect(rows.map((r) => ('kind' in r ? r.kind : 'plain'))).toEqual(['block', 'block']);
    expect(JSON.stringify(rows)).not.toContain('probabilities');
    expect(await getSamples(session.id)).toEqual(inputs.map((input, i) => toSample(session.id, i, input)));
  });
});
