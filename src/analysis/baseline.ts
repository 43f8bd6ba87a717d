/**
 * Baseline adjustment: each emotion's probability minus the patient's mean probability at rest.
 * A difference (not a recalibrated probability) keeps the unit clinicians read, percentage points,
 * makes "the same as at rest" exactly zero, and stays linear, so valence and arousal shift by the
 * baseline's own point. docs/readings.md says why.
 */
import type { Baseline } from '../shared/baseline.js';
import type { Reading } from './readings.js';

/** Mean of a baseline's rows as 0–1 probabilities, or null for an empty baseline. */
export function baselineMean(baseline: Pick<Baseline, 'rows'>): number[] | null {
  const { rows } = baseline;
  const first = rows[0];
  if (!first) return null;
  return first.map((_, k) => rows.reduce((sum, row) => sum + (row[k] ?? 0), 0) / rows.length / 100);
}

/** A reading relative to the baseline mean; a new array, the reading itself is never changed. */
export function adjustReading(reading: Reading, mean: readonly number[] | null): Reading {
  if (!reading || !mean) return reading;
  return reading.map((p, k) => p - (mean[k] ?? 0));
}

export function adjustReadings(readings: readonly Reading[], mean: readonly number[] | null): Reading[] {
  return readings.map((r) => adjustReading(r, mean));
}

/**
 * The baseline a session is read against: the latest one recorded before it started, or, for
 * sessions older than every baseline, the first one. Redoing a baseline never changes older reports.
 */
export function baselineFor<B extends Pick<Baseline, 'recordedAt'>>(baselines: readonly B[], at: number): B | null {
  const sorted = [...baselines].sort((a, b) => a.recordedAt - b.recordedAt);
  return sorted.filter((b) => b.recordedAt <= at).at(-1) ?? sorted[0] ?? null;
}
