/**
 * Face recall of a detector on composed FER2013 scenes (8 scenes × 3 val faces per size, 640×480),
 * as the app's planner looks: each scene searched once over every region of a search cycle (the
 * whole frame and the 12 tiles), then once more over a follow-up region around each face found.
 */
import type { FaceDetector } from '../../src/worker/detector';
import type { Region } from '../../src/worker/blazeface-decode';
import { pixelRegionSource } from '../../src/worker/region-source';
import { followRegion, scanTiles, wholeFrame } from '../../src/worker/regions';
import type { Box } from '../../src/shared/protocol';
import { makeScenes, toRgba, type FerSplit } from '../../test/support/scenes';

export const SIZES = [24, 32, 40, 48, 64, 96, 144, 200];

const centreInside = (found: Box, truth: Box): boolean =>
  Math.abs(found.x + found.width / 2 - truth.x - truth.width / 2) < truth.width / 2 &&
  Math.abs(found.y + found.height / 2 - truth.y - truth.height / 2) < truth.height / 2 &&
  found.width > truth.width / 2 &&
  found.width < truth.width * 2;

export type Follow = (face: Box) => Region;
export const followAsShipped: Follow = (face) => followRegion({ score: 1, keypoints: [], ...face }, 640);

/** Faces found and faces placed, per size in SIZES. */
export async function recallBySize(
  split: FerSplit,
  model: FaceDetector,
  follow: Follow = followAsShipped,
): Promise<{ found: number[]; total: number[] }> {
  const found: number[] = [];
  const total: number[] = [];
  for (const size of SIZES) {
    const scenes = makeScenes(split, { count: 8, sizes: [size], facesPerScene: 3, seed: 31 + size });
    let hits = 0;
    let placed = 0;
    for (const scene of scenes) {
      const source = pixelRegionSource({ data: toRgba(scene), width: scene.width, height: scene.height });
      const seen = await model.detect(source, [wholeFrame(640, 480), ...scanTiles(640, 480)]);
      const faces = seen.length === 0 ? [] : await model.detect(source, seen.map(follow));
      placed += scene.faces.length;
      hits += scene.faces.filter((t) => faces.some((b) => centreInside(b, t.box))).length;
    }
    found.push(hits);
    total.push(placed);
  }
  return { found, total };
}
