/** FER2013 label order; the model's metadata.json carries the same list and the worker checks it. */
export const EMOTION_LABELS = ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral'] as const;

export type EmotionLabel = (typeof EMOTION_LABELS)[number];

/** Probabilities in EMOTION_LABELS order. */
export type EmotionProbabilities = readonly number[];

export function isEmotionLabel(value: string): value is EmotionLabel {
  return (EMOTION_LABELS as readonly string[]).includes(value);
}
