import { isIdentifierSystem, isIdentifierValue, type EhrIdentifier } from '../shared/ehr-identifier.js';
import { LIMITS, isPlainLine } from '../shared/text-rules.js';

/**
 * The clinician as health record exports name them (FHIR Practitioner). Entered in Settings, kept
 * on this device only; absent until entered, and then no Practitioner is exported.
 */
export interface ClinicianDetails {
  name: string;
  /** A professional identifier, e.g. a licence number under its issuer's URI; optional. */
  identifier: EhrIdentifier | null;
}

/** Which field is wrong, for a message next to it. */
export type ClinicianField = 'name' | 'system' | 'value';

const KEY = 'resmo.clinician';

/** The first field that cannot be saved, or null when all can. */
export function clinicianProblem(details: ClinicianDetails): ClinicianField | null {
  if (!details.name || details.name.length > LIMITS.name || !isPlainLine(details.name)) return 'name';
  if (!details.identifier) return null;
  if (!isIdentifierSystem(details.identifier.system)) return 'system';
  return isIdentifierValue(details.identifier.value) ? null : 'value';
}

export function loadClinician(storage: Pick<Storage, 'getItem'> = localStorage): ClinicianDetails | null {
  try {
    const saved = JSON.parse(storage.getItem(KEY) ?? 'null') as Partial<ClinicianDetails> | null;
    if (!saved || typeof saved.name !== 'string') return null;
    const id = saved.identifier;
    const identifier =
      id && typeof id.system === 'string' && typeof id.value === 'string'
        ? { system: id.system, value: id.value }
        : null;
    const details = { name: saved.name, identifier };
    return clinicianProblem(details) ? null : details;
  } catch {
    return null;
  }
}

/** Saves valid details, or forgets them with null. Throws on details clinicianProblem rejects. */
export function saveClinician(
  details: ClinicianDetails | null,
  storage: Pick<Storage, 'setItem' | 'removeItem'> = localStorage,
): void {
  if (!details) return storage.removeItem(KEY);
  const problem = clinicianProblem(details);
  if (problem) throw new Error(`Invalid clinician ${problem}`);
  storage.setItem(KEY, JSON.stringify(details));
}
