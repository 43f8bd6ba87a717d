/** The sync chunk: loaded only once a clinic turns sync on (PouchDB is not in the app's first download). */
import { remoteOf } from './engine.js';
import { SyncProblemError, problemOf, type SyncAccount } from './status.js';
import type { ClinicianDoc, GrantDoc } from './clinic-docs.js';
import type { KeyringDoc } from './wire.js';

export { SyncEngine } from './engine.js';
export { grantDocs, putDocs, readRing, removeDocs } from './clinicians.js';
export { toClinicianDoc } from './clinic-docs.js';

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

/** The clinic's keyrings and the keys given to each clinician, read from the server (a new device joins with one). */
export async function clinicKeyrings(account: SyncAccount): Promise<(KeyringDoc | ClinicianDoc | GrantDoc)[]> {
  const remote = remoteOf(account);
  try {
    const docs: (KeyringDoc | ClinicianDoc | GrantDoc)[] = [];
    for (const prefix of ['keyring:', 'grant:']) {
      const page = await remote.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0`, include_docs: true });
      for (const row of page.rows) docs.push(row.doc as unknown as KeyringDoc | ClinicianDoc | GrantDoc);
    }
    return docs;
  } catch (error) {
    throw new SyncProblemError(problemOf(error), { cause: error });
  } finally {
    await remote.close();
  }
}
