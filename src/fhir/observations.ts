import type { Annotation, Coding, Observation, ObservationComponent, Period } from 'fhir/r4';
import { EMOTION_LABELS } from '../shared/emotions.js';
import type { ExportSession } from '../shared/export-schema.js';
import { FACE_TIME, METHOD, RECORDED_TIME, SUMMARY, TIMELINE, concept, expressionConcept } from './codes.js';
import { sampledData, summarize } from './timeline.js';
import type { ExpressionSummary } from './types.js';
import { DATA_ABSENT_REASON, OBSERVATION_CATEGORY, OBSERVATION_VALUE, UCUM, URI_SYSTEM } from './systems.js';

/** The `urn:uuid:` full URLs an Observation points to. */
export interface ObservationRefs {
  self: string;
  patient: string;
  encounter: string;
  device: string;
  practitioner: string | null;
  timeline: string;
}

/** HL7's security label for content asserted by artificial intelligence. */
export const AI_ASSERTED: Coding = {
  system: OBSERVATION_VALUE,
  code: 'AIAST',
  display: 'Artificial Intelligence asserted',
};

export const DISCLAIMER = 'Automated estimate of facial expression, not a diagnosis.';
/** Annotation.text may not be empty; a marker the clinician left without a label reads this. */
export const UNLABELLED_MARKER = '(no label)';

const iso = (ms: number): string => new Date(ms).toISOString();

export function sessionPeriod(session: ExportSession): Required<Pick<Period, 'start' | 'end'>> {
  const start = Date.parse(session.startedAt);
  return { start: session.startedAt, end: iso(start + session.seconds.length * 1000) };
}

function common(session: ExportSession, refs: ObservationRefs): Omit<Observation, 'code'> {
  return {
    resourceType: 'Observation',
    meta: { security: [AI_ASSERTED] },
    identifier: [{ system: URI_SYSTEM, value: refs.self }],
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'exam', display: 'Exam' }] }],
    subject: { reference: refs.patient },
    encounter: { reference: refs.encounter },
    effectivePeriod: sessionPeriod(session),
    ...(refs.practitioner ? { performer: [{ reference: refs.practitioner }] } : {}),
    method: concept(METHOD),
    device: { reference: refs.device },
  };
}

function markerNotes(session: ExportSession): Annotation[] {
  const start = Date.parse(session.startedAt);
  return session.markers.map((m) => ({ id: m.id, time: iso(start + m.t), text: m.label || UNLABELLED_MARKER }));
}

/** The per-second timeline: one SampledData component per expression, markers as timed notes. */
export function timelineObservation(session: ExportSession, refs: ObservationRefs): Observation {
  return {
    ...common(session, refs),
    code: concept(TIMELINE, true),
    note: [{ text: DISCLAIMER }, ...markerNotes(session)],
    component: EMOTION_LABELS.map((label, i) => ({
      code: concept(expressionConcept(label)),
      valueSampledData: sampledData(session.seconds, i),
    })),
  };
}

const NO_FACE = { coding: [{ system: DATA_ABSENT_REASON, code: 'not-performed', display: 'Not Performed' }] };

function seconds(value: number) {
  return { value, unit: 's', system: UCUM, code: 's' };
}

function shareComponents(summary: ExpressionSummary): ObservationComponent[] {
  return [
    ...EMOTION_LABELS.map((label) => ({
      code: concept(expressionConcept(label)),
      ...(summary.faceSeconds
        ? { valueQuantity: { value: summary.shares[label], unit: '%', system: UCUM, code: '%' } }
        : { dataAbsentReason: NO_FACE }),
    })),
    { code: concept(FACE_TIME), valueQuantity: seconds(summary.faceSeconds) },
    { code: concept(RECORDED_TIME), valueQuantity: seconds(summary.recordedSeconds) },
  ];
}

/** The session at a glance: the dominant expression as the value, each class's share as components. */
export function summaryObservation(session: ExportSession, refs: ObservationRefs): Observation {
  const summary = summarize(session.seconds);
  const { dominant } = summary;
  return {
    ...common(session, refs),
    code: concept(SUMMARY, true),
    ...(dominant ? { valueCodeableConcept: concept(expressionConcept(dominant)) } : { dataAbsentReason: NO_FACE }),
    note: [{ text: DISCLAIMER }],
    derivedFrom: [{ reference: refs.timeline }],
    component: shareComponents(summary),
  };
}
