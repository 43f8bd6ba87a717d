/** FER2013 label order; the model's metadata.json carries the same list and the worker checks it. */
export const EMOTION_LABELS = ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral'] as const;

export type EmotionLabel = (typeof EMOTION_LABELS)[number];

/** Probabilities in EMOTION_LABELS order. */
export type EmotionProbabilities = readonly number[];

export function isEmotionLabel(value: string): value is EmotionLabel {
  return (EMOTION_LABELS as readonly string[]).includes(value);
}

/** Index of the largest probability (the first on ties), or -1 for an empty list. */
export function dominantIndex(probabilities: readonly number[]): number {
  let best = -1;
  let bestValue = -Infinity;
  probabilities.forEach((value, index) => {
    if (value > bestValue) [best, bestValue] = [index, value];
  });
  return best;
}
