import {
  getPatient,
  getSamples,
  getSession,
  listMarkers,
  type Marker,
  type Patient,
  type Session,
} from '../storage/index.js';
import { distribution, segments, usableShare, type Distribution, type Segment } from '../storage/stats.js';
import type { Reading } from '../analysis/index.js';
import type { ChartMarker } from './review/chart-markers.js';
import { chartMarkers, readingsOf, sessionBaseline, type SessionBaseline } from './review/readings-data.js';

/** Everything the session review shows, derived once per load. */
export interface SessionReviewData {
  session: Session;
  patient: Patient;
  markers: Marker[];
  /** Raw readings, one per second. */
  readings: Reading[];
  chartMarkers: ChartMarker[];
  baseline: SessionBaseline | null;
  distribution: Distribution;
  segments: Segment[];
  usableShare: number;
}

export async function loadSessionReview(sessionId: string): Promise<SessionReviewData> {
  const session = await getSession(sessionId);
  const [patient, samples, markers] = await Promise.all([
    getPatient(session.patientId),
    getSamples(sessionId),
    listMarkers(sessionId),
  ]);
  return {
    session,
    patient,
    markers,
    readings: readingsOf(samples),
    chartMarkers: chartMarkers(markers),
    baseline: sessionBaseline(patient, session),
    distribution: distribution(samples),
    segments: segments(samples, markers),
    usableShare: usableShare(samples),
  };
}
