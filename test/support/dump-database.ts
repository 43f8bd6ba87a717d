import { database } from '../../src/storage/database';
import { STORE_NAMES } from '../../src/storage/schema';

/** Every record of every store, for before/after comparisons. */
export async function dumpDatabase(): Promise<Record<string, unknown[]>> {
  const db = await database();
  const entries = await Promise.all(STORE_NAMES.map(async (name) => [name, await db.getAll(name)] as const));
  return Object.fromEntries(entries);
}

/**
 * The same without the per-field edit times (sync's bookkeeping for merging a record changed on
 * two devices): exports do not carry them, so a record that went out and came back has none.
 */
export function withoutEditTimes(dump: Record<string, unknown[]>): Record<string, unknown[]> {
  const strip = (row: unknown) =>
    Object.fromEntries(Object.entries(row as object).filter(([k]) => k !== 'edited' && k !== 'notesPast'));
  return { ...dump, patients: (dump.patients ?? []).map(strip), sessions: (dump.sessions ?? []).map(strip) };
}
