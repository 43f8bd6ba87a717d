import {
  CONSENT_FORMS,
  CONSENT_TEXT_VERSION,
  consentStands,
  isConsentDate,
  isConsentNote,
  type Consent,
  type ConsentForm,
} from '../shared/consent.js';
import type { ExportPatient } from '../shared/export-schema.js';
import { StorageError, toStorageError } from './errors.js';
import { updateRecord } from './rewrite.js';
import type { Patient } from './schema.js';

export interface ConsentInput {
  /** ISO calendar date (YYYY-MM-DD). */
  givenOn: string;
  form: ConsentForm;
  note?: string;
  /** The version of the text shown; this build's by default. */
  textVersion?: string;
}

function cleanConsent(input: ConsentInput, now: number): Consent {
  const note = (input.note ?? '').trim();
  if (!isConsentDate(input.givenOn, now)) throw new StorageError('invalid-input', 'Invalid consent date.');
  if (!CONSENT_FORMS.includes(input.form)) throw new StorageError('invalid-input', 'Invalid consent form.');
  if (!isConsentNote(note)) throw new StorageError('invalid-input', 'Invalid consent note.');
  return {
    givenOn: input.givenOn,
    textVersion: input.textVersion ?? CONSENT_TEXT_VERSION,
    form: input.form,
    note,
    recordedAt: now,
  };
}

async function changeConsent(patientId: string, change: (patient: Patient) => Patient): Promise<Patient> {
  try {
    return await updateRecord('patient', patientId, change);
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Records the patient's consent (replacing a withdrawn one). */
export async function recordConsent(patientId: string, input: ConsentInput, now = Date.now()): Promise<Patient> {
  const consent = cleanConsent(input, now);
  return changeConsent(patientId, (patient) => ({ ...patient, consent, updatedAt: now }));
}

/** Marks the consent withdrawn; the record of when it was given stays, as the clinical file needs. */
export function withdrawConsent(patientId: string, now = Date.now()): Promise<Patient> {
  return changeConsent(patientId, (patient) => {
    const { consent } = patient;
    if (!consent || !consentStands(consent)) throw new StorageError('invalid-input', 'No consent to withdraw.');
    return { ...patient, consent: { ...consent, withdrawnAt: now }, updatedAt: now };
  });
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The patient's consent for an export file; the key is left out when there is none. */
export function exportConsent(patient: Patient): Pick<ExportPatient, 'consent'> {
  const c = patient.consent;
  if (!c) return {};
  return {
    consent: {
      givenOn: c.givenOn,
      textVersion: c.textVersion,
      form: c.form,
      note: c.note,
      recordedAt: iso(c.recordedAt),
      ...(c.withdrawnAt === undefined ? {} : { withdrawnAt: iso(c.withdrawnAt) }),
    },
  };
}

/** The file's consent as stored; the key is left out when there is none. */
export function importConsent(patient: ExportPatient): Pick<Patient, 'consent'> {
  const c = patient.consent;
  if (!c) return {};
  return {
    consent: {
      givenOn: c.givenOn,
      textVersion: c.textVersion,
      form: c.form,
      note: c.note,
      recordedAt: Date.parse(c.recordedAt),
      ...(c.withdrawnAt === undefined ? {} : { withdrawnAt: Date.parse(c.withdrawnAt) }),
    },
  };
}
