import type { DatabaseDump } from './page-database';
import type { Marker, Patient, Sample, Session } from '../../src/storage/schema';

const DAY = 86_400_000;
const EARLIEST = Date.UTC(2020, 0, 1);
/** Written out here rather than imported, so the check does not trust the code it checks. */
const LONGEST_RECORDING_S = 12 * 3600;
const LONGEST_SPAN_MS = 36 * 3600 * 1000;

/**
 * What must hold in the database after any accepted import, whatever the file said: plausible
 * dates, sessions no longer than the recorder allows, ids unique as the store compares them
 * (and written as the app writes them), every session complete and owned by a patient.
 * Returns the problems found, empty when the data makes sense.
 */
export function senseProblems(dump: DatabaseDump, now: number): string[] {
  const patients = dump.patients as Patient[];
  const sessions = dump.sessions as Session[];
  const samples = dump.samples as Sample[];
  const markers = dump.markers as Marker[];
  const problems: string[] = [];
  const fail = (what: string) => problems.push(what);
  const inTime = (ms: number) => ms >= EARLIEST && ms <= now + DAY;
  const oldest = new Date(now);
  oldest.setUTCFullYear(oldest.getUTCFullYear() - 130);

  for (const p of patients) {
    if (p.birthDate !== null) {
      const born = Date.parse(`${p.birthDate}T00:00:00Z`);
      if (!(born <= now + DAY && born >= oldest.getTime() - DAY)) fail(`patient ${p.code} born ${p.birthDate}`);
    }
    if (!inTime(p.createdAt) || !inTime(p.updatedAt)) fail(`patient ${p.code} timestamps`);
  }
  const patientIds = new Set(patients.map((p) => p.id));
  const sampleCount = new Map<string, number>();
  samples.forEach((s) => sampleCount.set(s.sessionId, (sampleCount.get(s.sessionId) ?? 0) + 1));
  for (const s of sessions) {
    if (!patientIds.has(s.patientId)) fail(`session ${s.id} without its patient`);
    if (!inTime(s.startedAt) || !inTime(s.updatedAt)) fail(`session ${s.id} timestamps`);
    if (s.endedAt !== null && (s.endedAt < s.startedAt || s.endedAt - s.startedAt > LONGEST_SPAN_MS))
      fail(`session ${s.id} from ${s.startedAt} to ${s.endedAt}`);
    if (s.seconds > LONGEST_RECORDING_S || (sampleCount.get(s.id) ?? 0) !== s.seconds) fail(`session ${s.id} seconds`);
  }
  const ids = [...patients, ...sessions, ...markers].map((r) => r.id);
  if (ids.some((id) => id !== id.toLowerCase())) fail('ids not in lower case');
  if (new Set(ids.map((id) => id.toLowerCase())).size !== ids.length) fail('ids equal but for case');
  return problems;
}
