import { describe, expect, it } from 'vitest';
import type { RawDetection } from '../../src/worker/blazeface-decode';
import { cropGrey, measureQuality, type CropGeometry } from '../../src/worker/face-crop';
import { moved, type MotionReference } from '../../src/worker/pipeline';
import { RegionPlanner, scanTiles } from '../../src/worker/regions';
import { composeScene, hasFer2013, loadFer2013, toRgba } from '../support/scenes';

const face = (x: number, y: number, size: number): RawDetection => ({
  score: 0.9,
  x,
  y,
  width: size,
  height: size,
  keypoints: [],
});

describe('settled tracking', () => {
  const settle = (planner: RegionPlanner): void => {
    for (let i = 0; i <= planner.searchCycle(640, 480); i++) planner.plan(640, 480, 4);
  };

  it('after a search cycle with the same faces, detects on 1 frame in 8, searches on 1 in 32 and reuses the boxes between', () => {
    const planner = new RegionPlanner();
    planner.update([face(300, 200, 60)]);
    settle(planner);
    const passes = Array.from({ length: 64 }, () => {
      const regions = planner.plan(640, 480, 4);
      planner.update(regions.length > 0 ? [face(300, 200, 60)] : planner.tracked(4));
      return regions.length;
    });
    // 8 frames follow the face, 2 of them also search a region: 10 passes in 64 frames.
    expect(passes.reduce((a, b) => a + b, 0) / passes.length).toBe(0.15625);
    expect(passes.filter((n) => n === 0).length).toBe(56);
    expect(planner.tracked(4)).toEqual([face(300, 200, 60)]);
  });

  it('marks the settled periodic detections, and only those, as ones a later frame can take up', () => {
    const planner = new RegionPlanner();
    planner.update([face(300, 200, 60)]);
    const before = Array.from({ length: planner.searchCycle(640, 480) }, () => {
      planner.plan(640, 480, 4);
      return planner.refreshing;
    });
    expect(before.every((r) => !r)).toBe(true);
    const settled = Array.from({ length: 64 }, () => [planner.plan(640, 480, 4).length, planner.refreshing] as const);
    expect(settled.filter(([, r]) => r).map(([n]) => n)).toEqual([2, 1, 1, 1, 2, 1, 1, 1]);
    expect(settled.every(([n, r]) => r === n > 0)).toBe(true);
    // Detecting on every frame: every frame's own boxes, none taken up late.
    planner.setRefreshInterval(1);
    for (let i = 0; i < 40; i++) {
      planner.plan(640, 480, 4);
      expect(planner.refreshing).toBe(false);
    }
  });

  it('still visits every search region once settled', () => {
    const planner = new RegionPlanner();
    planner.update([face(300, 200, 60)]);
    settle(planner);
    const searched = new Set<string>();
    for (let i = 0; i < 13 * 32; i++)
      planner
        .plan(640, 480, 4)
        .slice(1)
        .forEach((r) => searched.add(JSON.stringify(r)));
    expect(searched.size).toBe(1 + scanTiles(640, 480).length);
  });

  it('unsettles when a face comes into sight before the scene settled', () => {
    const planner = new RegionPlanner();
    planner.update([face(300, 200, 60)]);
    planner.plan(640, 480, 4);
    planner.update([face(300, 200, 60), face(100, 100, 40)]);
    const counts = Array.from({ length: 4 }, () => planner.plan(640, 480, 4).length);
    expect([...counts].sort()).toEqual([2, 2, 3, 3]);
  });

  it('checks a face found by a settled search on the next frame, and stays settled if it was not there', () => {
    const planner = new RegionPlanner();
    const patient = face(300, 200, 60);
    planner.update([patient]);
    settle(planner);
    planner.update([patient, face(500, 50, 30)]);
    expect(planner.plan(640, 480, 4)).toHaveLength(2);
    planner.update([patient]);
    const passes = Array.from({ length: 32 }, () => planner.plan(640, 480, 4).length);
    expect(passes.reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('unsettles when a face found by a settled search is there again on the next frame', () => {
    const planner = new RegionPlanner();
    const [patient, visitor] = [face(300, 200, 60), face(500, 50, 30)];
    planner.update([patient]);
    settle(planner);
    planner.update([patient, visitor]);
    planner.plan(640, 480, 4);
    planner.update([patient, visitor]);
    const passes = Array.from({ length: 4 }, () => planner.plan(640, 480, 4).length);
    expect([...passes].sort()).toEqual([2, 2, 3, 3]);
  });

  it('stays settled when one of two faces leaves', () => {
    const planner = new RegionPlanner();
    planner.update([face(300, 200, 60), face(100, 100, 40)]);
    settle(planner);
    planner.update([face(300, 200, 60)]);
    const passes = Array.from({ length: 32 }, () => planner.plan(640, 480, 4).length);
    expect(passes.reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('goes back to the whole-frame search when the faces are lost', () => {
    const planner = new RegionPlanner();
    planner.update([face(300, 200, 60)]);
    settle(planner);
    planner.update([]);
    expect(planner.plan(640, 480, 4)).toHaveLength(2);
    expect(planner.tracked(4)).toEqual([]);
  });
});

/** What the pipeline keeps of a face at its last detection. */
function reference(grey: Float32Array, g: Omit<CropGeometry, 'roll'>): MotionReference {
  return { grey, contrast: measureQuality(grey, { ...g, roll: 0 }).contrast };
}

describe.skipIf(!hasFer2013()).each([
  ['in good light', 1],
  ['in a dim room (30 % contrast)', 0.3],
])('motion in a reused box, %s', (_, contrast) => {
  const split = hasFer2013() ? loadFer2013('val') : null;
  const cases = Array.from({ length: 30 }, (_, n) => {
    if (split === null) throw new Error('no data');
    const size = [64, 96, 128][n % 3] ?? 64;
    const scene = composeScene(split, [{ index: split.faces[n * 11] ?? 0, x: 220, y: 140, size }], 640, 480, n + 1);
    const data = toRgba(scene).map((v, i) => (i % 4 === 3 ? v : 128 + (v - 128) * contrast));
    return { size, pixels: { data, width: 640, height: 480 } };
  });

  it('is noticed when the face shifts by 8 % of its crop', () => {
    const noticed = cases.filter(({ size, pixels }) => {
      const g = { cx: 220 + size / 2, cy: 140 + size / 2, size, angle: 0 };
      return moved(reference(cropGrey(pixels, g), g), cropGrey(pixels, { ...g, cx: g.cx + 0.08 * size }));
    });
    expect(noticed.length).toBeGreaterThanOrEqual(27);
  });

  it('is not noticed for camera noise of a few grey levels on a still face', () => {
    let seed = 7;
    const noise = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return (seed / 2 ** 31 - 0.5) * 12;
    };
    const noticed = cases.filter(({ size, pixels }) => {
      const g = { cx: 220 + size / 2, cy: 140 + size / 2, size, angle: 0 };
      const noisy = { ...pixels, data: pixels.data.map((v) => v + noise()) };
      return moved(reference(cropGrey(pixels, g), g), cropGrey(noisy, g));
    });
    expect(noticed).toEqual([]);
  }, 30_000); // pure CPU work, about 1 s alone, over 7 s on a machine busy with other jobs
});
