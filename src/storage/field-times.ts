import type { FieldTimes, Patient, Session } from './schema.js';

/**
 * Two devices that changed the same record apart merge it field by field with the edit times
 * kept inside the sealed record (FieldTimes): the later change of each field wins, and notes
 * changed on both keep both texts.
 */
type Mergeable = (Patient | Session) & FieldTimes;

/** Fields that are bookkeeping, not content. */
const META = new Set(['id', 'edited', 'notesPast', 'updatedAt']);
const PAST_KEPT = 64;
/** Put between two notes texts written apart on two devices. */
export const NOTES_JOIN = '\n\n';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** True when two records say the same (key order and absent-vs-undefined aside). */
export function sameRecord(a: object, b: object): boolean {
  return canonical(a) === canonical(b);
}

function timeOf(record: FieldTimes, field: string): number {
  return record.edited?.[field] ?? 0;
}

function contentFields(...records: object[]): string[] {
  const fields = new Set(records.flatMap((r) => Object.keys(r)));
  return [...fields].filter((f) => !META.has(f)).sort();
}

/**
 * Stamps the time of every field `next` changed from `current` (what updateRecord writes);
 * `only` limits it to the fields two devices can both change (a session's notes).
 */
export function stampEdits<T extends Mergeable>(current: T, next: T, now: number, only?: readonly string[]): T {
  const edited = { ...current.edited };
  let notesPast = current.notesPast;
  for (const field of contentFields(current, next)) {
    if (only && !only.includes(field)) continue;
    const [before, after] = [(current as never)[field], (next as never)[field]];
    if (canonical(before) === canonical(after)) continue;
    edited[field] = now;
    if (field === 'notes') notesPast = [...(current.notesPast ?? []), timeOf(current, 'notes')].slice(-PAST_KEPT);
  }
  const stamped = Object.keys(edited).length > 0;
  return { ...next, ...(stamped ? { edited } : {}), ...(notesPast ? { notesPast } : {}) };
}

interface Merged<T> {
  record: T;
  /** Notes were written apart on two devices: both texts are in the result, for the clinician to tidy. */
  notesJoined: boolean;
}

function mergeNotes<T extends Mergeable>(a: T, b: T): { notes: string; time: number; past: number[]; joined: boolean } {
  const [ta, tb] = [timeOf(a, 'notes'), timeOf(b, 'notes')];
  const past = [...new Set([...(a.notesPast ?? []), ...(b.notesPast ?? [])])].sort((x, y) => x - y);
  const keep = (r: T, t: number) => ({ notes: r.notes, time: t, past: r.notesPast ?? [], joined: false });
  if (a.notes === b.notes) return { ...keep(ta >= tb ? a : b, Math.max(ta, tb)), past };
  // One side wrote over the other's text: that side is the later version.
  if ((b.notesPast ?? []).includes(ta)) return keep(b, tb);
  if ((a.notesPast ?? []).includes(tb)) return keep(a, ta);
  const [older, newer] = ta < tb || (ta === tb && a.notes < b.notes) ? [a, b] : [b, a];
  const time = Math.max(ta, tb) + 1;
  const all = [...new Set([...past, ta, tb])].sort((x, y) => x - y).slice(-PAST_KEPT);
  return { notes: `${older.notes}${NOTES_JOIN}${newer.notes}`, time, past: all, joined: true };
}

/** Merges two versions of one record: deterministic, the same whichever device runs it. */
export function mergeTwo<T extends Mergeable>(a: T, b: T): Merged<T> {
  const record: Record<string, unknown> = { id: a.id };
  const edited: Record<string, number> = {};
  for (const field of contentFields(a, b)) {
    if (field === 'notes') continue;
    const [ta, tb] = [timeOf(a, field), timeOf(b, field)];
    const [va, vb] = [(a as never)[field], (b as never)[field]];
    const pick = ta !== tb ? (ta > tb ? va : vb) : canonical(va) >= canonical(vb) ? va : vb;
    if (pick !== undefined) record[field] = pick;
    if (Math.max(ta, tb) > 0) edited[field] = Math.max(ta, tb);
  }
  const notes = mergeNotes(a, b);
  record.notes = notes.notes;
  if (notes.time > 0) edited.notes = notes.time;
  record.updatedAt = Math.max(a.updatedAt, b.updatedAt, notes.time);
  record.edited = edited;
  if (notes.past.length) record.notesPast = notes.past;
  return { record: record as T, notesJoined: notes.joined };
}

/** Merges every version (all the leaves of a conflict) in an order that does not depend on the device. */
export function mergeAll<T extends Mergeable>(versions: readonly T[]): Merged<T> {
  const [first, ...rest] = [...versions].sort((x, y) => (canonical(x) < canonical(y) ? -1 : 1));
  if (!first) throw new RangeError('Nothing to merge.');
  let result: Merged<T> = { record: first, notesJoined: false };
  for (const next of rest) {
    const step = mergeTwo(result.record, next);
    result = { record: step.record, notesJoined: result.notesJoined || step.notesJoined };
  }
  return result;
}
