import { isPlainLine } from './text-rules.js';

/**
 * The patient's number in the clinic's electronic health record, entered on the patient card so
 * a FHIR export can be matched to the right record. Both parts are exactly what the EHR uses.
 */
export interface EhrIdentifier {
  /** The URI naming the numbering, e.g. `urn:oid:2.16.840.1.113883.…` or `https://ehr.example/mrn`. */
  system: string;
  value: string;
}

export const EHR_LIMITS = { system: 255, value: 64 } as const;

/** An absolute URI (scheme, colon, no spaces): what FHIR's Identifier.system must be. */
export function isIdentifierSystem(value: string): boolean {
  return value.length <= EHR_LIMITS.system && /^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/.test(value);
}

/** FHIR strings may not be empty or start or end with a space; one line of plain text. */
export function isIdentifierValue(value: string): boolean {
  return value.length > 0 && value.length <= EHR_LIMITS.value && value.trim() === value && isPlainLine(value);
}
