import type { CodeSystem, CodeableConcept, Coding } from 'fhir/r4';
import { EMOTION_LABELS, type EmotionLabel } from '../shared/emotions.js';
import { RESMO_CODE_SYSTEM, SNOMED, SNOMED_FACIAL_EXPRESSION } from './systems.js';

/** Version of the CodeSystem below; bump it when a concept is added or its meaning changes. */
export const CODE_SYSTEM_VERSION = '1.0.0';

interface Concept {
  code: string;
  display: string;
  definition: string;
}

const EXPRESSIONS: Record<EmotionLabel, string> = {
  angry: 'Angry',
  disgust: 'Disgust',
  fear: 'Fear',
  happy: 'Happy',
  sad: 'Sad',
  surprise: 'Surprise',
  neutral: 'Neutral',
};

export const EXPRESSION_CONCEPTS: readonly Concept[] = EMOTION_LABELS.map((label) => ({
  code: label,
  display: EXPRESSIONS[label],
  definition: `Facial expression class "${label}" of the FER2013 data set, as estimated by ResmoNet.`,
}));

export const TIMELINE: Concept = {
  code: 'expression-timeline',
  display: 'Facial expression timeline (automated estimate)',
  definition:
    'Per-second estimated probability of each of the seven facial expression classes over a consultation. An automated estimate of facial expression, not a diagnosis.',
};

export const SUMMARY: Concept = {
  code: 'expression-summary',
  display: 'Facial expression summary (automated estimate)',
  definition:
    'Dominant estimated facial expression of a consultation and the share of the seconds with a face in which each class was dominant.',
};

export const FACE_TIME: Concept = {
  code: 'face-time',
  display: 'Time with a face',
  definition: 'Seconds of the recording in which a face was found reliably enough to estimate its expression.',
};

export const RECORDED_TIME: Concept = {
  code: 'recorded-time',
  display: 'Recorded time',
  definition: 'Seconds recorded in the consultation.',
};

export const METHOD: Concept = {
  code: 'resmonet-estimate',
  display: 'Automated estimate by ResmoNet from video, on the device',
  definition:
    'Each camera frame is analysed on the clinician’s device: a face detector finds the face and ResmoNet, a convolutional network trained on FER2013, estimates the probability of seven expression classes; the frames of each second are averaged.',
};

const ALL: readonly Concept[] = [...EXPRESSION_CONCEPTS, TIMELINE, SUMMARY, FACE_TIME, RECORDED_TIME, METHOD];

export function coding(c: Concept): Coding {
  return { system: RESMO_CODE_SYSTEM, code: c.code, display: c.display };
}

export function concept(c: Concept, withSnomed = false): CodeableConcept {
  const codings = [coding(c)];
  if (withSnomed) codings.push({ system: SNOMED, code: SNOMED_FACIAL_EXPRESSION, display: 'Facial expression' });
  return { coding: codings, text: c.display };
}

export function expressionConcept(label: EmotionLabel): Concept {
  const found = EXPRESSION_CONCEPTS.find((c) => c.code === label);
  if (!found) throw new Error(`No concept for ${label}`);
  return found;
}

/** The CodeSystem resource an integrator loads into the EHR's terminology server (docs/fhir/). */
export function resmoCodeSystem(): CodeSystem {
  return {
    resourceType: 'CodeSystem',
    id: 'resmo-facial-expression',
    url: RESMO_CODE_SYSTEM,
    version: CODE_SYSTEM_VERSION,
    name: 'ResmoFacialExpression',
    title: 'Resmo facial expression',
    status: 'active',
    experimental: false,
    publisher: 'Resmo',
    description:
      'Codes of Resmo’s automated facial expression estimates: the seven FER2013 expression classes and the codes of the timeline and summary Observations.',
    caseSensitive: true,
    content: 'complete',
    count: ALL.length,
    concept: ALL.map(({ code, display, definition }) => ({ code, display, definition })),
  };
}
