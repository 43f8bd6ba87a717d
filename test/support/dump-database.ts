import { database } from '../../src/storage/database';
import { STORE_NAMES } from '../../src/storage/schema';

/** Every record of every store, for before/after comparisons. */
export async function dumpDatabase(): Promise<Record<string, unknown[]>> {
  const db = await database();
  const entries = await Promise.all(STORE_NAMES.map(async (name) => [name, await db.getAll(name)] as const));
  return Object.fromEntries(entries);
}
