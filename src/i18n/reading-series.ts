import { EMOTION_LABELS, type EmotionLabel } from '../shared/emotions.js';
import { stackReadings, toAffect, type Reading } from '../analysis/index.js';
import { emotionName } from './emotions.js';
import type { ChartSeries } from '../shared/chart-series.js';

/** A line pattern per emotion, so lines differ by more than colour (CSS px). */
export const EMOTION_DASHES: Readonly<Record<EmotionLabel, number[]>> = {
  angry: [],
  disgust: [10, 4],
  fear: [2, 3],
  happy: [],
  sad: [10, 3, 2, 3],
  surprise: [5, 5],
  neutral: [1, 5],
};

export type ReadingView = 'share' | 'lines';

/** The emotion series a chart draws: running totals for the share view, one line each otherwise. */
export function emotionSeries(
  readings: readonly Reading[],
  shown: readonly boolean[],
  view: ReadingView,
  colors: Readonly<Record<EmotionLabel, string>>,
): ChartSeries[] {
  const stacks = view === 'share' ? stackReadings(readings, shown) : null;
  return EMOTION_LABELS.flatMap((label, k) =>
    shown[k]
      ? [
          {
            label: emotionName(label),
            color: colors[label],
            dash: EMOTION_DASHES[label],
            values: stacks?.[k] ?? readings.map((r) => r?.[k] ?? null),
          },
        ]
      : [],
  );
}

/** Valence and arousal per second, from the same readings (raw or relative to the baseline). */
export function affectValues(readings: readonly Reading[]): { valence: (number | null)[]; arousal: (number | null)[] } {
  const points = readings.map((r) => (r ? toAffect(r) : null));
  return { valence: points.map((p) => p?.valence ?? null), arousal: points.map((p) => p?.arousal ?? null) };
}

/** The three strongest emotions of one second, by name, for the hover readout. */
export function describeSecond(reading: Reading, format: (v: number) => string): string {
  if (!reading) return '';
  return EMOTION_LABELS.map((label, k) => ({ label, v: reading[k] ?? 0 }))
    .sort((a, b) => b.v - a.v)
    .slice(0, 3)
    .map((e) => `${emotionName(e.label)} ${format(e.v)}`)
    .join(', ');
}
