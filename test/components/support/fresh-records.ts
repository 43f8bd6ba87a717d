import { deleteDB } from 'idb';
import { closeDatabase } from '../../../src/storage/index';
import { DATABASE_NAME } from '../../../src/storage/database';
import { forgetVault } from '../../../src/storage/vault';

/** Test files share one origin: each starts from an empty record store and no keys. */
export async function freshRecords(): Promise<void> {
  await closeDatabase();
  forgetVault();
  await deleteDB(DATABASE_NAME);
}
