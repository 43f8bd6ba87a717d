/**
 * Valence (unpleasant −1 … pleasant +1) and arousal (calm −1 … activated +1) derived from the seven
 * expression probabilities. These describe the face, not what the person feels.
 *
 * Each emotion sits on the unit circle at the angle Russell (1980, "A circumplex model of affect",
 * J. Pers. Soc. Psychol. 39(6):1161–1178, Table 3, direct circular scaling) gives its nearest
 * affect word, measured counter-clockwise from the pleasant pole. Disgust is not among Russell's 28
 * words; it takes the angle of "distressed" (unpleasant, moderately activated), as docs/readings.md
 * explains. Neutral is the origin. A reading is the probability-weighted mean of these points, so
 * a mixed or uncertain face falls towards the centre.
 */
import { EMOTION_LABELS, type EmotionLabel } from '../shared/emotions.js';

/** Degrees on Russell's circumplex; null: the origin. */
export const CIRCUMPLEX_ANGLES: Readonly<Record<EmotionLabel, number | null>> = {
  angry: 99.1, // "angry"
  disgust: 137.6, // "distressed" (see above)
  fear: 116.8, // "afraid"
  happy: 7.8, // "happy"
  sad: 207.5, // "sad"
  surprise: 69.8, // "astonished"
  neutral: null,
};

export interface Affect {
  valence: number;
  arousal: number;
}

const POINTS: readonly Affect[] = EMOTION_LABELS.map((label) => {
  const degrees = CIRCUMPLEX_ANGLES[label];
  if (degrees === null) return { valence: 0, arousal: 0 };
  const radians = (degrees * Math.PI) / 180;
  return { valence: Math.cos(radians), arousal: Math.sin(radians) };
});

/** The emotion's point on the plane. */
export function circumplexPoint(index: number): Affect {
  return POINTS[index] ?? { valence: 0, arousal: 0 };
}

/**
 * Probabilities (0–1, EMOTION_LABELS order) to a point on the plane. Linear, so it also maps a
 * difference from the baseline to the shift of the point from the baseline's point.
 */
export function toAffect(probabilities: readonly number[]): Affect {
  let valence = 0;
  let arousal = 0;
  // A plain loop: the review maps every second of sessions up to 8 hours long.
  for (let i = 0; i < POINTS.length; i++) {
    const p = probabilities[i] ?? 0;
    valence += p * (POINTS[i]?.valence ?? 0);
    arousal += p * (POINTS[i]?.arousal ?? 0);
  }
  return { valence, arousal };
}
