import { describe, expect, it } from 'vitest';
import { EmotionSmoother } from '../../src/live/emotion-smoother';

const happy = [0, 0, 0, 1, 0, 0, 0];
const sad = [0, 0, 0, 0, 1, 0, 0];

describe('EmotionSmoother', () => {
  it('exponential: after one half-life a sudden change is half-way', () => {
    const s = new EmotionSmoother({ kind: 'exponential', halfLifeMs: 1000 });
    s.push(0, happy);
    const out = s.push(1000, sad);
    expect(out?.[3]).toBeCloseTo(0.5);
    expect(out?.[4]).toBeCloseTo(0.5);
  });

  it('exponential: weighs by elapsed time, not by frame count', () => {
    const many = new EmotionSmoother({ kind: 'exponential', halfLifeMs: 1000 });
    many.push(0, happy);
    let last: number[] | null = null;
    for (let t = 100; t <= 1000; t += 100) last = many.push(t, sad);
    expect(last?.[4]).toBeCloseTo(0.5);
  });

  it('window: the mean of the readings inside the window', () => {
    const s = new EmotionSmoother({ kind: 'window', windowMs: 1000 });
    s.push(0, happy);
    s.push(500, sad);
    expect(s.push(900, sad)?.[4]).toBeCloseTo(2 / 3);
    expect(s.push(1600, sad)?.[4]).toBeCloseTo(1);
  });

  it('off: shows each reading as it is', () => {
    const s = new EmotionSmoother({ kind: 'off' });
    s.push(0, happy);
    expect(s.push(10, sad)).toEqual(sad);
  });

  it('returns null without a face and starts afresh after a long gap', () => {
    const s = new EmotionSmoother({ kind: 'exponential', halfLifeMs: 100 });
    s.push(0, happy);
    expect(s.push(50, null)).toBeNull();
    expect(s.push(1000, null)).toBeNull();
    expect(s.push(1010, sad)).toEqual(sad);
  });
});
