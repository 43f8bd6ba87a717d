import type { Reading } from '../../src/analysis/index';
import type { ChartMarker } from '../../src/analysis/index';
import { fakeSeconds } from './fake-session';

/** An 8-hour synthetic session as the review reads it: 28,800 readings and a marker every 24 minutes. */
export function longSession(
  seconds = 8 * 3600,
  markerEvery = 24 * 60,
): { readings: Reading[]; markers: ChartMarker[] } {
  const readings = fakeSeconds(seconds, 11).map((s) => s.probabilities?.map((p) => p / 100) ?? null);
  const markers = Array.from({ length: Math.floor(seconds / markerEvery) }, (_, i) => ({
    at: (i + 1) * markerEvery - 7,
    n: i + 1,
    label: i % 3 === 0 ? `talked about work, then about the family and the long commute (${i + 1})` : `topic ${i + 1}`,
  }));
  return { readings, markers };
}
