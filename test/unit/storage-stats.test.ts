import { describe, expect, it } from 'vitest';
import { distribution, ranked, segments, usableShare } from '../../src/storage/stats';
import { toSample, EMPTY_SECOND } from '../../src/storage/samples';
import type { Marker } from '../../src/storage/schema';

const HAPPY = { usable: 100, detectorScore: 80, probabilities: [0, 0, 0, 80, 0, 0, 20] };
const SAD = { usable: 50, detectorScore: 60, probabilities: [0, 0, 0, 10, 70, 0, 20] };
const samples = [HAPPY, HAPPY, EMPTY_SECOND, SAD, SAD, SAD].map((input, i) => toSample('s', i, input));
const marker = (t: number, label: string): Marker => ({ id: `m${t}`, sessionId: 's', t, label });

describe('review statistics', () => {
  it('shares time among the seconds with a usable face', () => {
    const d = distribution(samples);
    expect(d.happy).toBeCloseTo(2 / 5);
    expect(d.sad).toBeCloseTo(3 / 5);
    expect(ranked(d).map((e) => e.label)).toEqual(['sad', 'happy']);
  });

  it('averages the usable-face share over every second', () => {
    expect(usableShare(samples)).toBeCloseTo((100 + 100 + 0 + 50 * 3) / 6 / 100);
    expect(usableShare([])).toBe(0);
  });

  it('cuts the session at each marker', () => {
    const cut = segments(samples, [marker(3_400, 'talked about work'), marker(0, 'ignored at zero')]);
    expect(cut.map(({ from, to, marker: m }) => [from, to, m?.label ?? null])).toEqual([
      [0, 3, null],
      [3, 6, 'talked about work'],
    ]);
    expect(cut[0]?.distribution.happy).toBe(1);
    expect(cut[1]?.distribution.sad).toBe(1);
  });

  it('drops empty segments from markers in the same second or past the end', () => {
    const cut = segments(samples, [marker(2_000, 'a'), marker(2_500, 'b'), marker(99_000, 'late')]);
    expect(cut.map((s) => [s.from, s.to])).toEqual([
      [0, 2],
      [2, 6],
    ]);
  });
});
