import type { SampledData } from 'fhir/r4';
import { EMOTION_LABELS, dominantIndex, type EmotionLabel } from '../shared/emotions.js';
import type { ExportSecond } from '../shared/export-schema.js';
import { UCUM } from './systems.js';
import type { ExpressionSummary } from './types.js';

/** One sample per second. */
export const PERIOD_MS = 1000;
/** Data are integer percentages; origin + factor × datum is the probability (0–1). */
export const FACTOR = 0.01;
/** SampledData's code for "no value": here, a second without a reliable face. */
export const NO_VALUE = 'E';

/** The seven probabilities of one second in EMOTION_LABELS order, or null without a face. */
export function probabilitiesOf(second: ExportSecond): number[] | null {
  return second.length === 1 ? null : second.slice(2).map((p) => p ?? 0);
}

/** The `valueSampledData` of one expression's component. */
export function sampledData(seconds: readonly ExportSecond[], index: number): SampledData {
  const data = seconds.map((s) => {
    const p = probabilitiesOf(s);
    return p ? String(p[index] ?? 0) : NO_VALUE;
  });
  return {
    origin: { value: 0, unit: 'probability', system: UCUM, code: '1' },
    period: PERIOD_MS,
    factor: FACTOR,
    lowerLimit: 0,
    upperLimit: 1,
    dimensions: 1,
    data: data.join(' '),
  };
}

/** The data back as integer percentages, null for `E`. */
export function readSampledData(sampled: SampledData): (number | null)[] {
  if (sampled.period !== PERIOD_MS || sampled.dimensions !== 1) throw new Error('Unexpected sampling');
  const factor = sampled.factor ?? 1;
  const origin = sampled.origin.value ?? 0;
  return (sampled.data ?? '')
    .split(' ')
    .filter((d) => d !== '')
    .map((d) => (d === NO_VALUE ? null : Math.round((origin + Number(d) * factor) * 100)));
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

/** Dominant class per second with a face; the share of those seconds each class dominated. */
export function summarize(seconds: readonly ExportSecond[]): ExpressionSummary {
  const counts = EMOTION_LABELS.map(() => 0);
  let faceSeconds = 0;
  for (const second of seconds) {
    const p = probabilitiesOf(second);
    if (!p) continue;
    const top = dominantIndex(p);
    counts[top] = (counts[top] ?? 0) + 1;
    faceSeconds++;
  }
  const shares = Object.fromEntries(
    EMOTION_LABELS.map((label, i) => [label, faceSeconds ? round1(((counts[i] ?? 0) / faceSeconds) * 100) : 0]),
  ) as Record<EmotionLabel, number>;
  const top = dominantIndex(counts);
  return {
    dominant: faceSeconds ? (EMOTION_LABELS[top] ?? null) : null,
    shares,
    faceSeconds,
    recordedSeconds: seconds.length,
  };
}
