import { EMOTION_LABELS } from '../shared/emotions.js';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportFile,
  type ExportPatient,
  type ExportSecond,
  type ExportSession,
} from '../shared/export-schema.js';
import { exportBaselines } from './baselines.js';
import { exportConsent } from './consent.js';
import { getPatient } from './patients.js';
import type { Marker, Patient, Sample, Session } from './schema.js';
import { getSamples, getSession, listMarkers, listSessions } from './sessions.js';

const iso = (ms: number): string => new Date(ms).toISOString();

/** The compact row for one second; see docs/export-format.md. */
export function toExportSecond(sample: Sample): ExportSecond {
  const p = sample.probabilities;
  if (!p || sample.usable === 0) return [0];
  return [
    sample.usable,
    sample.detectorScore,
    p[0] ?? 0,
    p[1] ?? 0,
    p[2] ?? 0,
    p[3] ?? 0,
    p[4] ?? 0,
    p[5] ?? 0,
    p[6] ?? 0,
  ];
}

function toExportSession(session: Session, samples: readonly Sample[], markers: readonly Marker[]): ExportSession {
  return {
    id: session.id,
    startedAt: iso(session.startedAt),
    endedAt: session.endedAt === null ? null : iso(session.endedAt),
    updatedAt: iso(session.updatedAt),
    ...(session.endReason ? { endReason: session.endReason } : {}),
    notes: session.notes,
    source: session.source ?? 'camera',
    ...(session.mirror ? { mirror: session.mirror } : {}),
    markers: markers.map(({ id, t, label }) => ({ id, t, label })),
    seconds: samples.map(toExportSecond),
  };
}

async function exportSession(session: Session): Promise<ExportSession> {
  const [samples, markers] = await Promise.all([getSamples(session.id), listMarkers(session.id)]);
  return toExportSession(session, samples, markers);
}

function toExportPatient(patient: Patient, sessions: ExportSession[]): ExportPatient {
  const { id, code, name, birthDate, notes, archived } = patient;
  return {
    id,
    code,
    name,
    birthDate,
    notes,
    ...(patient.ehrIdentifier ? { ehrIdentifier: { ...patient.ehrIdentifier } } : {}),
    archived,
    createdAt: iso(patient.createdAt),
    updatedAt: iso(patient.updatedAt),
    sessions,
    ...exportBaselines(patient),
    ...exportConsent(patient),
  };
}

function wrap(patients: ExportPatient[], now: number): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(now),
    labels: [...EMOTION_LABELS],
    patients,
  };
}

/** A patient with all their sessions (oldest first). */
export async function exportPatientData(patientId: string, now = Date.now()): Promise<ExportFile> {
  const patient = await getPatient(patientId);
  const sessions = (await listSessions(patientId)).reverse();
  return wrap([toExportPatient(patient, await Promise.all(sessions.map(exportSession)))], now);
}

/** One session with its patient's record, so it can be imported on another device. */
export async function exportSessionData(sessionId: string, now = Date.now()): Promise<ExportFile> {
  const session = await getSession(sessionId);
  const patient = await getPatient(session.patientId);
  return wrap([toExportPatient(patient, [await exportSession(session)])], now);
}

/** Compact JSON: no indentation, because size matters more than looks (≤ 20 KB per 10 minutes). */
export function serializeExport(file: ExportFile): string {
  return JSON.stringify(file);
}
