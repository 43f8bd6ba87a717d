import type { ExportPatient, ExportSecond, ExportSession } from '../shared/export-schema.js';
import { importBaselines } from './baselines.js';
import { importConsent } from './consent.js';
import { EMPTY_SECOND, type SampleInput } from './samples.js';
import type { Patient, Session } from './schema.js';

/** The stored records of an export file's patient, session and seconds, before sealing. */
export function toSampleInput(second: ExportSecond): SampleInput {
  if (second.length === 1) return EMPTY_SECOND;
  const [usable, detectorScore, ...probabilities] = second;
  return { usable, detectorScore, probabilities };
}

export function toPatient(p: ExportPatient): Patient {
  const { id, code, name, birthDate, notes, archived } = p;
  return {
    id,
    code,
    name,
    birthDate,
    notes,
    ...(p.ehrIdentifier ? { ehrIdentifier: { ...p.ehrIdentifier } } : {}),
    archived,
    createdAt: Date.parse(p.createdAt),
    updatedAt: Date.parse(p.updatedAt),
    ...importBaselines(p),
    ...importConsent(p),
  };
}

export function toSession(s: ExportSession, patientId: string): Session {
  const endedAt = s.endedAt === null ? null : Date.parse(s.endedAt);
  return {
    id: s.id,
    patientId,
    startedAt: Date.parse(s.startedAt),
    endedAt,
    seconds: s.seconds.length,
    notes: s.notes,
    ...(s.endReason ? { endReason: s.endReason } : {}),
    source: s.source,
    ...(s.mirror ? { mirror: s.mirror } : {}),
    updatedAt: Date.parse(s.updatedAt),
  };
}
