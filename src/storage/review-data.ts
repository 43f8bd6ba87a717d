import { getPatient } from './patients.js';
import type { Marker, Patient, Sample, Session } from './schema.js';
import { getSamples, getSession, listMarkers } from './sessions.js';
import { distribution, segments, usableShare, type Distribution, type Segment } from './stats.js';
import { timelinePoint, type TimelineMarker, type TimelinePoint } from '../shared/timeline.js';

/** Everything the session review shows, derived once per load. */
export interface SessionReviewData {
  session: Session;
  patient: Patient;
  markers: Marker[];
  points: TimelinePoint[];
  timelineMarkers: TimelineMarker[];
  distribution: Distribution;
  segments: Segment[];
  usableShare: number;
}

/** Samples as the timeline draws them: wall-clock ms and probabilities as 0–1. */
function toPoints(session: Session, samples: readonly Sample[]): TimelinePoint[] {
  return samples.map((s) => timelinePoint(session.startedAt, s.second, s.probabilities));
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
    points: toPoints(session, samples),
    timelineMarkers: markers.map((m) => ({ t: session.startedAt + m.t, label: m.label })),
    distribution: distribution(samples),
    segments: segments(samples, markers),
    usableShare: usableShare(samples),
  };
}
