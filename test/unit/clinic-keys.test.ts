import { describe, expect, it } from 'vitest';
import {
  clinicianName,
  createClinician,
  grantKey,
  newDataKey,
  openClinician,
  openGrant,
  openGrants,
  rewrapClinician,
  type DataKey,
} from '../../src/storage/clinic-keys';
import { open, seal } from '../../src/storage/envelope';
import { KDF_FLOOR } from '../../src/storage/vault-kdf';
import { WrongSecretError } from '../../src/storage/vault-keys';
import type { Patient } from '../../src/storage/schema';

// WebCrypto and hash-wasm as they run in Node, at the floor Argon2id cost to keep the tests quick.
const options = { cost: KDF_FLOOR };
const SLOW = 60_000;

const patient: Patient = {
  id: 'p-1',
  code: 'P-KEYS1',
  name: 'Rosa Keyring',
  birthDate: '1975-06-07',
  notes: 'first visit',
  archived: false,
  createdAt: 1,
  updatedAt: 2,
};

async function clinic() {
  const first = await newDataKey(0);
  const ana = await createClinician('Dra. Ana', 'ana passphrase', [first], options);
  const beto = await createClinician('Dr. Beto', 'beto passphrase', [first], options);
  return { first, ana, beto };
}

async function keysOf(made: Awaited<ReturnType<typeof createClinician>>, passphrase: string): Promise<DataKey[]> {
  const privateKey = await openClinician(made.keyring, { passphrase });
  return openGrants(made.keyring.clinician, made.grants, privateKey);
}

describe('a keyring per clinician', () => {
  it(
    "each clinician's own passphrase opens the same clinic key; the name is sealed",
    async () => {
      const { first, ana, beto } = await clinic();
      const sealed = await seal('patient', patient, first.key, first.kid);
      for (const [made, passphrase] of [
        [ana, 'ana passphrase'],
        [beto, 'beto passphrase'],
      ] as const) {
        const [key] = await keysOf(made, passphrase);
        expect(key?.kid).toBe(first.kid);
        expect(await open('patient', sealed, key!.key)).toEqual(patient);
      }
      expect(JSON.stringify([...beto.keyring.name.ct])).not.toContain('Beto');
      expect(await clinicianName(beto.keyring, first.key)).toBe('Dr. Beto');
    },
    SLOW,
  );

  it(
    "a wrong passphrase, or another clinician's passphrase, does not open a keyring",
    async () => {
      const { ana } = await clinic();
      await expect(openClinician(ana.keyring, { passphrase: 'ana passphrasf' })).rejects.toThrow(WrongSecretError);
      await expect(openClinician(ana.keyring, { passphrase: 'beto passphrase' })).rejects.toThrow(WrongSecretError);
    },
    SLOW,
  );

  it(
    "a clinician's recovery words open their own keyring, and a new passphrase replaces the old",
    async () => {
      const { first, beto } = await clinic();
      const viaWords = await openClinician(beto.keyring, { recovery: beto.recovery });
      expect((await openGrant(beto.grants[0]!, viaWords)).kid).toBe(first.kid);
      const changed = await rewrapClinician(beto.keyring, { recovery: beto.recovery }, 'beto new passphrase');
      await expect(openClinician(changed, { passphrase: 'beto passphrase' })).rejects.toThrow(WrongSecretError);
      const again = await openClinician(changed, { passphrase: 'beto new passphrase' });
      expect((await openGrant(beto.grants[0]!, again)).kid).toBe(first.kid);
    },
    SLOW,
  );

  it(
    "after a rotation without Beto, Beto's keys cannot open a record written with the new key",
    async () => {
      const { first, ana, beto } = await clinic();
      // The remover knows nobody's passphrase: the new key reaches Ana through her public key only.
      const next = await newDataKey(1);
      const forAna = await grantKey(next, ana.keyring);
      const anaKeys = await keysOf({ ...ana, grants: [...ana.grants, forAna] }, 'ana passphrase');
      expect(anaKeys.map((k) => k.kid)).toEqual([first.kid, next.kid]);
      const after = await seal('patient', { ...patient, notes: 'after the rotation' }, anaKeys[1]!.key, next.kid);
      expect(await open('patient', after, anaKeys[1]!.key)).toMatchObject({ notes: 'after the rotation' });

      const betoPrivate = await openClinician(beto.keyring, { passphrase: 'beto passphrase' });
      // Ana's grant of the new key does not open with Beto's private key,
      await expect(openGrant({ ...forAna, clinician: beto.keyring.clinician }, betoPrivate)).rejects.toThrow(
        WrongSecretError,
      );
      await expect(openGrant(forAna, betoPrivate)).rejects.toThrow(WrongSecretError);
      // and nothing Beto holds opens the new record.
      const betoKeys = await openGrants(beto.keyring.clinician, [...beto.grants, forAna], betoPrivate);
      expect(betoKeys.map((k) => k.kid)).toEqual([first.kid]);
      await expect(open('patient', after, betoKeys[0]!.key)).rejects.toThrow();
    },
    SLOW,
  );

  it(
    'a grant is bound to its key id and clinician: relabelled, it does not open',
    async () => {
      const { ana } = await clinic();
      const privateKey = await openClinician(ana.keyring, { passphrase: 'ana passphrase' });
      const grant = ana.grants[0]!;
      await expect(openGrant({ ...grant, kid: crypto.randomUUID() }, privateKey)).rejects.toThrow(WrongSecretError);
      await expect(openGrant({ ...grant, clinician: 'someone-else' }, privateKey)).rejects.toThrow(WrongSecretError);
    },
    SLOW,
  );
});
