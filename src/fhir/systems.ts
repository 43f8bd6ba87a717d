/**
 * The URIs that name Resmo's codes and identifiers in FHIR. They are identifiers, not web pages:
 * docs/fhir.md lists them and what an integrator maps them to.
 */
const BASE = 'https://resmo.app/fhir';

/** Resmo's local CodeSystem: the seven expressions and the codes of the two Observations. */
export const RESMO_CODE_SYSTEM = `${BASE}/CodeSystem/facial-expression`;
/** The patient's pseudonymous Resmo code (for example P-7K3F9Q). */
export const PATIENT_CODE_SYSTEM = `${BASE}/sid/patient-code`;
/** The session's own id in Resmo, on the Encounter. */
export const SESSION_SYSTEM = `${BASE}/sid/session`;
/** Resmo and model versions, on the Device. */
export const DEVICE_SYSTEM = `${BASE}/sid/device`;
/** RFC 3986 URIs: the identifier system FHIR prescribes for `urn:uuid:` values. */
export const URI_SYSTEM = 'urn:ietf:rfc:3986';

export const SNOMED = 'http://snomed.info/sct';
/** "Facial expression (observable entity)": broader than Resmo's estimate, so it is an extra coding. */
export const SNOMED_FACIAL_EXPRESSION = '248148002';
export const UCUM = 'http://unitsofmeasure.org';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const OBSERVATION_VALUE = 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue';
export const DATA_ABSENT_REASON = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
export const CONSENT_SCOPE = 'http://terminology.hl7.org/CodeSystem/consentscope';
export const CONSENT_CATEGORY = 'http://loinc.org';
