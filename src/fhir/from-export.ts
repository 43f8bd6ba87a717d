import type { ExportFile, ExportSession } from '../shared/export-schema.js';
import type { FhirExportInput, FhirSessionInput, SessionSource } from './types.js';

export type FhirExportOptions = Pick<FhirExportInput, 'includeIdentifying' | 'practitioner' | 'software'>;

/** A session record may say where it came from (a video call); older ones do not. */
function sourceOf(session: ExportSession): SessionSource | undefined {
  const source: unknown = (session as { source?: unknown }).source;
  return source === 'video-call' || source === 'in-person' ? source : undefined;
}

function withSource(session: ExportSession): FhirSessionInput {
  const source = sourceOf(session);
  return source ? { ...session, source } : session;
}

/** The FHIR export of what Resmo's own export holds for one patient (a session, or all of them). */
export function fromExport(file: ExportFile, options: FhirExportOptions): FhirExportInput {
  const [first] = file.patients;
  if (!first) throw new Error('Nothing to export');
  const { sessions, ...patient } = first;
  return { ...options, patient, sessions: sessions.map(withSource), exportedAt: file.exportedAt };
}
