import { describe, expect, it } from 'vitest';
import {
  BLAZEFACE_REGRESSORS,
  decodeBlazeFace,
  dropFaceParts,
  generateAnchors,
  iou,
  nonMaxSuppression,
  toFrame,
  type RawDetection,
} from '../../src/worker/blazeface-decode';
import { pixelRegionSource } from '../../src/worker/region-source';

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

  it('drops parts of a near face found by zoomed regions, and keeps faces of similar size side by side', () => {
    // Seen on a 192 px FER2013 face: a 154 px face, and "faces" on its brow and over one eye.
    const face = det(421, 203, 154, 0.72);
    const brow = det(429, 169, 46, 0.59);
    const eye = det(420, 214, 85, 0.62);
    expect(dropFaceParts([face, brow, eye])).toEqual([face]);
    expect(dropFaceParts([eye, brow, face])).toEqual([face]);
    const neighbours = [det(0, 0, 100), det(90, 0, 80), det(400, 0, 20)];
    expect(dropFaceParts(neighbours)).toEqual(neighbours);
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

  it('resamples a region at pixel centres, black outside the frame', () => {
    const data = new Uint8ClampedArray(4 * 4 * 4);
    for (let i = 0; i < 16; i++) data.set([i * 10, 0, 255 - i * 10, 255], i * 4);
    const source = pixelRegionSource({ data, width: 4, height: 4 });
    const same = source.read({ x: 0, y: 0, size: 4 }, 4);
    expect(Array.from(same.data)).toEqual(Array.from(data));
    const shifted = source.read({ x: -2, y: 0, size: 4 }, 4);
    expect(Array.from(shifted.data.slice(0, 12))).toEqual([0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 255, 255]);
    const half = source.read({ x: 0, y: 0, size: 4 }, 2);
    // Each output pixel sits between four input pixels: their mean.
    expect(half.data[0]).toBe(Math.round((0 + 10 + 40 + 50) / 4));
  });
});
