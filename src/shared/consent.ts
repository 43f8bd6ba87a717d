/**
 * A patient's informed consent to the recording of their facial expression, as the clinician
 * recorded it. The consent text itself is versioned (src/i18n/consent-text.ts): the record keeps
 * which version was shown, so a later change of wording never rewrites what the patient agreed to.
 */
import { LIMITS, isCalendarDate, isPlainText } from './text-rules.js';

/** The version of the consent text this build shows; a new wording gets a new version. */
export const CONSENT_TEXT_VERSION = '2';
export const CONSENT_FORMS = ['verbal', 'written'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];
export const MAX_CONSENT_NOTE = 1_000;

export interface Consent {
  /** ISO calendar date (YYYY-MM-DD) on which the patient consented. */
  givenOn: string;
  /** CONSENT_TEXT_VERSION of the text that was shown. */
  textVersion: string;
  form: ConsentForm;
  note: string;
  /** Epoch milliseconds when the clinician recorded it. */
  recordedAt: number;
  /** Epoch milliseconds of the withdrawal; absent while the consent stands. */
  withdrawnAt?: number;
}

/** True when recording this patient is allowed. */
export function consentStands(consent: Consent | null | undefined): boolean {
  return !!consent && consent.withdrawnAt === undefined;
}

/** The clinician's input is checked here and by the import schema, so both accept the same data. */
export function isConsentNote(value: string): boolean {
  return value.length <= MAX_CONSENT_NOTE && value.length <= LIMITS.notes && isPlainText(value);
}

export function isConsentDate(value: string, now = Date.now()): boolean {
  return isCalendarDate(value) && value >= '2020-01-01' && Date.parse(`${value}T00:00:00Z`) <= now + 86_400_000;
}
