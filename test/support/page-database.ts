import type { Page } from 'playwright-core';
import { secondsOfRows } from './sample-rows';

export type DatabaseDump = Record<string, unknown[]>;

/**
 * Every record of the app's IndexedDB, read in the page with the raw API (the test looks at
 * the database from outside; the app itself only reaches it through src/storage). Runs in the
 * page: pass it to Playwright's `evaluate` or WebDriver's `execute`.
 */
export async function readDatabaseInPage(dbName: string): Promise<DatabaseDump> {
  // Opening a database that does not exist would create it empty, at version 1, and the app's
  // own upgrade would then take it for an old database of its own.
  if (!(await indexedDB.databases()).some((d) => d.name === dbName)) return {};
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const dump: Record<string, unknown[]> = {};
  for (const store of Array.from(db.objectStoreNames)) {
    dump[store] = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  db.close();
  return dump;
}

/** The page's database, with plaintext minute blocks read as the seconds they hold (one sample each). */
export async function dumpPageDatabase(page: Page, name = 'resmo'): Promise<DatabaseDump> {
  const dump = await page.evaluate(readDatabaseInPage, name);
  return dump.samples ? { ...dump, samples: secondsOfRows(dump.samples) } : dump;
}

/** The stores that hold records: what a clinician's data is, whatever empty stores the schema has. */
export function storesWithRecords(dump: DatabaseDump): DatabaseDump {
  return Object.fromEntries(Object.entries(dump).filter(([, rows]) => rows.length > 0));
}
