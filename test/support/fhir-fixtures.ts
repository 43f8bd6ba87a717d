import type { Bundle } from 'fhir/r4';
import type { ExportSession } from '../../src/shared/export-schema';
import type { FhirExportInput, FhirSessionInput } from '../../src/fhir/types';
import type { ValidationReport } from './fhir-validator';
import { sampleExport } from './sample-export';

export const SOFTWARE = { appVersion: '0.1.0', modelName: 'ResmoNet', modelVersion: '1.7.0' };
export const EHR_ID = { system: 'urn:oid:2.16.840.1.113883.3.9999.1', value: 'MRN-004217' };

/** A patient (named, with a birth date) and their sessions of `seconds` seconds each, from sampleExport. */
export function fhirInput(seconds: number, overrides: Partial<FhirExportInput> = {}): FhirExportInput {
  const file = sampleExport(7, seconds);
  const { sessions, ...patient } = file.patients[0]!;
  return {
    patient,
    sessions: sessions.slice(0, 1),
    software: SOFTWARE,
    includeIdentifying: false,
    exportedAt: file.exportedAt,
    ...overrides,
  };
}

/** A session whose first seconds have no face, with markers inside and after that gap. */
export function withFaceGaps(session: ExportSession): FhirSessionInput {
  const seconds = session.seconds.map((s, i) => (i < 5 || i % 17 === 0 ? ([0] as [0]) : s));
  const markers = [
    { id: '0b6f3a52-1c1e-4b7a-9f3e-6a1d2c3b4e5f', t: 2_000, label: 'looked away' },
    { id: '1c7a4b63-2d2f-4c8b-8a4f-7b2e3d4c5f60', t: 9_450, label: '' },
    ...session.markers,
  ];
  return { ...session, seconds, markers };
}

/**
 * Medplum checks a Reference's target type from the text before the first "/", so every
 * `urn:uuid:` reference draws a warning. FHIR resolves those against the Bundle's full URLs; a
 * warning is explained when the Bundle has that full URL and its resource is of an expected type.
 */
export function unexplainedWarnings(bundle: Bundle, report: ValidationReport): string[] {
  const types = new Map((bundle.entry ?? []).map((e) => [e.fullUrl, e.resource?.resourceType]));
  return report.warnings.filter((warning) => {
    const match = /^warning: Invalid reference: got "(urn:uuid:[0-9a-f-]{36})", expected (.*) at /.exec(warning);
    if (!match) return true;
    const type = types.get(match[1]);
    return !type || !match[2]!.includes(`"http://hl7.org/fhir/StructureDefinition/${type}"`);
  });
}

/** FHIR's ele-1 (which Medplum skips): no empty strings, arrays or objects anywhere. */
export function emptyElements(value: unknown, path = '$'): string[] {
  if (value === '' || (Array.isArray(value) && value.length === 0)) return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => emptyElements(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return [path];
    return entries.flatMap(([k, v]) => emptyElements(v, `${path}.${k}`));
  }
  return [];
}
