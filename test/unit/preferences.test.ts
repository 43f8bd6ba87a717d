import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, loadPreferences } from '../../src/platform/preferences';

const storageWith = (value: string | null) => ({ getItem: () => value });

describe('preferences', () => {
  it('falls back to the defaults when nothing or garbage is saved', () => {
    expect(loadPreferences(storageWith(null))).toEqual(DEFAULT_PREFERENCES);
    expect(loadPreferences(storageWith('{not json'))).toEqual(DEFAULT_PREFERENCES);
  });

  it('keeps valid fields and replaces invalid ones one by one', () => {
    const saved = JSON.stringify({
      smoothing: { kind: 'window', windowMs: 3000 },
      backend: 'quantum',
      cameraHeight: 720,
      maxFaces: 99,
      mirror: 'yes',
    });
    expect(loadPreferences(storageWith(saved))).toEqual({
      smoothing: { kind: 'window', windowMs: 3000 },
      backend: 'auto',
      cameraHeight: 720,
      maxFaces: DEFAULT_PREFERENCES.maxFaces,
      mirror: DEFAULT_PREFERENCES.mirror,
    });
    expect(loadPreferences(storageWith(JSON.stringify({ mirror: false }))).mirror).toBe(false);
  });

  it('rejects a smoothing with a missing or absurd parameter', () => {
    const saved = JSON.stringify({ smoothing: { kind: 'exponential', halfLifeMs: -5 } });
    expect(loadPreferences(storageWith(saved)).smoothing).toEqual(DEFAULT_PREFERENCES.smoothing);
  });
});
