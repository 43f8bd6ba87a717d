import { describe, expect, it } from 'vitest';
import {
  BLAZEFACE_REGRESSORS,
  decodeBlazeFace,
  generateAnchors,
  iou,
  nonMaxSuppression,
  toFrame,
  type RawDetection,
} from '../../src/worker/blazeface-decode';
import { cropBox } from '../../src/worker/detector';

const det = (x: number, y: number, size: number, score = 0.9): RawDetection => ({
  score,
  x,
  y,
  width: size,
  height: size,
  keypoints: [],
});

describe('BlazeFace anchors', () => {
  it('lays out 512 stride-16 anchors (2 per cell) then 384 stride-32 anchors (6 per cell)', () => {
    const anchors = generateAnchors(256);
    expect(anchors.length).toBe(896 * 2);
    expect([anchors[0], anchors[1], anchors[2], anchors[3]]).toEqual([8, 8, 8, 8]);
    expect([anchors[4], anchors[5]]).toEqual([24, 8]);
    expect([anchors[2 * 511], anchors[2 * 511 + 1]]).toEqual([248, 248]);
    expect([anchors[2 * 512], anchors[2 * 512 + 1]]).toEqual([16, 16]);
    expect([anchors[2 * 895], anchors[2 * 895 + 1]]).toEqual([240, 240]);
  });
});

describe('decodeBlazeFace', () => {
  const anchors = generateAnchors(256);
  const logits = new Float32Array(896).fill(-10);
  const regressors = new Float32Array(896 * BLAZEFACE_REGRESSORS);

  it('turns the anchor offsets into a box and keypoints, and drops weak anchors', () => {
    const i = 512 + 6 * 9; // stride-32 grid, cell 9 = (1, 1): anchor centre (48, 48)
    logits[i] = 3;
    regressors.set([4, -2, 40, 50, -10, -8, 10, -8, 0, 0, 0, 12, -18, -4, 18, -4], i * BLAZEFACE_REGRESSORS);
    const [face, ...rest] = decodeBlazeFace(logits, regressors, anchors);
    expect(rest).toEqual([]);
    expect(face?.score).toBeCloseTo(1 / (1 + Math.exp(-3)), 6);
    expect(face).toMatchObject({ x: 52 - 20, y: 46 - 25, width: 40, height: 50 });
    expect(face?.keypoints.slice(0, 4)).toEqual([38, 40, 58, 40]);
  });

  it('keeps the strongest of overlapping boxes and separate faces apart', () => {
    const kept = nonMaxSuppression([det(0, 0, 100, 0.9), det(5, 5, 100, 0.8), det(300, 0, 50, 0.7)], 0.3, 8);
    expect(kept.map((d) => d.score)).toEqual([0.9, 0.7]);
    expect(iou(det(0, 0, 10), det(5, 0, 10))).toBeCloseTo(50 / 150, 6);
    expect(nonMaxSuppression([det(0, 0, 10), det(100, 0, 10), det(200, 0, 10)], 0.3, 2)).toHaveLength(2);
  });
});

describe('regions', () => {
  it('maps detector pixels of a region back to frame pixels', () => {
    const d = { score: 1, x: 64, y: 128, width: 32, height: 16, keypoints: [0, 256] };
    expect(toFrame(d, { x: 100, y: -80, size: 512 })).toEqual({
      score: 1,
      x: 228,
      y: 176,
      width: 64,
      height: 32,
      keypoints: [100, 432],
    });
  });

  it('asks cropAndResize for pixel-centre sampling of the region', () => {
    // A 256 px region at (0, 0) of a 257×257 frame samples pixel centres 0.5 - 0.5 = 0 .. 255.
    const [y1, x1, y2, x2] = cropBox({ x: 0, y: 0, size: 256 }, 257, 257, 256);
    expect([y1, x1]).toEqual([0, 0]);
    expect([y2, x2].map((v) => (v ?? 0) * 256)).toEqual([255, 255]);
    // Twice the region: the first sample sits between the first two frame pixels.
    const [, left] = cropBox({ x: 0, y: 0, size: 512 }, 513, 513, 256);
    expect((left ?? 0) * 512).toBeCloseTo(0.5, 6);
  });
});
