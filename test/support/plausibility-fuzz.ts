import { EMOTION_LABELS } from '../../src/shared/emotions';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile, type ExportPatient } from '../../src/shared/export-schema';
import { random } from './random';

/**
 * Generated import files that are well-formed but may not make sense: birth dates from year
 * 0001 to 2999, sessions from minus days to fifty years long, timestamps far in the past or
 * future, ids that differ from the device's only by case, and a patient id already on the
 * device used for somebody else. Each file says what the import should do with it.
 */
export type Expectation = 'accept' | 'refuse' | 'either';
export type ClashAnswer = 'keep-both' | 'merge' | 'cancel';

export interface FuzzedImport {
  family: 'birth date' | 'session length' | 'timestamp' | 'id case' | 'patient clash';
  name: string;
  content: string;
  expect: Expectation;
  /** Only for a patient clash: what the clinician answers in the dialog. */
  answer?: ClashAnswer;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const iso = (ms: number): string => new Date(ms).toISOString();
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function uuid(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** Upper-cases some of the id's letters (at least one). */
function caseVariant(id: string, next: () => number): string {
  const letters = [...id].map((c, i) => (/[a-f]/.test(c) ? i : -1)).filter((i) => i >= 0);
  const forced = letters[Math.floor(next() * letters.length)];
  return [...id].map((c, i) => (i === forced || next() < 0.4 ? c.toUpperCase() : c)).join('');
}

const BASE_START = Date.UTC(2026, 10, 2, 9, 30);

/** The file seeded first: one patient, one short session with a marker. */
export function basePatientFile(): ExportFile {
  const next = random(2024);
  return file([patient(next, { code: 'P-BASE01', name: 'Ana Ruiz', birthDate: '1984-05-17' }, BASE_START)]);
}

function file(patients: ExportPatient[], exportedAt = BASE_START + DAY): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(exportedAt),
    labels: [...EMOTION_LABELS],
    patients,
  };
}

function patient(
  next: () => number,
  who: { code: string; name: string; birthDate: string | null },
  start: number,
  end: number | null = start + 3_000,
): ExportPatient {
  return {
    id: uuid(next),
    ...who,
    notes: '',
    archived: false,
    createdAt: iso(Math.min(start, BASE_START)),
    updatedAt: iso(Math.min(start, BASE_START)),
    sessions: [
      {
        id: uuid(next),
        startedAt: iso(start),
        endedAt: end === null ? null : iso(end),
        updatedAt: iso(end ?? start),
        notes: '',
        markers: [{ id: uuid(next), t: 1_000, label: 'start' }],
        seconds: [[0], [100, 80, 10, 0, 0, 70, 10, 0, 10], [0]],
      },
    ],
  };
}

/** Year 1–2999, half of them uniformly, half near the plausible range, as YYYY-MM-DD. */
function randomBirthDate(next: () => number, nowYear: number): string {
  const year = next() < 0.5 ? 1 + Math.floor(next() * 2999) : nowYear - 140 + Math.floor(next() * 150);
  return `${pad(year, 4)}-${pad(1 + Math.floor(next() * 12))}-${pad(1 + Math.floor(next() * 28))}`;
}

function birthDates(next: () => number, count: number, now: number): FuzzedImport[] {
  const nowYear = new Date(now).getUTCFullYear();
  return Array.from({ length: count }, (_, i) => {
    const birthDate = randomBirthDate(next, nowYear);
    const year = Number(birthDate.slice(0, 4));
    const expect: Expectation =
      year > nowYear || year < nowYear - 131 ? 'refuse' : year < nowYear && year > nowYear - 129 ? 'accept' : 'either';
    const content = JSON.stringify(file([patient(next, { code: `P-BD${i}`, name: '', birthDate }, BASE_START)]));
    return { family: 'birth date', name: `birth date ${birthDate}`, content, expect };
  });
}

/** Lengths from minus ten days to fifty years, log-spread so hours and decades both appear. */
function sessionLengths(next: () => number, count: number, now: number): FuzzedImport[] {
  return Array.from({ length: count }, (_, i) => {
    const sign = next() < 0.15 ? -1 : 1;
    const length = Math.round(sign * Math.exp(Math.log(1_000) + next() * (Math.log(50 * 365 * DAY) - Math.log(1_000))));
    const start = Date.UTC(2020, 6, 1) + Math.floor(next() * (now - 60 * DAY - Date.UTC(2020, 6, 1)));
    const end = start + length;
    const expect: Expectation =
      length < 0 || length > 37 * HOUR || end > now + 2 * DAY
        ? 'refuse'
        : length < 35 * HOUR && end < now
          ? 'accept'
          : 'either';
    const content = JSON.stringify(file([patient(next, { code: `P-SL${i}`, name: '', birthDate: null }, start, end)]));
    return { family: 'session length', name: `session of ${length} ms from ${iso(start)}`, content, expect };
  });
}

/** One timestamp of the file (export, patient created, session started) moved to year 1–2999. */
function timestamps(next: () => number, count: number, now: number): FuzzedImport[] {
  const nowYear = new Date(now).getUTCFullYear();
  return Array.from({ length: count }, (_, i) => {
    const year = next() < 0.5 ? 1 + Math.floor(next() * 2999) : 2015 + Math.floor(next() * (nowYear - 2015 + 5));
    const at = Date.UTC(year, Math.floor(next() * 12), 1 + Math.floor(next() * 28));
    const f = file([patient(next, { code: `P-TS${i}`, name: '', birthDate: null }, BASE_START)]);
    const p = f.patients[0] as ExportPatient;
    const field = ['exportedAt', 'createdAt', 'startedAt'][i % 3];
    if (field === 'exportedAt') f.exportedAt = iso(at);
    else if (field === 'createdAt') p.createdAt = p.updatedAt = iso(Math.min(at, BASE_START));
    else if (p.sessions[0]) {
      const start = Math.min(at, BASE_START);
      Object.assign(p.sessions[0], {
        startedAt: iso(start),
        endedAt: iso(start + 3_000),
        updatedAt: iso(start + 3_000),
      });
    }
    const moved = field === 'exportedAt' ? at : Math.min(at, BASE_START);
    const expect: Expectation =
      moved < Date.UTC(2020, 0, 1) || moved > now + 2 * DAY
        ? 'refuse'
        : moved >= Date.UTC(2020, 0, 2) && moved < now
          ? 'accept'
          : 'either';
    return { family: 'timestamp', name: `${field} ${iso(at)}`, content: JSON.stringify(f), expect };
  });
}

/** The seeded file again with ids in other cases; some add two sessions whose ids differ only by case. */
function idCases(next: () => number, count: number, base: ExportFile): FuzzedImport[] {
  return Array.from({ length: count }, (_, i) => {
    const f = structuredClone(base);
    const p = f.patients[0] as ExportPatient;
    const s = p.sessions[0];
    p.id = caseVariant(p.id, next);
    if (s) {
      s.id = caseVariant(s.id, next);
      s.markers.forEach((m) => (m.id = caseVariant(m.id, next)));
    }
    const twins = i % 4 === 0 && s;
    if (twins) {
      const id = uuid(next);
      const copy = (sessionId: string) => ({ ...s, id: sessionId, markers: [] });
      p.sessions.push(copy(id), copy(caseVariant(id, next)));
    }
    const name = twins ? 'two new sessions whose ids differ only by case' : 'seeded ids in another case';
    return { family: 'id case', name, content: JSON.stringify(f), expect: twins ? 'refuse' : 'accept' };
  });
}

/** The seeded patient's id (some in another case) for somebody else, with a new session. */
function clashes(next: () => number, count: number, base: ExportFile): FuzzedImport[] {
  const answers: ClashAnswer[] = ['keep-both', 'merge', 'cancel'];
  const seeded = base.patients[0] as ExportPatient;
  return Array.from({ length: count }, (_, i) => {
    const other = patient(
      next,
      { code: `P-CL${i}`, name: `Someone ${i}`, birthDate: '1990-01-0' + (1 + (i % 9)) },
      BASE_START + (i + 1) * HOUR,
    );
    other.id = i % 2 ? caseVariant(seeded.id, next) : seeded.id;
    if (i % 5 === 0) other.code = seeded.code; // same code, another name and birth date
    const answer = answers[Math.floor(next() * answers.length)] ?? 'cancel';
    const content = JSON.stringify(file([other]));
    return {
      family: 'patient clash',
      name: `clash ${i} answered ${answer}`,
      content,
      expect: answer === 'cancel' ? 'refuse' : 'accept',
      answer,
    };
  });
}

/** `perFamily` files of each of the five families, in a seeded shuffle. */
export function fuzzedImports(seed: number, perFamily: number, now: number): FuzzedImport[] {
  const next = random(seed);
  const base = basePatientFile();
  const all = [
    ...birthDates(next, perFamily, now),
    ...sessionLengths(next, perFamily, now),
    ...timestamps(next, perFamily, now),
    ...idCases(next, perFamily, base),
    ...clashes(next, perFamily, base),
  ];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [all[i], all[j]] = [all[j] as FuzzedImport, all[i] as FuzzedImport];
  }
  return all;
}
