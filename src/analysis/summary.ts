import { adjustReadings } from './baseline.js';
import { toAffect, type Affect } from './circumplex.js';
import { meanReading, usableCount, type Reading } from './readings.js';

export interface ReadingSummary {
  /** Mean probability per emotion (or difference from the baseline when one is given). */
  mean: number[] | null;
  affect: Affect | null;
  usable: number;
}

/** A whole session in one point, for the patient's trend across sessions. */
export function summarizeReadings(
  readings: readonly Reading[],
  baseline: readonly number[] | null = null,
): ReadingSummary {
  const read = baseline ? adjustReadings(readings, baseline) : readings;
  const mean = meanReading(read);
  return { mean, affect: mean && toAffect(mean), usable: usableCount(read) };
}
