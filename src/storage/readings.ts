import { adjustReadings, baselineFor, baselineMean, type ChartMarker, type Reading } from '../analysis/index.js';
import type { Baseline } from '../shared/baseline.js';
import type { Marker, Patient, Sample, Session } from './schema.js';

/** Stored percentages as 0–1 readings, one per second; the samples themselves are not changed. */
export function readingsOf(samples: readonly Sample[]): Reading[] {
  return samples.map((s) => s.probabilities?.map((p) => p / 100) ?? null);
}

export function chartMarkers(markers: readonly Marker[]): ChartMarker[] {
  return [...markers].sort((a, b) => a.t - b.t).map((m, i) => ({ at: m.t / 1000, n: i + 1, label: m.label }));
}

/** The baseline a session is read against, with its mean; null when the patient has none. */
export interface SessionBaseline {
  baseline: Baseline;
  mean: number[];
}

export function sessionBaseline(patient: Patient, session: Pick<Session, 'startedAt'>): SessionBaseline | null {
  const baseline = baselineFor(patient.baselines ?? [], session.startedAt);
  const mean = baseline && baselineMean(baseline);
  return baseline && mean ? { baseline, mean } : null;
}

/** The readings as shown: raw, or relative to the baseline when there is one and it is asked for. */
export function shownReadings(raw: readonly Reading[], baseline: SessionBaseline | null, adjusted: boolean): Reading[] {
  return adjusted && baseline ? adjustReadings(raw, baseline.mean) : [...raw];
}
