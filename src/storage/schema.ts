import type { DBSchema } from 'idb';
import type { EhrIdentifier } from '../shared/ehr-identifier.js';
import type { Baseline } from '../shared/baseline.js';
import type { Consent } from '../shared/consent.js';
import type { EmotionLabel } from '../shared/emotions.js';
import type { EndReason } from '../shared/session-limits.js';
import type { StoredMeta } from './clinic-types.js';

/** A person under care. The pseudonymous `code` is what reports and exports lead with. */
/** Per-field edit times inside a sealed record: what merges a record changed on two devices apart. */
export interface FieldTimes {
  /** Epoch milliseconds of the last change of each field; a field never changed counts as 0. */
  edited?: Record<string, number>;
  /** Edit times of the notes this text replaced, newest last: tells a later edit from a parallel one. */
  notesPast?: number[];
}

export interface Patient extends FieldTimes {
  id: string;
  code: string;
  /** Optional; empty when the clinician keeps the record pseudonymous. */
  name: string;
  /** ISO calendar date (YYYY-MM-DD) or null. */
  birthDate: string | null;
  notes: string;
  /** The patient's number in the clinic's health record, for FHIR exports; absent on older records. */
  ehrIdentifier?: EhrIdentifier | null;
  archived: boolean;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** Neutral baselines recorded at rest, oldest first; absent on records from before baselines. */
  baselines?: Baseline[];
  /** The patient's informed consent; absent until the clinician records it. */
  consent?: Consent;
}

/** Where a session's picture came from: the device's camera, or a shared video-call window. */
export type SessionSource = 'camera' | 'video-call';

/**
 * Whether the recorded probabilities were averaged over each face and its mirror image: on every
 * frame with a face (`all`), on none, or on some (the setting or the engine changed mid-session).
 */
export type MirrorUse = 'all' | 'none' | 'some';

/** The use over two stretches of frames; undefined stands for a stretch without a face. */
export function combineMirror(a: MirrorUse | undefined, b: MirrorUse | undefined): MirrorUse | undefined {
  return a === undefined ? b : b === undefined || a === b ? a : 'some';
}

/** One consultation recording. `endedAt === null` means it is running or was interrupted. */
export interface Session extends FieldTimes {
  id: string;
  patientId: string;
  /** Epoch milliseconds of the first second. */
  startedAt: number;
  endedAt: number | null;
  /** Recorded seconds so far; samples are contiguous, numbered 0 … seconds − 1. */
  seconds: number;
  notes: string;
  /** Set when the app ended the recording (time limit, storage full), not the clinician. */
  endReason?: EndReason;
  /** Absent in sessions recorded before video calls could be read: those came from the camera. */
  source?: SessionSource;
  /** Absent when no frame with a face was recorded, and in sessions from before mirror averaging (none). */
  mirror?: MirrorUse;
  /** Epoch milliseconds of the last write; a stale open session was interrupted. */
  updatedAt: number;
}

/**
 * One second of a session. Percentages are integers (0–100): that is the precision the
 * export keeps, so storing the same values makes export → import exact.
 */
export interface Sample {
  sessionId: string;
  second: number;
  /** Share of the second's frames that had a usable face, in percent. */
  usable: number;
  /** Mean probabilities over the usable frames, in EMOTION_LABELS order; null without a usable face. */
  probabilities: number[] | null;
  /**
   * Mean face-detector confidence (BlazeFace's score) over the usable frames, in percent; null
   * when unknown. Stored as `quality` before database version 2.
   */
  detectorScore: number | null;
  dominant: EmotionLabel | null;
}

/** One second as a block keeps it: the sample without what the block says once for all. */
export type BlockSecond = Pick<Sample, 'usable' | 'probabilities' | 'detectorScore'>;

/**
 * Up to a minute of a session's seconds in one record (seconds `second` … `second` +
 * `samples.length` − 1, all in the same clock minute of the session), keyed like the sample at
 * its first second. An 8-hour review reads 480 of these instead of 28,800 samples, and a full
 * block is what a sync can treat as an immutable 60-second chunk. Sessions recorded before
 * blocks keep their per-second samples; both are read.
 */
export interface SampleBlock {
  sessionId: string;
  second: number;
  samples: BlockSecond[];
}

/** A moment the clinician marked, with an optional label ("talked about work"). */
export interface Marker {
  id: string;
  sessionId: string;
  /** Milliseconds from the start of the recording. */
  t: number;
  label: string;
}

/** A sealed record: AES-256-GCM under the data key, with a fresh random 96-bit IV on every write. */
export interface Envelope {
  id: string;
  kind: RecordKind;
  v: 1;
  kid: string;
  iv: Uint8Array<ArrayBuffer>;
  ct: Uint8Array<ArrayBuffer>;
}

export interface RecordKinds {
  patient: Patient;
  session: Session;
  sample: Sample;
  block: SampleBlock;
  marker: Marker;
}
export type RecordKind = keyof RecordKinds;

/** Only what an index or key path needs stays in the clear: random ids, the patient id, sequence numbers. */
export type SealedRecord<K extends RecordKind> = K extends 'session'
  ? Envelope & Pick<Session, 'patientId'>
  : K extends 'sample' | 'block'
    ? Envelope & Pick<Sample, 'sessionId' | 'second'>
    : K extends 'marker'
      ? Envelope & Pick<Marker, 'sessionId'>
      : Envelope;

/** What a store holds: the record itself while encryption is off (or not yet migrated), else its envelope. */
export type Stored<K extends RecordKind> = RecordKinds[K] | SealedRecord<K>;

export interface ResmoDB extends DBSchema {
  patients: { key: string; value: Stored<'patient'> };
  sessions: { key: string; value: Stored<'session'>; indexes: { 'by-patient': string } };
  samples: { key: [string, number]; value: Stored<'sample'> | Stored<'block'> };
  markers: { key: string; value: Stored<'marker'>; indexes: { 'by-session': string } };
  /** Salts, costs and wrapped keys under the key 'meta'; never a CryptoKey. */
  vault: { key: 'meta'; value: StoredMeta };
}

export type StoreName = 'patients' | 'sessions' | 'samples' | 'markers';
export const STORE_NAMES: readonly StoreName[] = ['patients', 'sessions', 'samples', 'markers'];
