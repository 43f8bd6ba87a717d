/**
 * Before and after each marker: the mean expression in a window before the marker and the same
 * window after it, the change, and why a window is shorter than asked for.
 */
import { toAffect, type Affect } from './circumplex.js';
import { meanReading, usableCount, type Reading } from './readings.js';

export const DEFAULT_WINDOW_SECONDS = 30;
/** A marker is flagged when its change is among the largest and at least this (total variation, 0–1). */
export const FLAG_MIN_CHANGE = 0.1;
export const MAX_FLAGGED = 3;

/** What cut a window short: the session's start or end, or a neighbouring marker. */
export type Clip = 'start' | 'end' | 'marker' | null;

export interface WindowSummary {
  /** Seconds [from, to) from the session start. */
  from: number;
  to: number;
  clip: Clip;
  /** Seconds with a usable face. */
  usable: number;
  /** Mean probability (or difference from the baseline) per emotion; null without a usable second. */
  mean: number[] | null;
  affect: Affect | null;
}

export interface MarkerComparison {
  /** The marker's position in seconds from the start. */
  at: number;
  before: WindowSummary;
  after: WindowSummary;
  /** after − before per emotion, and for valence and arousal; null when either side is empty. */
  change: number[] | null;
  affectChange: Affect | null;
  /** Total variation between the two means (half the sum of absolute changes), 0–1. */
  size: number;
  flagged: boolean;
}

function summarize(readings: readonly Reading[], from: number, to: number, clip: Clip): WindowSummary {
  const mean = meanReading(readings, from, to);
  return { from, to, clip, usable: usableCount(readings, from, to), mean, affect: mean && toAffect(mean) };
}

function beforeWindow(readings: readonly Reading[], at: number, previous: number | null, length: number) {
  const wanted = at - length;
  const floor = Math.max(0, previous ?? 0);
  const clip: Clip = wanted >= floor ? null : previous !== null && previous > 0 ? 'marker' : 'start';
  return summarize(readings, Math.max(wanted, floor), at, clip);
}

function afterWindow(readings: readonly Reading[], at: number, next: number | null, length: number) {
  const wanted = at + length;
  const end = readings.length;
  const ceiling = Math.min(end, next ?? end);
  const clip: Clip = wanted <= ceiling ? null : next !== null && next < end ? 'marker' : 'end';
  return summarize(readings, at, Math.min(wanted, ceiling), clip);
}

function compare(at: number, before: WindowSummary, after: WindowSummary): MarkerComparison {
  const change = before.mean && after.mean ? after.mean.map((a, k) => a - (before.mean?.[k] ?? 0)) : null;
  const affectChange =
    before.affect && after.affect
      ? { valence: after.affect.valence - before.affect.valence, arousal: after.affect.arousal - before.affect.arousal }
      : null;
  const size = change ? change.reduce((sum, d) => sum + Math.abs(d), 0) / 2 : 0;
  return { at, before, after, change, affectChange, size, flagged: false };
}

/**
 * One comparison per marker (`markerSeconds` in seconds from the start, in any order; results
 * follow the sorted order). Readings may be raw or baseline-adjusted: the windows are the same.
 */
export function markerComparisons(
  readings: readonly Reading[],
  markerSeconds: readonly number[],
  windowSeconds = DEFAULT_WINDOW_SECONDS,
): MarkerComparison[] {
  const sorted = [...markerSeconds].sort((a, b) => a - b);
  const length = Math.max(1, Math.round(windowSeconds));
  const result = sorted.map((at, i) => {
    const before = beforeWindow(readings, at, i > 0 ? (sorted[i - 1] ?? null) : null, length);
    const after = afterWindow(readings, at, sorted[i + 1] ?? null, length);
    return compare(at, before, after);
  });
  const largest = [...result]
    .filter((c) => c.size >= FLAG_MIN_CHANGE)
    .sort((a, b) => b.size - a.size)
    .slice(0, MAX_FLAGGED);
  for (const c of largest) c.flagged = true;
  return result;
}
