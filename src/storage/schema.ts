import type { DBSchema } from 'idb';
import type { EhrIdentifier } from '../shared/ehr-identifier.js';
import type { EmotionLabel } from '../shared/emotions.js';
import type { EndReason } from '../shared/session-limits.js';

/** A person under care. The pseudonymous `code` is what reports and exports lead with. */
export interface Patient {
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
}

/** One consultation recording. `endedAt === null` means it is running or was interrupted. */
export interface Session {
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

/** A moment the clinician marked, with an optional label ("talked about work"). */
export interface Marker {
  id: string;
  sessionId: string;
  /** Milliseconds from the start of the recording. */
  t: number;
  label: string;
}

export interface ResmoDB extends DBSchema {
  patients: { key: string; value: Patient };
  sessions: { key: string; value: Session; indexes: { 'by-patient': string } };
  samples: { key: [string, number]; value: Sample };
  markers: { key: string; value: Marker; indexes: { 'by-session': string } };
}

export type StoreName = 'patients' | 'sessions' | 'samples' | 'markers';
export const STORE_NAMES: readonly StoreName[] = ['patients', 'sessions', 'samples', 'markers'];
