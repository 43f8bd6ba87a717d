import { describe, expect, it } from 'vitest';
import { EnvelopeError, open, seal, type Envelope } from '../../src/storage/envelope';
import { KDF_FLOOR } from '../../src/storage/vault-kdf';
import {
  WrongSecretError,
  changePassphrase,
  createVault,
  unlockWithPassphrase,
  unlockWithRecovery,
} from '../../src/storage/vault-keys';
import type { Marker, Patient } from '../../src/storage/schema';

// WebCrypto and hash-wasm as they run in Node; the floor cost keeps the tests quick, but each
// derivation still takes a few hundred milliseconds on a busy 2-core machine.
const COST = KDF_FLOOR;
const SLOW = 60_000;

const patient: Patient = {
  id: 'a1b2',
  code: 'P-SECRET1',
  name: 'Ana Known-Name',
  birthDate: '1980-02-03',
  notes: 'talked about work',
  archived: false,
  createdAt: 1,
  updatedAt: 2,
};
const marker: Marker = { id: 'm1', sessionId: 's1', t: 1000, label: 'mother' };

async function key(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

describe('envelopes', () => {
  it('round-trips and keeps only index fields in the clear', async () => {
    const k = await key();
    const sealed = await seal('marker', marker, k, 'kid-1');
    expect(Object.keys(sealed).sort()).toEqual(['ct', 'id', 'iv', 'kid', 'kind', 'sessionId', 'v']);
    expect(new TextDecoder().decode(sealed.ct)).not.toContain('mother');
    expect(await open('marker', sealed, k)).toEqual(marker);
  });

  it('uses a fresh 96-bit IV on every write', async () => {
    const k = await key();
    const a = await seal('patient', patient, k, 'kid-1');
    const b = await seal('patient', patient, k, 'kid-1');
    expect(a.iv).toHaveLength(12);
    expect(Buffer.from(a.iv).equals(Buffer.from(b.iv))).toBe(false);
    expect(Buffer.from(a.ct).equals(Buffer.from(b.ct))).toBe(false);
  });

  const tamperings: [string, (e: Envelope) => Envelope][] = [
    ['a flipped ciphertext bit', (e) => ({ ...e, ct: e.ct.map((b, i) => (i === 3 ? b ^ 1 : b)) })],
    ['a changed IV', (e) => ({ ...e, iv: e.iv.map((b, i) => (i === 0 ? b ^ 0x80 : b)) })],
    ['another id', (e) => ({ ...e, id: 'other' })],
    ['another key id', (e) => ({ ...e, kid: 'kid-2' })],
  ];
  for (const [what, tamper] of tamperings) {
    it(`refuses ${what}`, async () => {
      const k = await key();
      const sealed = await seal('patient', patient, k, 'kid-1');
      await expect(open('patient', tamper(sealed), k)).rejects.toBeInstanceOf(EnvelopeError);
    });
  }

  it('refuses a record opened as another kind, even with the kind field rewritten', async () => {
    const k = await key();
    const sealed = await seal('marker', { ...marker, id: patient.id }, k, 'kid-1');
    await expect(open('patient', sealed, k)).rejects.toBeInstanceOf(EnvelopeError);
    await expect(open('patient', { ...sealed, kind: 'patient' }, k)).rejects.toBeInstanceOf(EnvelopeError);
  });

  it('refuses a record whose clear index field was moved to another session', async () => {
    const k = await key();
    const sealed = await seal('marker', marker, k, 'kid-1');
    await expect(open('marker', { ...sealed, sessionId: 's2' } as Envelope, k)).rejects.toBeInstanceOf(EnvelopeError);
  });

  it('refuses a record under another data key', async () => {
    const sealed = await seal('patient', patient, await key(), 'kid-1');
    await expect(open('patient', sealed, await key())).rejects.toBeInstanceOf(EnvelopeError);
  });
});

describe('vault keys', { timeout: 60_000 }, () => {
  it('persists no key material a passphrase guess could be checked against except the wrapped key', async () => {
    const { meta } = await createVault('correct horse', COST);
    expect(meta.wrapped).toHaveLength(40); // AES-KW of a 256-bit key
    expect(meta.kdf).toMatchObject({ alg: 'argon2id', m: COST.m, t: COST.t, p: 1 });
    expect(meta.kdf.salt).toHaveLength(16);
    expect(Object.values(meta).some((v) => v instanceof CryptoKey)).toBe(false);
  });

  it('keeps the data key non-extractable in memory', async () => {
    const { meta, dataKey } = await createVault('correct horse', COST);
    expect(dataKey.extractable).toBe(false);
    expect((await unlockWithPassphrase(meta, 'correct horse')).extractable).toBe(false);
  });

  it(
    'refuses a wrong passphrase at unwrap, and wrong recovery words',
    async () => {
      const { meta, recovery } = await createVault('correct horse', COST);
      await expect(unlockWithPassphrase(meta, 'correct hors')).rejects.toBeInstanceOf(WrongSecretError);
      const words = recovery.split(' ');
      await expect(unlockWithRecovery(meta, [...words.slice(0, 11), words[0]].join(' '))).rejects.toBeInstanceOf(
        WrongSecretError,
      );
      await expect(unlockWithRecovery(meta, 'not even words')).rejects.toBeInstanceOf(WrongSecretError);
    },
    SLOW,
  );

  it(
    'opens the same data with the passphrase, the recovery words and a changed passphrase',
    async () => {
      const { meta, dataKey, recovery } = await createVault('correct horse', COST);
      expect(recovery.split(' ')).toHaveLength(12);
      const sealed = await seal('patient', patient, dataKey, meta.kid);
      const byRecovery = await unlockWithRecovery(meta, `  ${recovery.toUpperCase()} `);
      expect(await open('patient', sealed, byRecovery)).toEqual(patient);

      const changed = await changePassphrase(meta, { passphrase: 'correct horse' }, 'battery staple');
      expect(Buffer.from(changed.kdf.salt).equals(Buffer.from(meta.kdf.salt))).toBe(false);
      expect(await open('patient', sealed, await unlockWithPassphrase(changed, 'battery staple'))).toEqual(patient);
      await expect(unlockWithPassphrase(changed, 'correct horse')).rejects.toBeInstanceOf(WrongSecretError);
      expect(await open('patient', sealed, await unlockWithRecovery(changed, recovery))).toEqual(patient);

      const reset = await changePassphrase(changed, { recovery }, 'third one');
      expect(await open('patient', sealed, await unlockWithPassphrase(reset, 'third one'))).toEqual(patient);
      await expect(changePassphrase(reset, { passphrase: 'wrong' }, 'x')).rejects.toBeInstanceOf(WrongSecretError);
    },
    SLOW,
  );

  it('refuses a cost below the floor', async () => {
    await expect(createVault('x', { m: 8 * 1024, t: 1, p: 1 })).rejects.toBeInstanceOf(RangeError);
  });
});
