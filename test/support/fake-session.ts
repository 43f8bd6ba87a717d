import { EMOTION_LABELS } from '../../src/shared/emotions';
import { EMPTY_SECOND, toPercent, type SampleInput } from '../../src/storage/samples';

import { random } from './random';

export { random };

function softmax(logits: readonly number[]): number[] {
  const exps = logits.map((x) => Math.exp(x));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** A calm face at rest: mostly neutral, some happiness and sadness. */
const BASELINE_LOGITS: Partial<Record<(typeof EMOTION_LABELS)[number], number>> = {
  neutral: 1.5,
  happy: 0.4,
  sad: 0.2,
};

/**
 * A plausible consultation: mostly neutral, emotions drifting as a random walk in logit space,
 * a few seconds with the face lost, detector score between 40 and 95 %.
 */
export function fakeSeconds(count: number, seed = 1): SampleInput[] {
  const next = random(seed);
  const baseline = EMOTION_LABELS.map((label): number => BASELINE_LOGITS[label] ?? 0);
  const logits = [...baseline];
  return Array.from({ length: count }, () => {
    // Mean-reverting random walk: expressions drift and come back to the patient's baseline.
    logits.forEach((x, i) => (logits[i] = (baseline[i] ?? 0) + (x - (baseline[i] ?? 0)) * 0.97 + (next() - 0.5) * 0.8));
    if (next() < 0.05) return EMPTY_SECOND;
    const usable = next() < 0.9 ? 100 : toPercent(next());
    return {
      usable: Math.max(1, usable),
      detectorScore: 40 + Math.floor(next() * 56),
      probabilities: softmax(logits).map(toPercent),
    };
  });
}

/** The largest possible second: every number as many digits as the schema allows. */
export const WORST_CASE_SECOND: SampleInput = {
  usable: 100,
  detectorScore: 100,
  probabilities: [14, 14, 14, 14, 14, 15, 15],
};
