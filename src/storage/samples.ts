import { EMOTION_LABELS, dominantIndex, type EmotionLabel } from '../shared/emotions.js';
import type { Sample } from './schema.js';

/** What the recorder hands to storage for one second; storage assigns session and second. */
export type SampleInput = Pick<Sample, 'usable' | 'probabilities' | 'detectorScore'>;

export { toPercent } from '../shared/percent.js';

/** The emotion with the highest probability; ties go to the earlier label, so it is deterministic. */
export function dominantOf(probabilities: readonly number[] | null): EmotionLabel | null {
  return probabilities ? (EMOTION_LABELS[dominantIndex(probabilities)] ?? null) : null;
}

/** The stored record for one second. */
export function toSample(sessionId: string, second: number, input: SampleInput): Sample {
  return { sessionId, second, ...input, dominant: dominantOf(input.probabilities) };
}

/** An empty second: no frames or no usable face. */
export const EMPTY_SECOND: SampleInput = { usable: 0, probabilities: null, detectorScore: null };
