import { describe, expect, it } from 'vitest';
import {
  decimateMinMax,
  elapsedStep,
  elapsedTicks,
  formatElapsed,
  stackReadings,
  type Reading,
} from '../../src/analysis/index.js';

describe('min/max decimation', () => {
  const n = 28_800;
  const x = Array.from({ length: n }, (_, i) => i);
  const y = x.map((i) => (i === 12_345 ? 1 : i === 20_000 ? -1 : Math.sin(i / 100) * 0.5));

  it('draws at most two points per pixel column and keeps every extreme', () => {
    const d = decimateMinMax(x, [y], 1000);
    expect(d.x.length).toBeLessThanOrEqual(2000);
    expect(Math.max(...(d.ys[0] as number[]))).toBe(1);
    expect(Math.min(...(d.ys[0] as number[]))).toBe(-1);
    expect(d.x[0]).toBe(0);
    expect(d.x.at(-1)).toBe(n - 1);
  });

  it('leaves the input untouched and returns short series as they are', () => {
    const copy = [...y];
    decimateMinMax(x, [y], 500);
    expect(y).toEqual(copy);
    expect(decimateMinMax([0, 1, 2], [[1, null, 3]], 100)).toEqual({ x: [0, 1, 2], ys: [[1, null, 3]] });
  });

  it('keeps gaps where a column had no face', () => {
    const gappy = x.map((i) => (i >= 1000 && i < 5000 ? null : 0.5));
    const d = decimateMinMax(x, [gappy], 100);
    expect(d.ys[0]).toContain(null);
    expect(d.ys[0]?.filter((v) => v !== null).every((v) => v === 0.5)).toBe(true);
  });
});

describe('elapsed time', () => {
  it('writes m:ss under an hour and h:mm:ss past it', () => {
    expect(formatElapsed(0, 'en')).toBe('0:00');
    expect(formatElapsed(65, 'en')).toBe('1:05');
    expect(formatElapsed(3599, 'es-MX')).toBe('59:59');
    expect(formatElapsed(3600, 'en')).toBe('1:00:00');
    expect(formatElapsed(28_800, 'es-MX')).toBe('8:00:00');
  });

  it('picks clock-friendly tick steps that keep labels apart', () => {
    expect(elapsedStep(600, 1000, 80)).toBe(60);
    expect(elapsedStep(28_800, 1000, 80)).toBe(3600);
    expect(elapsedStep(60, 300, 60)).toBe(15);
    expect(elapsedTicks(0, 300, 60)).toEqual([0, 60, 120, 180, 240, 300]);
  });
});

describe('stacking', () => {
  it('accumulates the shown emotions and leaves gaps empty', () => {
    const readings: Reading[] = [[0.1, 0.2, 0.3, 0.4], null];
    const stacks = stackReadings(readings, [true, false, true, true]);
    expect(stacks.map((s) => s[0])).toEqual([0.1, 0.1, 0.4, expect.closeTo(0.8, 10) as number]);
    expect(stacks.map((s) => s[1])).toEqual([null, null, null, null]);
  });
});
