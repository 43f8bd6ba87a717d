import { getPatient, getSamples, listSessions, type Patient, type Session } from '../storage/index.js';
import { distribution, usableShare, type Distribution } from '../storage/stats.js';
import { summarizeReadings, type ReadingSummary } from '../analysis/index.js';
import { readingsOf, sessionBaseline } from './review/readings-data.js';

export interface SessionSummary {
  session: Session;
  distribution: Distribution;
  usableShare: number;
  /** The session in one point, raw and (when the patient has a baseline) relative to it. */
  raw: ReadingSummary;
  adjusted: ReadingSummary | null;
}

export interface PatientPageData {
  patient: Patient;
  /** Newest first. */
  sessions: SessionSummary[];
}

async function summarize(session: Session, patient: Patient): Promise<SessionSummary> {
  const samples = await getSamples(session.id);
  const readings = readingsOf(samples);
  const baseline = sessionBaseline(patient, session);
  return {
    session,
    distribution: distribution(samples),
    usableShare: usableShare(samples),
    raw: summarizeReadings(readings),
    adjusted: baseline && summarizeReadings(readings, baseline.mean),
  };
}

export async function loadPatientPage(patientId: string): Promise<PatientPageData> {
  const [patient, sessions] = await Promise.all([getPatient(patientId), listSessions(patientId)]);
  return { patient, sessions: await Promise.all(sessions.map((s) => summarize(s, patient))) };
}
