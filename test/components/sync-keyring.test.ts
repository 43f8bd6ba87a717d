import { beforeEach, describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-browser';
import { becomeClinician, changeVaultPassphrase, lockVault, unlockVault, vaultMeta } from '../../src/storage/index';
import { rewrapClinician } from '../../src/storage/clinic-keys';
import type { ClinicianMeta } from '../../src/storage/clinic-types';
import { setUpVault } from '../../src/storage/vault';
import { KDF_FLOOR } from '../../src/storage/vault-kdf';
import { toClinicianDoc } from '../../src/sync/clinic-docs';
import { keepKeysLevel, putDocs } from '../../src/sync/clinicians';
import { freshRecords } from './support/fresh-records';

const FIRST = 'the first passphrase of Ana';
const SECOND = 'a second one typed on her laptop';
const THIRD = 'and a third one typed here';
const cost = { ...KDF_FLOOR };

async function mine(): Promise<ClinicianMeta> {
  const meta = await vaultMeta();
  if (meta?.v !== 2) throw new Error('not a clinician');
  return meta;
}

describe("a clinician's passphrase across their devices", () => {
  beforeEach(freshRecords);

  it('a new passphrase set on another device comes in, and one set here goes out, with no back and forth', async () => {
    await setUpVault(FIRST, { cost });
    await becomeClinician('Dra. Ana Quintero', FIRST, { cost });
    const outbox = new PouchDB<object>(`keyring-${crypto.randomUUID()}`);
    const id = toClinicianDoc((await mine()).keyring)._id;
    await putDocs(outbox, [toClinicianDoc((await mine()).keyring)]);
    await keepKeysLevel(outbox);

    // Her laptop changed the passphrase; replication brings that keyring in.
    const laptop = await rewrapClinician((await mine()).keyring, { passphrase: FIRST }, SECOND);
    await putDocs(outbox, [toClinicianDoc(laptop)]);
    const arrived = (await outbox.get(id))._rev;
    await keepKeysLevel(outbox);
    await keepKeysLevel(outbox);
    expect((await outbox.get(id))._rev).toBe(arrived);
    expect(toClinicianDoc((await mine()).keyring).wrapped).toBe(toClinicianDoc(laptop).wrapped);
    lockVault();
    await expect(unlockVault(FIRST)).rejects.toThrow();
    await unlockVault(SECOND);

    // Changed here: it goes out.
    await changeVaultPassphrase({ passphrase: SECOND }, THIRD);
    await keepKeysLevel(outbox);
    const out = (await outbox.get(id)) as unknown as { wrapped: string };
    expect(out.wrapped).toBe(toClinicianDoc((await mine()).keyring).wrapped);
    await outbox.destroy();
  });

  it('a keyring with other recovery words is not taken in, and this device puts its own back', async () => {
    await setUpVault(FIRST, { cost });
    await becomeClinician('Dra. Ana Quintero', FIRST, { cost });
    const outbox = new PouchDB<object>(`keyring-${crypto.randomUUID()}`);
    const own = toClinicianDoc((await mine()).keyring);
    await putDocs(outbox, [own]);
    await keepKeysLevel(outbox);

    const forged = await rewrapClinician((await mine()).keyring, { passphrase: FIRST }, SECOND);
    forged.recovery = { ...forged.recovery, wrapped: crypto.getRandomValues(new Uint8Array(40)) };
    await putDocs(outbox, [toClinicianDoc(forged)]);
    await keepKeysLevel(outbox);
    expect(toClinicianDoc((await mine()).keyring).wrapped).toBe(own.wrapped);
    expect(((await outbox.get(own._id)) as unknown as { wrapped: string }).wrapped).toBe(own.wrapped);
    lockVault();
    await unlockVault(FIRST);
    await outbox.destroy();
  });
});
