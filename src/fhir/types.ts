import type { EhrIdentifier } from '../shared/ehr-identifier.js';
import type { EmotionLabel } from '../shared/emotions.js';
import type { ExportPatient, ExportSession } from '../shared/export-schema.js';

/** An identifier issued elsewhere (the EHR's patient number, a professional licence). */
export type ExternalIdentifier = EhrIdentifier;

/** Where the consultation happened: in the room (camera), or a video call (`virtual` Encounter). */
export type SessionSource = ExportSession['source'];

/** A session as the JSON export carries it, with where it came from. */
export type FhirSessionInput = ExportSession;

/** The patient as the JSON export carries it (with the EHR identifier when one was entered). */
export type FhirPatientInput = Omit<ExportPatient, 'sessions' | 'consent'>;

/** The clinician, from Settings. */
export interface FhirPractitioner {
  name: string;
  identifier?: ExternalIdentifier | null;
}

export interface FhirSoftware {
  appVersion: string;
  modelName: string;
  modelVersion: string;
}

/** The patient's consent to the recording, as the clinician recorded it; the Bundle gains a Consent. */
export interface FhirConsentInput {
  id: string;
  /** When the patient agreed, ISO 8601. */
  dateTime: string;
  /** The wording the patient agreed to, as shown to them. */
  text: string;
  /** Whether the patient later withdrew it. */
  withdrawn: boolean;
}

export interface FhirExportInput {
  patient: FhirPatientInput;
  sessions: readonly FhirSessionInput[];
  software: FhirSoftware;
  /** Name and birth date leave the device only when the clinician ticks "include identifying details". */
  includeIdentifying: boolean;
  practitioner?: FhirPractitioner | null;
  consent?: FhirConsentInput | null;
  /** Bundle.timestamp; the only value that changes between two exports of the same data. */
  exportedAt: string;
}

/** What the summary Observation says, and what parsing it back gives. */
export interface ExpressionSummary {
  /** Null when no second had a face. */
  dominant: EmotionLabel | null;
  /** Share (percent, one decimal) of the seconds with a face in which each class was dominant. */
  shares: Record<EmotionLabel, number>;
  faceSeconds: number;
  recordedSeconds: number;
}
