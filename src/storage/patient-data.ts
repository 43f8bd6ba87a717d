import { getPatient } from './patients.js';
import type { Patient, Session } from './schema.js';
import { getSamples, listSessions } from './sessions.js';
import { distribution, usableShare, type Distribution } from './stats.js';

export interface SessionSummary {
  session: Session;
  distribution: Distribution;
  usableShare: number;
}

export interface PatientPageData {
  patient: Patient;
  /** Newest first. */
  sessions: SessionSummary[];
}

async function summarize(session: Session): Promise<SessionSummary> {
  const samples = await getSamples(session.id);
  return { session, distribution: distribution(samples), usableShare: usableShare(samples) };
}

export async function loadPatientPage(patientId: string): Promise<PatientPageData> {
  const [patient, sessions] = await Promise.all([getPatient(patientId), listSessions(patientId)]);
  return { patient, sessions: await Promise.all(sessions.map(summarize)) };
}
