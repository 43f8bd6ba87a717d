/**
 * The Resmo export file, version 3 (version 2 plus the patient's consent; version 2 added
 * baselines; version 1 and 2 files still import): what leaves the device. docs/export-format.md documents it.
 * Import parses with this schema and nothing else, so a file the schema rejects changes nothing.
 */
import * as v from 'valibot';
import { isIdentifierSystem, isIdentifierValue } from './ehr-identifier.js';
import { CONSENT_FORMS, isConsentDate, isConsentNote } from './consent.js';
import { EMOTION_LABELS } from './emotions.js';
import { isPlausibleBirthDate, isPlausibleSpan, isPlausibleTimestamp } from './plausible.js';
import { END_REASONS, MAX_RECORDED_SECONDS } from './session-limits.js';
import { MAX_BASELINES, MAX_BASELINE_ROWS, MIN_BASELINE_ROWS } from './baseline.js';
import { LIMITS, isCalendarDate, isPlainLine, isPlainText } from './text-rules.js';

export const EXPORT_FORMAT = 'resmo';
export const EXPORT_VERSION = 3;
/** Versions this build reads. */
export const EXPORT_VERSIONS = [1, 2, 3] as const;

/** Larger files are refused before parsing; a year of weekly hour-long sessions is ~6 MB. */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;
/** The recorder's own limit: every session the app records imports again. */
export const MAX_SECONDS_PER_SESSION = MAX_RECORDED_SECONDS;
export const MAX_MARKERS_PER_SESSION = 2_000;
export const MAX_SESSIONS = 5_000;
export const MAX_PATIENTS = 5_000;

/** Rounding seven percentages can move their sum by at most 3.5 from 100. */
const PROBABILITY_SUM_SLACK = 4;

const percent = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100));
/** Lower-cased as the app writes them (crypto.randomUUID), so the store's exact comparison finds them. */
const id = v.pipe(v.string(), v.uuid(), v.toLowerCase());
/** Exactly what `Date.prototype.toISOString` writes, so a timestamp survives a round trip unchanged. */
const timestamp = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
  v.check((s) => !Number.isNaN(Date.parse(s)) && new Date(Date.parse(s)).toISOString() === s, 'Invalid timestamp'),
  v.check((s) => isPlausibleTimestamp(Date.parse(s)), 'Timestamp before 2020 or in the future'),
);
const line = (max: number) =>
  v.pipe(v.string(), v.maxLength(max), v.check(isPlainLine, 'Markup or control characters'));
const text = (max: number) =>
  v.pipe(v.string(), v.maxLength(max), v.check(isPlainText, 'Markup or control characters'));

function sumOf(values: readonly (number | null)[]): number {
  return values.reduce<number>((sum, p) => sum + (p ?? 0), 0);
}

/** `[0]`: no usable face that second. */
const emptySecond = v.strictTuple([v.literal(0)]);
/** `[usable %, detector score % | null, …7 probabilities % in `labels` order]`. */
const faceSecond = v.pipe(
  // Seven probability columns, one per entry of EMOTION_LABELS.
  v.strictTuple([
    v.pipe(percent, v.minValue(1)),
    v.nullable(percent),
    percent,
    percent,
    percent,
    percent,
    percent,
    percent,
    percent,
  ]),
  v.check((row) => Math.abs(sumOf(row.slice(2)) - 100) <= PROBABILITY_SUM_SLACK, 'Probabilities do not sum to 100'),
);
export const secondSchema = v.union([emptySecond, faceSecond]);

export const markerSchema = v.strictObject({
  id,
  /** Milliseconds from the start of the recording. */
  t: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  label: line(LIMITS.markerLabel),
});

export const sessionSchema = v.pipe(
  v.strictObject({
    id,
    startedAt: timestamp,
    endedAt: v.nullable(timestamp),
    updatedAt: timestamp,
    /** Only when the app ended the recording (time limit, storage full). */
    endReason: v.optional(v.picklist(END_REASONS)),
    notes: text(LIMITS.notes),
    /** Absent in files from before video calls could be read: the camera. */
    source: v.optional(v.picklist(['camera', 'video-call']), 'camera'),
    /** Whether the probabilities were averaged over each face and its mirror image; absent: unknown or no face. */
    mirror: v.optional(v.picklist(['all', 'none', 'some'])),
    markers: v.pipe(v.array(markerSchema), v.maxLength(MAX_MARKERS_PER_SESSION)),
    /** One entry per recorded second, from second 0. */
    seconds: v.pipe(v.array(secondSchema), v.maxLength(MAX_SECONDS_PER_SESSION)),
  }),
  v.check(
    (s) => s.endedAt === null || Date.parse(s.endedAt) >= Date.parse(s.startedAt),
    'Session ends before it starts',
  ),
  v.check(
    (s) => isPlausibleSpan(Date.parse(s.startedAt), s.endedAt === null ? null : Date.parse(s.endedAt)),
    'Session longer than the recorder allows',
  ),
  v.check((s) => s.markers.every((m) => m.t <= (s.seconds.length + 1) * 1000), 'Marker after the end of the recording'),
);

/** Version 2: a neutral baseline as recorded, one row of seven probability % per usable second. */
export const baselineSchema = v.strictObject({
  id,
  recordedAt: timestamp,
  rows: v.pipe(
    v.array(v.strictTuple([percent, percent, percent, percent, percent, percent, percent])),
    v.minLength(MIN_BASELINE_ROWS),
    v.maxLength(MAX_BASELINE_ROWS),
    v.check(
      (rows) => rows.every((row) => Math.abs(sumOf(row) - 100) <= PROBABILITY_SUM_SLACK),
      'Probabilities do not sum to 100',
    ),
  ),
});

/** Version 3: the patient's consent as the clinician recorded it. */
export const consentSchema = v.strictObject({
  givenOn: v.pipe(v.string(), v.check(isConsentDate, 'Invalid consent date')),
  textVersion: v.pipe(v.string(), v.regex(/^[0-9A-Za-z.-]{1,16}$/)),
  form: v.picklist(CONSENT_FORMS),
  note: v.pipe(v.string(), v.check(isConsentNote, 'Invalid consent note')),
  recordedAt: timestamp,
  withdrawnAt: v.optional(timestamp),
});

export const patientSchema = v.strictObject({
  id,
  code: v.pipe(line(LIMITS.code), v.minLength(1)),
  name: line(LIMITS.name),
  birthDate: v.nullable(
    v.pipe(
      v.string(),
      v.check(isCalendarDate, 'Invalid date'),
      v.check((d) => isPlausibleBirthDate(d), 'Birth date in the future or more than 130 years ago'),
    ),
  ),
  notes: text(LIMITS.notes),
  /** Optional, so files written before it existed still import. */
  ehrIdentifier: v.optional(
    v.strictObject({
      system: v.pipe(v.string(), v.check(isIdentifierSystem, 'Invalid identifier system')),
      value: v.pipe(v.string(), v.check(isIdentifierValue, 'Invalid identifier value')),
    }),
  ),
  archived: v.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
  sessions: v.pipe(v.array(sessionSchema), v.maxLength(MAX_SESSIONS)),
  baselines: v.optional(v.pipe(v.array(baselineSchema), v.maxLength(MAX_BASELINES))),
  /** Optional: absent in version 1 and 2 files and for patients who have not consented yet. */
  consent: v.optional(consentSchema),
});

function allIdsUnique(file: {
  patients: { id: string; baselines?: { id: string }[]; sessions: { id: string; markers: { id: string }[] }[] }[];
}): boolean {
  const ids = file.patients.flatMap((p) => [
    p.id,
    ...(p.baselines ?? []).map((b) => b.id),
    ...p.sessions.flatMap((s) => [s.id, ...s.markers.map((m) => m.id)]),
  ]);
  return new Set(ids).size === ids.length;
}

export const exportFileSchema = v.pipe(
  v.strictObject({
    format: v.literal(EXPORT_FORMAT),
    version: v.picklist(EXPORT_VERSIONS),
    exportedAt: timestamp,
    /** The probability columns; machine keys, always English. */
    labels: v.pipe(
      v.array(v.string()),
      v.check(
        (labels) => labels.length === EMOTION_LABELS.length && labels.every((l, i) => l === EMOTION_LABELS[i]),
        'Unknown label order',
      ),
    ),
    patients: v.pipe(v.array(patientSchema), v.minLength(1), v.maxLength(MAX_PATIENTS)),
  }),
  v.check((file) => allIdsUnique(file), 'Duplicate ids'),
);

export type ExportFile = v.InferOutput<typeof exportFileSchema>;
export type ExportPatient = v.InferOutput<typeof patientSchema>;
export type ExportSession = v.InferOutput<typeof sessionSchema>;
export type ExportBaseline = v.InferOutput<typeof baselineSchema>;
export type ExportConsent = v.InferOutput<typeof consentSchema>;
export type ExportSecond = v.InferOutput<typeof secondSchema>;
