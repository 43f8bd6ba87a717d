import { describe, expect, it } from 'vitest';
import { TYPICAL_FIRST_PREPARATION_S, downloading, preparedShare, secondsLeft } from '../../src/live/preparation';

describe('first-visit preparation progress', () => {
  it('moves forward with the download, then warming up', () => {
    const shares = [
      preparedShare(null),
      preparedShare({ type: 'progress', stage: 'loading-models' }),
      preparedShare({ type: 'progress', stage: 'loading-models', fraction: 0.25 }),
      preparedShare({ type: 'progress', stage: 'loading-models', fraction: 0.75 }),
      preparedShare({ type: 'progress', stage: 'loading-models', fraction: 1 }),
      preparedShare({ type: 'progress', stage: 'warming-up', backend: 'wasm' }),
    ];
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThan(shares[i - 1]!);
    expect(shares.at(-1)).toBeLessThan(1);
  });

  it('counts as downloading only while weight bytes are still arriving', () => {
    expect(downloading(null)).toBe(false);
    expect(downloading({ type: 'progress', stage: 'loading-models' })).toBe(false);
    expect(downloading({ type: 'progress', stage: 'loading-models', fraction: 0.3 })).toBe(true);
    expect(downloading({ type: 'progress', stage: 'loading-models', fraction: 1 })).toBe(false);
    expect(downloading({ type: 'progress', stage: 'warming-up', backend: 'wasm' })).toBe(false);
  });

  it('estimates the time left from the pace so far, and from a typical first visit before that', () => {
    expect(secondsLeft(0, 0)).toBe(TYPICAL_FIRST_PREPARATION_S);
    expect(secondsLeft(0.5, 6000)).toBe(6);
    expect(secondsLeft(0.9, 9000)).toBe(1);
    expect(secondsLeft(0.99, 9900)).toBe(1);
    expect(secondsLeft(1, 12000)).toBe(0);
  });
});
