import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/fresh-database';
import { database } from '../../src/storage/database';
import { createPatient, getPatient } from '../../src/storage/patients';
import { openClinician, openGrants } from '../../src/storage/clinic-keys';
import { open } from '../../src/storage/envelope';
import {
  changeVaultPassphrase,
  lockVault,
  setUpVault,
  storeKeyring,
  unlockVault,
  unlockVaultWithRecovery,
  vaultMeta,
} from '../../src/storage/vault';
import { addClinician, becomeClinician, myClinician, rotateClinicKey } from '../../src/storage/vault-clinic';
import { KDF_FLOOR } from '../../src/storage/vault-kdf';
import type { Envelope } from '../../src/storage/schema';

beforeEach(freshDatabase);

const cost = KDF_FLOOR;
const ANA = 'ana passphrase here';

async function stored(id: string): Promise<Envelope> {
  return (await (await database()).get('patients', id)) as Envelope;
}

async function clinicianMeta() {
  const meta = await vaultMeta();
  if (meta?.v !== 2) throw new Error('not a clinician keyring');
  return meta;
}

describe('a clinic that shared one passphrase, then a keyring per clinician', { timeout: 60_000 }, () => {
  it("keeps the records open when the shared passphrase becomes the first clinician's", async () => {
    await setUpVault(ANA, { cost });
    const before = await createPatient({ code: 'P-BEFORE', name: 'Rosa Before' });
    expect(await myClinician()).toBeNull();
    const made = await becomeClinician('Dra. Ana', ANA, { cost });
    expect(await myClinician()).toBe(made.keyring.clinician);
    expect(await getPatient(before.id)).toEqual(before);

    // Her new recovery words open her keyring; a new passphrase replaces the old one.
    lockVault();
    await unlockVaultWithRecovery(made.recovery);
    expect(await getPatient(before.id)).toEqual(before);
    await changeVaultPassphrase({ recovery: made.recovery }, 'ana changed passphrase');
    lockVault();
    await expect(unlockVault(ANA)).rejects.toMatchObject({ name: 'WrongSecretError' });
    await unlockVault('ana changed passphrase');
    expect(await getPatient(before.id)).toEqual(before);
  });

  it('forgets that the passphrase was changed elsewhere once it is changed here', async () => {
    await setUpVault(ANA, { cost });
    await becomeClinician('Dra. Ana', ANA, { cost });
    await storeKeyring((await clinicianMeta()).keyring);
    expect((await clinicianMeta()).passphraseChangedElsewhereAt).toEqual(expect.any(Number));
    await changeVaultPassphrase({ passphrase: ANA }, 'ana changed here');
    expect((await clinicianMeta()).passphraseChangedElsewhereAt).toBeUndefined();
  });

  it('adding needs the passphrase of the clinician at the device', async () => {
    await setUpVault(ANA, { cost });
    await becomeClinician('Dra. Ana', ANA, { cost });
    await expect(addClinician('Dr. Beto', 'beto passphrase', 'not ana', { cost })).rejects.toMatchObject({
      name: 'WrongSecretError',
    });
  });

  it("after removing Beto, new records use a new key: Ana opens old and new, Beto's keys open only old", async () => {
    await setUpVault(ANA, { cost });
    const before = await createPatient({ code: 'P-BEFORE', name: 'Rosa Before' });
    await becomeClinician('Dra. Ana', ANA, { cost });
    const beto = await addClinician('Dr. Beto', 'beto passphrase', ANA, { cost });
    const oldKid = (await clinicianMeta()).kid;

    const progress: string[] = [];
    const grants = await rotateClinicKey([(await clinicianMeta()).keyring], (done, total) =>
      progress.push(`${done}/${total}`),
    );
    expect(progress).toEqual(['1/1']);
    const newKid = (await clinicianMeta()).kid;
    expect(newKid).not.toBe(oldKid);
    const after = await createPatient({ code: 'P-AFTER', name: 'Luis After' });
    expect((await stored(after.id)).kid).toBe(newKid);
    expect((await stored(before.id)).kid).toBe(oldKid);

    // The keys survive a lock: both records open after unlocking with the passphrase.
    lockVault();
    await unlockVault(ANA);
    expect(await getPatient(before.id)).toEqual(before);
    expect(await getPatient(after.id)).toEqual(after);

    const betoPrivate = await openClinician(beto.keyring, { passphrase: 'beto passphrase' });
    const betoKeys = await openGrants(beto.keyring.clinician, [...beto.grants, ...grants], betoPrivate);
    expect(betoKeys.map((k) => k.kid)).toEqual([oldKid]);
    expect(await open('patient', await stored(before.id), betoKeys[0]!.key)).toEqual(before);
    await expect(open('patient', await stored(after.id), betoKeys[0]!.key)).rejects.toThrow();
  });
});
