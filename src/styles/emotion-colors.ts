import type { EmotionLabel } from '../shared/emotions.js';

/**
 * Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008): distinguishable with the common
 * colour-vision deficiencies. Colour is never the only cue: every bar and series also carries its name.
 */
export const EMOTION_COLORS: Readonly<Record<EmotionLabel, string>> = {
  angry: '#D55E00',
  disgust: '#009E73',
  fear: '#CC79A7',
  happy: '#E69F00',
  sad: '#0072B2',
  surprise: '#56B4E9',
  neutral: '#6B6B6B',
};
