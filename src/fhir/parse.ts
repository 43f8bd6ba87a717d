import type { Bundle, Encounter, FhirResource, Observation, Patient } from 'fhir/r4';
import { EMOTION_LABELS, isEmotionLabel, type EmotionLabel } from '../shared/emotions.js';
import { FACE_TIME, RECORDED_TIME, SUMMARY, TIMELINE } from './codes.js';
import { UNLABELLED_MARKER } from './observations.js';
import { PATIENT_CODE_SYSTEM, RESMO_CODE_SYSTEM, SESSION_SYSTEM } from './systems.js';
import { readSampledData } from './timeline.js';
import type { ExpressionSummary, ExternalIdentifier, SessionSource } from './types.js';

export interface ParsedSession {
  id: string;
  startedAt: string;
  /** Null when the Encounter did not finish (an interrupted recording). */
  endedAt: string | null;
  source: SessionSource;
  /** Per second: the seven integer percentages in EMOTION_LABELS order, or null without a face. */
  seconds: (number[] | null)[];
  markers: { id: string; t: number; label: string }[];
  summary: ExpressionSummary;
}

export interface ParsedBundle {
  patient: { code: string; name: string; birthDate: string | null; ehrIdentifier: ExternalIdentifier | null };
  sessions: ParsedSession[];
}

export class FhirParseError extends Error {
  override name = 'FhirParseError';
}

function need<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new FhirParseError(`Missing ${what}`);
  return value;
}

const resmoCode = (codings: { system?: string; code?: string }[] | undefined): string | undefined =>
  codings?.find((c) => c.system === RESMO_CODE_SYSTEM)?.code;

function parsePatient(patient: Patient): ParsedBundle['patient'] {
  const ids = patient.identifier ?? [];
  const code = need(ids.find((i) => i.system === PATIENT_CODE_SYSTEM)?.value, 'patient code');
  const ehr = ids.find((i) => i.system !== PATIENT_CODE_SYSTEM && i.system && i.value);
  return {
    code,
    name: patient.name?.[0]?.text ?? '',
    birthDate: patient.birthDate ?? null,
    ehrIdentifier: ehr?.system && ehr.value ? { system: ehr.system, value: ehr.value } : null,
  };
}

function parseTimeline(obs: Observation, start: number): Pick<ParsedSession, 'seconds' | 'markers'> {
  const columns = EMOTION_LABELS.map((label) => {
    const component = need(
      obs.component?.find((c) => resmoCode(c.code.coding) === label),
      `component ${label}`,
    );
    return readSampledData(need(component.valueSampledData, `samples of ${label}`));
  });
  const length = columns[0]?.length ?? 0;
  if (columns.some((c) => c.length !== length)) throw new FhirParseError('Components of different lengths');
  const seconds = Array.from({ length }, (_, i) => {
    const row = columns.map((c) => c[i] ?? null);
    return row.every((p): p is number => p !== null) ? row : null;
  });
  const markers = (obs.note ?? [])
    .filter((n) => n.time !== undefined)
    .map((n) => ({
      id: need(n.id, 'marker id'),
      t: Date.parse(n.time ?? '') - start,
      label: n.text === UNLABELLED_MARKER ? '' : n.text,
    }));
  return { seconds, markers };
}

function parseSummary(obs: Observation): ExpressionSummary {
  const quantity = (code: string) =>
    need(
      obs.component?.find((c) => resmoCode(c.code.coding) === code),
      `component ${code}`,
    ).valueQuantity?.value;
  const dominant = resmoCode(obs.valueCodeableConcept?.coding);
  const shares = Object.fromEntries(EMOTION_LABELS.map((l) => [l, quantity(l) ?? 0])) as Record<EmotionLabel, number>;
  return {
    dominant: dominant && isEmotionLabel(dominant) ? dominant : null,
    shares,
    faceSeconds: need(quantity(FACE_TIME.code), 'time with a face'),
    recordedSeconds: need(quantity(RECORDED_TIME.code), 'recorded time'),
  };
}

function observationFor(observations: Observation[], encounterUrl: string, code: string): Observation {
  return need(
    observations.find((o) => o.encounter?.reference === encounterUrl && resmoCode(o.code.coding) === code),
    `${code} Observation`,
  );
}

function parseSession(fullUrl: string, encounter: Encounter, observations: Observation[]): ParsedSession {
  const start = need(encounter.period?.start, 'start');
  const startMs = Date.parse(start);
  return {
    id: need(encounter.identifier?.find((i) => i.system === SESSION_SYSTEM)?.value, 'session id'),
    startedAt: start,
    endedAt: encounter.status === 'finished' ? need(encounter.period?.end, 'end') : null,
    source: encounter.class.code === 'VR' ? 'video-call' : 'in-person',
    ...parseTimeline(observationFor(observations, fullUrl, TIMELINE.code), startMs),
    summary: parseSummary(observationFor(observations, fullUrl, SUMMARY.code)),
  };
}

/** Reads a Bundle Resmo exported back into sessions: what an EHR would have stored. */
export function parseBundle(bundle: Bundle): ParsedBundle {
  const entries = (bundle.entry ?? []).filter((e): e is { fullUrl: string; resource: FhirResource } =>
    Boolean(e.fullUrl && e.resource),
  );
  const of = <K extends FhirResource['resourceType']>(type: K) =>
    entries.filter((e) => e.resource.resourceType === type) as {
      fullUrl: string;
      resource: Extract<FhirResource, { resourceType: K }>;
    }[];
  const patient = need(of('Patient')[0], 'Patient').resource;
  const observations = of('Observation').map((e) => e.resource);
  return {
    patient: parsePatient(patient),
    sessions: of('Encounter').map((e) => parseSession(e.fullUrl, e.resource, observations)),
  };
}
