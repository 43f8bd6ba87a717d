import { describe, expect, it } from 'vitest';
import { QUALITY_LIMITS, blocksReading, faceIssues, frameIssues, pickFace } from '../../src/live/face-quality';
import type { FaceQuality, FaceResult } from '../../src/shared/protocol';

const good: FaceQuality = { sizePx: 120, brightness: 0.5, contrast: 0.2, sharpness: 0.01, rollDeg: 0 };

function face(size: number, quality: Partial<FaceQuality> = {}): FaceResult {
  const p = { x: 0, y: 0 };
  return {
    box: { x: 0, y: 0, width: size, height: size },
    keypoints: { rightEye: p, leftEye: p, nose: p, mouth: p, rightEar: p, leftEar: p },
    score: 0.9,
    probabilities: [0, 0, 0, 1, 0, 0, 0],
    top: 'happy',
    quality: { ...good, sizePx: size, ...quality },
  };
}

describe('face quality', () => {
  it('accepts a large, lit, sharp face', () => {
    expect(faceIssues(good)).toEqual([]);
  });

  it('flags small, dark and blurred faces', () => {
    expect(faceIssues({ ...good, sizePx: QUALITY_LIMITS.minFacePx - 1 })).toEqual(['too-small']);
    expect(faceIssues({ ...good, brightness: 0.05 })).toEqual(['too-dark']);
    expect(faceIssues({ ...good, sharpness: 0 })).toEqual(['blurred']);
  });

  it('analyses the largest face unless another was picked', () => {
    const faces = [face(80), face(200), face(120)];
    expect(pickFace(faces, null)).toBe(faces[1]);
    expect(pickFace(faces, 2)).toBe(faces[2]);
    expect(pickFace(faces, 7)).toBe(faces[1]);
    expect(pickFace([], null)).toBeNull();
  });

  it('reports no face, and several faces without blocking the reading', () => {
    expect(frameIssues([], null)).toEqual(['no-face']);
    const faces = [face(200), face(100, { brightness: 0.01 })];
    expect(frameIssues(faces, faces[0] ?? null)).toEqual(['several-faces']);
    expect(frameIssues(faces, faces[1] ?? null)).toEqual(['several-faces', 'too-dark']);
    expect(blocksReading('several-faces')).toBe(false);
    expect(blocksReading('too-dark')).toBe(true);
  });
});
