import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SECONDS, markerComparisons, type Reading } from '../../src/analysis/index.js';

const calm: Reading = [0, 0, 0, 0, 0, 0, 1];
const happy: Reading = [0, 0, 0, 1, 0, 0, 0];

/** `length` seconds of `before`, then `after` from second `switchAt`. */
function session(length: number, switchAt: number, before = calm, after = happy): Reading[] {
  return Array.from({ length }, (_, i) => (i < switchAt ? before : after));
}

describe('before and after each marker', () => {
  it('uses 30 s windows by default and measures the change', () => {
    const [c] = markerComparisons(session(600, 300), [300]);
    expect(DEFAULT_WINDOW_SECONDS).toBe(30);
    expect(c?.before).toMatchObject({ from: 270, to: 300, clip: null, usable: 30 });
    expect(c?.after).toMatchObject({ from: 300, to: 330, clip: null, usable: 30 });
    expect(c?.change?.[3]).toBeCloseTo(1, 12);
    expect(c?.change?.[6]).toBeCloseTo(-1, 12);
    expect(c?.size).toBeCloseTo(1, 12);
    expect(c?.affectChange?.valence).toBeGreaterThan(0.9);
    expect(c?.flagged).toBe(true);
  });

  it('honours another window length', () => {
    const [c] = markerComparisons(session(600, 300), [300], 60);
    expect(c?.before).toMatchObject({ from: 240, to: 300, clip: null });
    expect(c?.after).toMatchObject({ from: 300, to: 360, clip: null });
  });

  it('clips at the session start', () => {
    const [c] = markerComparisons(session(600, 10), [10]);
    expect(c?.before).toMatchObject({ from: 0, to: 10, clip: 'start', usable: 10 });
    expect(c?.after.clip).toBeNull();
  });

  it('clips at the session end', () => {
    const [c] = markerComparisons(session(100, 90), [90]);
    expect(c?.after).toMatchObject({ from: 90, to: 100, clip: 'end', usable: 10 });
  });

  it('clips at a neighbouring marker on either side', () => {
    const [first, second] = markerComparisons(session(600, 300), [310, 300]);
    expect(first?.at).toBe(300);
    expect(first?.after).toMatchObject({ from: 300, to: 310, clip: 'marker' });
    expect(first?.before.clip).toBeNull();
    expect(second?.before).toMatchObject({ from: 300, to: 310, clip: 'marker' });
    expect(second?.after).toMatchObject({ from: 310, to: 340, clip: null });
  });

  it('does not call a window clipped when the neighbour is exactly a window away', () => {
    const [, second] = markerComparisons(session(600, 300), [270, 300]);
    expect(second?.before).toMatchObject({ from: 270, to: 300, clip: null });
  });

  it('counts only seconds with a face and has no change when one side has none', () => {
    const readings: Reading[] = Array.from({ length: 120 }, (_, i) => (i < 60 ? null : happy));
    const [c] = markerComparisons(readings, [60]);
    expect(c?.before.usable).toBe(0);
    expect(c?.before.mean).toBeNull();
    expect(c?.change).toBeNull();
    expect(c?.flagged).toBe(false);
  });

  it('flags at most three markers, the largest changes, and none below 10 points', () => {
    const readings: Reading[] = [];
    // Five marked moments with changes of 0.05, 0.2, 0.4, 0.6, 0.8 in happiness.
    for (const shift of [0.05, 0.2, 0.4, 0.6, 0.8]) {
      for (let i = 0; i < 60; i++) readings.push(calm);
      for (let i = 0; i < 60; i++) readings.push([0, 0, 0, shift, 0, 0, 1 - shift]);
    }
    const markers = [60, 180, 300, 420, 540];
    const flagged = markerComparisons(readings, markers).map((c) => c.flagged);
    expect(flagged).toEqual([false, false, true, true, true]);
    const small = markerComparisons(session(120, 60, calm, [0, 0, 0, 0.05, 0, 0, 0.95]), [60]);
    expect(small[0]?.flagged).toBe(false);
  });
});
