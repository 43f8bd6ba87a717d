import { describe, expect, it } from 'vitest';
import {
  adjustReadings,
  baselineFor,
  baselineMean,
  markerComparisons,
  summarizeReadings,
  toAffect,
  type Reading,
} from '../../src/analysis/index.js';

/** A face that looks a little sad at rest (percent rows as stored). */
const rows = [
  [5, 1, 4, 2, 30, 3, 55],
  [7, 1, 2, 4, 26, 1, 59],
  [6, 1, 3, 3, 28, 2, 57],
];

describe('baseline adjustment', () => {
  it('takes the mean of the rows as probabilities', () => {
    const mean = baselineMean({ rows });
    expect(mean?.map((p) => Number(p.toFixed(4)))).toEqual([0.06, 0.01, 0.03, 0.03, 0.28, 0.02, 0.57]);
    expect(baselineMean({ rows: [] })).toBeNull();
  });

  it('never changes the raw readings', () => {
    const raw: Reading[] = rows.map((r) => r.map((p) => p / 100));
    const copy = JSON.stringify(raw);
    const adjusted = adjustReadings(raw, baselineMean({ rows }));
    expect(JSON.stringify(raw)).toBe(copy);
    expect(adjusted[0]).not.toBe(raw[0]);
  });

  it('reads the baseline itself as neutral: zero change and the origin of the plane', () => {
    const mean = baselineMean({ rows });
    const adjusted = adjustReadings([mean], mean)[0] as number[];
    for (const d of adjusted) expect(d).toBeCloseTo(0, 12);
    const affect = toAffect(adjusted);
    expect(affect.valence).toBeCloseTo(0, 12);
    expect(affect.arousal).toBeCloseTo(0, 12);
    const summary = summarizeReadings([mean], mean);
    expect(summary.affect?.valence).toBeCloseTo(0, 12);
  });

  it('keeps seconds without a face empty', () => {
    expect(adjustReadings([null], [0.1, 0, 0, 0, 0, 0, 0.9])).toEqual([null]);
  });

  it('shows a smile relative to a sad resting face as less sad and happier', () => {
    const mean = baselineMean({ rows });
    const smile: Reading = [0.02, 0, 0.01, 0.8, 0.02, 0.05, 0.1];
    const [d] = adjustReadings([smile], mean) as number[][];
    expect(d?.[3]).toBeCloseTo(0.77, 10);
    expect(d?.[4]).toBeCloseTo(-0.26, 10);
  });

  it('reads each session against the latest baseline recorded before it, else the first', () => {
    const a = { id: 'a', recordedAt: 1_000 };
    const b = { id: 'b', recordedAt: 5_000 };
    expect(baselineFor([b, a], 6_000)?.id).toBe('b');
    expect(baselineFor([b, a], 4_000)?.id).toBe('a');
    expect(baselineFor([b, a], 500)?.id).toBe('a');
    expect(baselineFor([], 500)).toBeNull();
  });

  it('gives the same marker windows for adjusted readings, with the change unaffected by the baseline', () => {
    const readings: Reading[] = Array.from({ length: 60 }, (_, i) =>
      i < 30 ? [0, 0, 0, 0.1, 0.1, 0, 0.8] : [0, 0, 0, 0.7, 0.1, 0, 0.2],
    );
    const mean = baselineMean({ rows });
    const raw = markerComparisons(readings, [30], 10)[0];
    const adjusted = markerComparisons(adjustReadings(readings, mean), [30], 10)[0];
    raw?.change?.forEach((d, k) => expect(adjusted?.change?.[k]).toBeCloseTo(d, 12));
    expect(adjusted?.before.mean?.[6]).toBeCloseTo(0.8 - 0.57, 12);
  });
});
