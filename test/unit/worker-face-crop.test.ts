import { describe, expect, it } from 'vitest';
import {
  cropGeometry,
  cropGrey,
  eyeRoll,
  luma,
  measureQuality,
  normalise,
  type Pixels,
} from '../../src/worker/face-crop';

function image(width: number, height: number, grey: (x: number, y: number) => number): Pixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set([grey(x, y), grey(x, y), grey(x, y), 255], (y * width + x) * 4);
  }
  return { data, width, height };
}

describe('crop geometry', () => {
  it('takes a square with the FER margin around the box, shifted along the face axis', () => {
    const g = cropGeometry(
      { score: 1, x: 100, y: 50, width: 40, height: 50, keypoints: [110, 70, 130, 70] },
      { margin: 1.2, shiftY: -0.1 },
    );
    expect(g.size).toBeCloseTo(60, 6);
    expect(g.angle).toBe(0);
    expect(g.cx).toBeCloseTo(120, 6);
    expect(g.cy).toBeCloseTo(75 - 6, 6);
  });

  it('levels the crop by the eye line only for rolls of 10° or more', () => {
    const slight = cropGeometry({ score: 1, x: 0, y: 0, width: 100, height: 100, keypoints: [0, 0, 100, 10] });
    expect(slight.angle).toBe(0);
    expect(slight.roll).toBeCloseTo(Math.atan(0.1), 9);
    const tilted = cropGeometry({ score: 1, x: 0, y: 0, width: 100, height: 100, keypoints: [0, 0, 100, 30] });
    expect(tilted.angle).toBeCloseTo(Math.atan(0.3), 9);
  });

  it('reads head roll from the eye line, clockwise positive', () => {
    expect(eyeRoll([0, 0, 10, 10])).toBeCloseTo(Math.PI / 4, 9);
    expect(eyeRoll([0, 10, 10, 0])).toBeCloseTo(-Math.PI / 4, 9);
    const rolled = cropGeometry(
      { score: 1, x: 0, y: 0, width: 100, height: 100, keypoints: [0, 0, 0, 10] },
      { margin: 1, shiftY: 0.1 },
    );
    // Rolled by 90°, "down the face" points to -x in the image.
    expect(rolled.cx).toBeCloseTo(50 - 10, 6);
    expect(rolled.cy).toBeCloseTo(50, 6);
  });
});

describe('grey crop', () => {
  it('uses BT.601 luma', () => {
    expect(luma(255, 0, 0)).toBeCloseTo(76.245, 3);
    expect(luma(10, 10, 10)).toBeCloseTo(10, 9);
  });

  it('resamples an axis-aligned square exactly at pixel centres', () => {
    const src = image(96, 96, (x, y) => (x + y) % 256);
    const out = cropGrey(src, { cx: 48, cy: 48, size: 48, angle: 0 }, 48);
    expect(out[0]).toBeCloseTo(24 + 24, 4);
    expect(out[47 * 48 + 47]).toBeCloseTo(71 + 71, 4);
  });

  it('turns a rolled face upright', () => {
    // A horizontal bar above the centre, then the same picture rotated by 90° clockwise.
    const bar = (x: number, y: number): number => (y >= 30 && y < 36 && x >= 20 && x < 76 ? 255 : 0);
    const upright = image(96, 96, bar);
    const rotated = image(96, 96, (x, y) => bar(y, 95 - x));
    const a = cropGrey(upright, { cx: 48, cy: 48, size: 64, angle: 0 }, 48);
    const b = cropGrey(rotated, { cx: 48, cy: 48, size: 64, angle: Math.PI / 2 }, 48);
    let diff = 0;
    a.forEach((v, i) => (diff += Math.abs(v - (b[i] ?? 0))));
    expect(diff / a.length).toBeLessThan(2);
    expect(Math.max(...a)).toBeGreaterThan(200);
  });

  it('normalises with the metadata scale and offset', () => {
    expect(Array.from(normalise(Float32Array.from([0, 127.5, 255]), 1 / 127.5, -1))).toEqual([-1, 0, 1]);
  });

  it('measures brightness, contrast and sharpness', () => {
    const g = { size: 48, roll: 0.1 };
    const flat = measureQuality(new Float32Array(48 * 48).fill(51), g);
    expect(flat).toMatchObject({ brightness: 0.2, contrast: 0, sharpness: 0, sizePx: 48 });
    expect(flat.rollDeg).toBeCloseTo(5.7296, 3);
    const checker = Float32Array.from({ length: 48 * 48 }, (_, i) => (((i % 48) + Math.floor(i / 48)) % 2 ? 255 : 0));
    const smooth = Float32Array.from({ length: 48 * 48 }, (_, i) => ((i % 48) / 47) * 255);
    const q = measureQuality(checker, g);
    expect(q.contrast).toBeCloseTo(0.5, 2);
    expect(q.sharpness).toBeGreaterThan(measureQuality(smooth, g).sharpness * 100);
  });
});
