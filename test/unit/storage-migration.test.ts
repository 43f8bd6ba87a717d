import { beforeEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { freshDatabase } from '../support/fresh-database';
import { DATABASE_NAME } from '../../src/storage/database';
import { exportSessionData } from '../../src/storage/export';
import { getSamples } from '../../src/storage/sessions';

beforeEach(freshDatabase);

/** A database as version 1 of the app left it: samples kept the detector score as `quality`. */
async function versionOneDatabase(): Promise<void> {
  const db = await openDB(DATABASE_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('patients', { keyPath: 'id' });
      db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('by-patient', 'patientId');
      db.createObjectStore('samples', { keyPath: ['sessionId', 'second'] });
      db.createObjectStore('markers', { keyPath: 'id' }).createIndex('by-session', 'sessionId');
    },
  });
  const patient = { id: 'p1', code: 'P-1', name: '', birthDate: null, notes: '', archived: false };
  await db.put('patients', { ...patient, createdAt: 0, updatedAt: 0 });
  await db.put('sessions', {
    id: 's1',
    patientId: 'p1',
    startedAt: 0,
    endedAt: 2000,
    seconds: 2,
    notes: '',
    updatedAt: 0,
  });
  const happy = [0, 0, 0, 90, 0, 0, 10];
  await db.put('samples', {
    sessionId: 's1',
    second: 0,
    usable: 100,
    probabilities: happy,
    quality: 83,
    dominant: 'happy',
  });
  await db.put('samples', {
    sessionId: 's1',
    second: 1,
    usable: 0,
    probabilities: null,
    quality: null,
    dominant: null,
  });
  db.close();
}

describe('database upgrade', () => {
  it('keeps the detector score of samples recorded before version 2, under its own name', async () => {
    await versionOneDatabase();
    const samples = await getSamples('s1');
    expect(samples.map((s) => [s.detectorScore, 'quality' in s])).toEqual([
      [83, false],
      [null, false],
    ]);
    const exported = await exportSessionData('s1');
    expect(exported.patients[0]?.sessions[0]?.seconds).toEqual([[100, 83, 0, 0, 0, 90, 0, 0, 10], [0]]);
  });
});
