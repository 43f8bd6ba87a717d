import type { Consent, Device, Encounter, Identifier, Patient, Practitioner } from 'fhir/r4';
import type { FhirConsentInput, FhirExportInput, FhirPractitioner, FhirSessionInput, FhirSoftware } from './types.js';
import { sessionPeriod } from './observations.js';
import {
  ACT_CODE,
  CONSENT_CATEGORY,
  CONSENT_SCOPE,
  DEVICE_SYSTEM,
  PATIENT_CODE_SYSTEM,
  SESSION_SYSTEM,
  URI_SYSTEM,
} from './systems.js';

/** The identifier an EHR matches the patient on: its own number when given, else the Resmo code. */
export function patientMatchIdentifier(patient: FhirExportInput['patient']): Identifier {
  return patient.ehrIdentifier
    ? { system: patient.ehrIdentifier.system, value: patient.ehrIdentifier.value }
    : { system: PATIENT_CODE_SYSTEM, value: patient.code };
}

/** Pseudonymous unless `includeIdentifying`: then name and birth date, where the record has them. */
export function patientResource({ patient, includeIdentifying }: FhirExportInput): Patient {
  const identifier: Identifier[] = [{ use: 'secondary', system: PATIENT_CODE_SYSTEM, value: patient.code }];
  if (patient.ehrIdentifier) identifier.unshift({ use: 'usual', ...patientMatchIdentifier(patient) });
  return {
    resourceType: 'Patient',
    identifier,
    ...(includeIdentifying && patient.name.trim() ? { name: [{ text: patient.name.trim() }] } : {}),
    ...(includeIdentifying && patient.birthDate ? { birthDate: patient.birthDate } : {}),
  };
}

export function practitionerResource(practitioner: FhirPractitioner): Practitioner {
  return {
    resourceType: 'Practitioner',
    ...(practitioner.identifier ? { identifier: [{ ...practitioner.identifier }] } : {}),
    name: [{ text: practitioner.name }],
  };
}

export function deviceIdentifier(software: FhirSoftware): Identifier {
  return {
    system: DEVICE_SYSTEM,
    value: `resmo-${software.appVersion}+${software.modelName.toLowerCase()}-${software.modelVersion}`,
  };
}

export function deviceResource(software: FhirSoftware): Device {
  return {
    resourceType: 'Device',
    identifier: [deviceIdentifier(software)],
    status: 'active',
    deviceName: [
      { name: 'Resmo', type: 'user-friendly-name' },
      { name: software.modelName, type: 'model-name' },
    ],
    type: { text: 'Facial expression estimation software' },
    version: [
      { type: { text: 'Resmo' }, value: software.appVersion },
      { type: { text: software.modelName }, value: software.modelVersion },
    ],
  };
}

interface EncounterRefs {
  self: string;
  patient: string;
  practitioner: string | null;
}

export function encounterResource(session: FhirSessionInput, refs: EncounterRefs): Encounter {
  const virtual = session.source === 'video-call';
  return {
    resourceType: 'Encounter',
    identifier: [
      { system: SESSION_SYSTEM, value: session.id },
      { system: URI_SYSTEM, value: refs.self },
    ],
    // An interrupted recording has no end: the EHR is not told the consultation finished.
    status: session.endedAt === null ? 'unknown' : 'finished',
    class: virtual
      ? { system: ACT_CODE, code: 'VR', display: 'virtual' }
      : { system: ACT_CODE, code: 'AMB', display: 'ambulatory' },
    subject: { reference: refs.patient },
    ...(refs.practitioner ? { participant: [{ individual: { reference: refs.practitioner } }] } : {}),
    // The consultation as the clinician ran it; a resumed recording can span more than its seconds.
    period: { start: session.startedAt, end: session.endedAt ?? sessionPeriod(session).end },
  };
}

/** The patient's recorded consent (date, text version and form), active until withdrawn. */
export function consentResource(consent: FhirConsentInput, refs: { self: string; patient: string }): Consent {
  return {
    resourceType: 'Consent',
    identifier: [{ system: URI_SYSTEM, value: refs.self }],
    status: consent.withdrawn ? 'inactive' : 'active',
    scope: { coding: [{ system: CONSENT_SCOPE, code: 'treatment', display: 'Treatment' }] },
    category: [{ coding: [{ system: CONSENT_CATEGORY, code: '59284-0', display: 'Patient Consent' }] }],
    patient: { reference: refs.patient },
    dateTime: consent.dateTime,
    policyRule: { text: consent.text },
  };
}
