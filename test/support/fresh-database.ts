import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { closeDatabase } from '../../src/storage/database';
import { forgetVault } from '../../src/storage/vault';

/** Gives each test an empty in-memory IndexedDB (unit tests run in node). */
export async function freshDatabase(): Promise<void> {
  await closeDatabase();
  forgetVault();
  globalThis.indexedDB = new IDBFactory();
}
