/** The sync chunk: loaded only once a clinic turns sync on (PouchDB is not in the app's first download). */
import { remoteOf } from './engine.js';
import { SyncProblemError, problemOf, type SyncAccount } from './status.js';
import type { KeyringDoc } from './wire.js';

export { SyncEngine } from './engine.js';

/** Signs in to the clinic database once; throws SyncProblemError with a reason the user can act on. */
export async function checkAccount(account: SyncAccount): Promise<void> {
  const remote = remoteOf(account);
  try {
    await remote.info();
    // Reading proves membership: CouchDB answers info() to some accounts that may not read documents.
    await remote.allDocs({ limit: 1 });
  } catch (error) {
    throw new SyncProblemError(problemOf(error), { cause: error });
  } finally {
    await remote.close();
  }
}

/** The clinic key as wrapped for each clinician, read from the server (a new device joins with one). */
export async function clinicKeyrings(account: SyncAccount): Promise<KeyringDoc[]> {
  const remote = remoteOf(account);
  try {
    const page = await remote.allDocs({ startkey: 'keyring:', endkey: 'keyring:\ufff0', include_docs: true });
    return page.rows.map((row) => row.doc as unknown as KeyringDoc);
  } catch (error) {
    throw new SyncProblemError(problemOf(error), { cause: error });
  } finally {
    await remote.close();
  }
}
