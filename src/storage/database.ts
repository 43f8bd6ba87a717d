import { openDB, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { ResmoDB, Sample } from './schema.js';
import { StorageError, toStorageError } from './errors.js';
import { OpenTimeoutError, openWithTimeout } from './open-timeout.js';

export type ResmoDatabase = IDBPDatabase<ResmoDB>;
type UpgradeTransaction = IDBPTransaction<ResmoDB, StoreNames<ResmoDB>[], 'versionchange'>;
type Migration = (db: ResmoDatabase, tx: UpgradeTransaction) => void;

export const DATABASE_NAME = 'resmo';

/** Migration n takes the database from version n to n + 1. Append, never edit a shipped one. */
const MIGRATIONS: readonly Migration[] = [
  (db) => {
    db.createObjectStore('patients', { keyPath: 'id' });
    const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
    sessions.createIndex('by-patient', 'patientId');
    db.createObjectStore('samples', { keyPath: ['sessionId', 'second'] });
    const markers = db.createObjectStore('markers', { keyPath: 'id' });
    markers.createIndex('by-session', 'sessionId');
  },
  (_db, tx) => void renameSampleField(tx, 'quality', 'detectorScore'),
  (db) => {
    db.createObjectStore('vault');
  },
];

export const DATABASE_VERSION = MIGRATIONS.length;

/** Renames a field of every stored sample; the upgrade waits for these requests before it commits. */
async function renameSampleField(tx: UpgradeTransaction, from: string, to: string): Promise<void> {
  let cursor = await tx.objectStore('samples').openCursor();
  while (cursor) {
    const { [from]: value, ...rest } = cursor.value as unknown as Record<string, unknown>;
    if (value !== undefined) await cursor.update({ ...rest, [to]: value } as unknown as Sample);
    cursor = await cursor.continue();
  }
}

let connection: Promise<ResmoDatabase> | undefined;

/** How long one open may stay unanswered before it is tried again, once. */
export const OPEN_TIMEOUT_MS = 8_000;

function open(alive: () => void): Promise<ResmoDatabase> {
  return openDB<ResmoDB>(DATABASE_NAME, DATABASE_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      alive();
      for (const migrate of MIGRATIONS.slice(oldVersion)) migrate(db, tx);
    },
    // Another tab is upgrading: let it, and reopen on the next call.
    blocking() {
      void closeDatabase();
    },
    terminated() {
      connection = undefined;
    },
  });
}

/** The shared connection, opened on first use. */
export function database(): Promise<ResmoDatabase> {
  connection ??= openWithTimeout(open, { timeoutMs: OPEN_TIMEOUT_MS, attempts: 2, late: (db) => db.close() }).catch(
    (error: unknown) => {
      connection = undefined;
      if (error instanceof OpenTimeoutError)
        throw new StorageError('stuck', 'The browser does not open the database.', { cause: error });
      throw toStorageError(error);
    },
  );
  return connection;
}

/** Closes the connection; the next call opens a fresh one (tests and version changes). */
export async function closeDatabase(): Promise<void> {
  const pending = connection;
  connection = undefined;
  if (pending) (await pending.catch(() => undefined))?.close();
}
