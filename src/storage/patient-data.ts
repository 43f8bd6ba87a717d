import { getPatient } from './patients.js';
import type { Patient, Session } from './schema.js';
import { getSamples, listSessions } from './sessions.js';
import { distribution, usableShare, type Distribution } from './stats.js';
import { baselineFor, baselineMean, summarizeReadings, type ReadingSummary } from '../analysis/index.js';

export interface SessionSummary {
  session: Session;
  distribution: Distribution;
  usableShare: number;
  /** The session in one point, raw and (when the patient has a baseline) relative to it. */
  raw: ReadingSummary;
  adjusted: ReadingSummary | null;
  /** When the session is read against a baseline, that baseline's recording time. */
  baselineAt: number | null;
}

export interface PatientPageData {
  patient: Patient;
  /** Newest first. */
  sessions: SessionSummary[];
}

async function summarize(session: Session, patient: Patient): Promise<SessionSummary> {
  const samples = await getSamples(session.id);
  const readings = samples.map((s) => s.probabilities?.map((p) => p / 100) ?? null);
  const baseline = baselineFor(patient.baselines ?? [], session.startedAt);
  const mean = baseline && baselineMean(baseline);
  return {
    session,
    distribution: distribution(samples),
    usableShare: usableShare(samples),
    raw: summarizeReadings(readings),
    adjusted: mean && summarizeReadings(readings, mean),
    baselineAt: mean ? (baseline?.recordedAt ?? null) : null,
  };
}

export async function loadPatientPage(patientId: string): Promise<PatientPageData> {
  const [patient, sessions] = await Promise.all([getPatient(patientId), listSessions(patientId)]);
  return { patient, sessions: await Promise.all(sessions.map((s) => summarize(s, patient))) };
}
