import { describe, expect, it } from 'vitest';
import { TYPICAL_FIRST_PREPARATION_S, preparedShare, secondsLeft } from '../../src/live/preparation';

describe('first-visit preparation progress', () => {
  it('moves forward through loading, each engine measured, and warming up', () => {
    const shares = [
      preparedShare(null),
      preparedShare({ type: 'progress', stage: 'loading-models' }),
      preparedShare({ type: 'progress', stage: 'probing', backend: 'webgpu' }),
      preparedShare({ type: 'progress', stage: 'probing', backend: 'webgl' }),
      preparedShare({ type: 'progress', stage: 'probing', backend: 'wasm' }),
      preparedShare({ type: 'progress', stage: 'probing', backend: 'cpu' }),
      preparedShare({ type: 'progress', stage: 'warming-up', backend: 'wasm' }),
    ];
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThan(shares[i - 1]!);
    expect(shares.at(-1)).toBeLessThan(1);
  });

  it('estimates the time left from the pace so far, and from a typical first visit before that', () => {
    expect(secondsLeft(0, 0)).toBe(TYPICAL_FIRST_PREPARATION_S);
    expect(secondsLeft(0.5, 6000)).toBe(6);
    expect(secondsLeft(0.9, 9000)).toBe(1);
    expect(secondsLeft(0.99, 9900)).toBe(1);
    expect(secondsLeft(1, 12000)).toBe(0);
  });
});
