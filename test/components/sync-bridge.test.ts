import { beforeEach, describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-browser';
import { Bridge } from '../../src/sync/bridge';
import {
  createPatient,
  finishSession,
  holdsKey,
  listSessions,
  setUpVault,
  startSession,
} from '../../src/storage/index';
import { KDF_FLOOR } from '../../src/storage/vault-kdf';
import { freshRecords } from './support/fresh-records';

describe('the bridge between the records and the sync outbox', () => {
  beforeEach(freshRecords);

  it('takes in a deletion from another device even when it compares the records first', async () => {
    await setUpVault('a room with a view of the hills', { cost: { ...KDF_FLOOR } });
    const patient = await createPatient({ name: 'Bridge Test' });
    const session = await startSession(patient.id);
    await finishSession(session.id);
    const outbox = new PouchDB<object>(`bridge-${crypto.randomUUID()}`);
    const bridge = new Bridge(outbox, holdsKey);
    expect(await bridge.send()).toBe(2);

    // Replication brings the other device's deletion into the outbox (a revision this device never wrote).
    const id = `session:${session.id}`;
    await outbox.remove(await outbox.get(id));
    // The next pass compares before it takes changes in: the session must not go back out.
    expect(await bridge.send()).toBe(0);
    expect(await bridge.receive()).toBe(1);

    expect(await listSessions(patient.id)).toEqual([]);
    await expect(outbox.get(id)).rejects.toMatchObject({ status: 404 });
    await outbox.destroy();
  });
});
