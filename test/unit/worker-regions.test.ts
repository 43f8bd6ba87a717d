import { describe, expect, it } from 'vitest';
import type { RawDetection, Region } from '../../src/worker/blazeface-decode';
import { RegionPlanner, scanTiles, wholeFrame } from '../../src/worker/regions';
import { rankProbes } from '../../src/worker/ranking';

const face = (x: number, y: number, size: number): RawDetection => ({
  score: 0.9,
  x,
  y,
  width: size,
  height: size,
  keypoints: [],
});

function covers(regions: Region[], x: number, y: number): boolean {
  return regions.some((r) => x >= r.x && x < r.x + r.size && y >= r.y && y < r.y + r.size);
}

describe('search regions', () => {
  it('letterboxes the whole frame into a centred square', () => {
    expect(wholeFrame(640, 480)).toEqual({ x: 0, y: -80, size: 640 });
  });

  it('tiles a 640×480 frame with overlapping squares of a third of its width', () => {
    const tiles = scanTiles(640, 480);
    expect(tiles.length).toBe(12);
    for (const t of tiles) expect(t.size).toBe(213);
    for (let y = 0; y < 480; y += 7) for (let x = 0; x < 640; x += 7) expect(covers(tiles, x, y)).toBe(true);
    // Every 40 px face fits whole inside some tile.
    for (let y = 0; y <= 440; y += 20) {
      for (let x = 0; x <= 600; x += 20) {
        expect(tiles.some((t) => x >= t.x && y >= t.y && x + 40 <= t.x + t.size && y + 40 <= t.y + t.size)).toBe(true);
      }
    }
  });

  it('does not tile small frames', () => {
    expect(scanTiles(320, 240)).toEqual([]);
  });
});

describe('RegionPlanner', () => {
  it('searches the whole frame and the next tile on every frame while no face is found', () => {
    const planner = new RegionPlanner();
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const [whole, tile, ...rest] = planner.plan(640, 480, 4);
      expect(whole).toEqual(wholeFrame(640, 480));
      expect(rest).toEqual([]);
      seen.add(JSON.stringify(tile));
    }
    expect(seen.size).toBe(12);
  });

  it('follows each found face and searches on every other frame', () => {
    const planner = new RegionPlanner();
    planner.update([face(100, 100, 30), face(400, 300, 40)]);
    const counts = Array.from({ length: 6 }, () => planner.plan(640, 480, 4).length);
    expect(counts).toEqual([2, 3, 2, 3, 2, 3]);
    const [first] = planner.plan(640, 480, 4);
    // 1.6× the face at 96 px (a seventh of the work), falling back to 4× the face at 256 px.
    expect(first).toEqual({
      x: 115 - 24,
      y: 115 - 24,
      size: 48,
      input: 96,
      face: 30,
      fallback: { x: 115 - 60, y: 115 - 60, size: 120 },
    });
    planner.update([face(100, 100, 30), face(400, 300, 40)]);
    expect(planner.plan(640, 480, 1).length).toBeLessThanOrEqual(2);
  });

  it('visits every search region within one search cycle while following faces', () => {
    const planner = new RegionPlanner();
    planner.update([face(10, 10, 30)]);
    const searched = new Set<string>();
    for (let i = 0; i < planner.searchCycle(640, 480); i++) {
      planner
        .plan(640, 480, 4)
        .slice(1)
        .forEach((r) => searched.add(JSON.stringify(r)));
    }
    expect(searched.size).toBe(13);
  });
});

describe('backend ranking', () => {
  it('orders working backends by time, software adapters last', () => {
    const ranked = rankProbes([
      { backend: 'webgpu', ok: true, msPerFrame: 5, software: true },
      { backend: 'webgl', ok: true, msPerFrame: 33, software: false },
      { backend: 'wasm', ok: true, msPerFrame: 12, software: false },
      { backend: 'cpu', ok: false, error: { code: 'backend-unavailable', backend: 'cpu', message: 'x' } },
    ]);
    expect(ranked).toEqual(['wasm', 'webgl', 'webgpu']);
  });
});
