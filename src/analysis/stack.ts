import { dominantIndex } from '../shared/emotions.js';
import type { Reading } from './readings.js';

/**
 * Cumulative sums for a 100 % stacked area: series k is the sum of the shown emotions up to k,
 * so the band between series k − 1 and k is emotion k. Hidden emotions add nothing.
 */
export function stackReadings(readings: readonly Reading[], shown: readonly boolean[]): (number | null)[][] {
  const stacks = shown.map(() => new Array<number | null>(readings.length).fill(null));
  readings.forEach((r, i) => {
    if (!r) return;
    let sum = 0;
    shown.forEach((on, k) => {
      if (on) sum += r[k] ?? 0;
      (stacks[k] as (number | null)[])[i] = sum;
    });
  });
  return stacks;
}

/** The emotion with the largest value each second (for raw readings: the most probable), or -1. */
export function dominantSeries(readings: readonly Reading[]): number[] {
  return readings.map((r) => (r ? dominantIndex(r) : -1));
}
