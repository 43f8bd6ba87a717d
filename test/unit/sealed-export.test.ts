import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/fresh-database';
import { dumpDatabase } from '../support/dump-database';
import { sampleExport } from '../support/sample-export';
import { exportPatientData, serializeExport } from '../../src/storage/export';
import { importFile } from '../../src/storage/import';
import { sealExportText } from '../../src/storage/sealed-export';
import { KDF_FLOOR } from '../../src/storage/vault-kdf';

beforeEach(freshDatabase);

const plain = serializeExport(sampleExport());
const patientId = sampleExport().patients[0]!.id;
const blob = (text: string) => new Blob([text], { type: 'application/json' });

describe('sealed exports', { timeout: 60_000 }, () => {
  it('hides the content and imports with the right passphrase, identical to the plain file', async () => {
    const sealed = await sealExportText(plain, 'shared with dr. ruiz', KDF_FLOOR);
    expect(sealed).not.toContain('P-7K3F9Q');
    expect(sealed).not.toContain('Núñez');
    expect(await importFile(blob(sealed), 'shared with dr. ruiz')).toMatchObject({
      patientsAdded: 1,
      sessionsAdded: 2,
    });
    expect(serializeExport(await exportPatientData(patientId, Date.parse(sampleExport().exportedAt)))).toBe(plain);
  });

  it('asks for the passphrase, refuses a wrong one and a tampered file, and changes nothing', async () => {
    const sealed = await sealExportText(plain, 'shared with dr. ruiz', KDF_FLOOR);
    const before = JSON.stringify(await dumpDatabase());
    await expect(importFile(blob(sealed))).rejects.toMatchObject({ reason: 'sealed' });
    await expect(importFile(blob(sealed), 'shared with dr. ruis')).rejects.toMatchObject({
      reason: 'wrong-passphrase',
    });
    const file = JSON.parse(sealed) as { ct: string; id: string };
    const flipped = { ...file, ct: (file.ct[0] === 'A' ? 'B' : 'A') + file.ct.slice(1) };
    await expect(importFile(blob(JSON.stringify(flipped)), 'shared with dr. ruiz')).rejects.toMatchObject({
      reason: 'wrong-passphrase',
    });
    const moved = { ...file, id: crypto.randomUUID() };
    await expect(importFile(blob(JSON.stringify(moved)), 'shared with dr. ruiz')).rejects.toMatchObject({
      reason: 'wrong-passphrase',
    });
    expect(JSON.stringify(await dumpDatabase())).toBe(before);
  });

  it('refuses a sealed file asking for an absurd key-derivation cost', async () => {
    const file = JSON.parse(await sealExportText(plain, 'x', KDF_FLOOR)) as { kdf: { m: number } };
    file.kdf.m = 4 * 1024 * 1024;
    await expect(importFile(blob(JSON.stringify(file)), 'x')).rejects.toMatchObject({ reason: 'wrong-passphrase' });
  });
});
