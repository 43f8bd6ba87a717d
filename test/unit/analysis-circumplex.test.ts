import { describe, expect, it } from 'vitest';
import { EMOTION_LABELS, type EmotionLabel } from '../../src/shared/emotions.js';
import { CIRCUMPLEX_ANGLES, toAffect } from '../../src/analysis/index.js';

function pure(label: EmotionLabel): number[] {
  return EMOTION_LABELS.map((l) => (l === label ? 1 : 0));
}

describe('valence and arousal from the seven probabilities', () => {
  it('puts pure happiness on the pleasant side, slightly activated', () => {
    const a = toAffect(pure('happy'));
    expect(a.valence).toBeCloseTo(Math.cos((7.8 * Math.PI) / 180), 10);
    expect(a.valence).toBeGreaterThan(0.98);
    expect(a.arousal).toBeGreaterThan(0.1);
    expect(a.arousal).toBeLessThan(0.2);
  });

  it('puts pure sadness unpleasant and calm', () => {
    const a = toAffect(pure('sad'));
    expect(a.valence).toBeCloseTo(-0.887, 3);
    expect(a.arousal).toBeCloseTo(-0.462, 3);
  });

  it('puts a neutral face at the origin', () => {
    expect(toAffect(pure('neutral'))).toEqual({ valence: 0, arousal: 0 });
  });

  it('puts anger and fear unpleasant and activated, surprise activated', () => {
    for (const label of ['angry', 'fear', 'disgust'] as const) {
      const a = toAffect(pure(label));
      expect(a.valence).toBeLessThan(0);
      expect(a.arousal).toBeGreaterThan(0.6);
    }
    expect(toAffect(pure('surprise')).arousal).toBeGreaterThan(0.9);
  });

  it('maps a uniform face near the centre: the mean of the seven points', () => {
    const uniform = EMOTION_LABELS.map(() => 1 / 7);
    const a = toAffect(uniform);
    const angles = Object.values(CIRCUMPLEX_ANGLES).filter((d): d is number => d !== null);
    const expected = angles.reduce((s, d) => s + Math.cos((d * Math.PI) / 180), 0) / 7;
    expect(a.valence).toBeCloseTo(expected, 10);
    expect(a.valence).toBeCloseTo(-0.128, 3);
    expect(a.arousal).toBeCloseTo(0.452, 3);
    expect(Math.hypot(a.valence, a.arousal)).toBeLessThan(0.5);
  });

  it('is linear: a mixture maps to the mixture of points', () => {
    const mix = EMOTION_LABELS.map((l) => (l === 'happy' ? 0.5 : l === 'sad' ? 0.5 : 0));
    const h = toAffect(pure('happy'));
    const s = toAffect(pure('sad'));
    expect(toAffect(mix).valence).toBeCloseTo((h.valence + s.valence) / 2, 10);
    expect(toAffect(mix).arousal).toBeCloseTo((h.arousal + s.arousal) / 2, 10);
  });
});
