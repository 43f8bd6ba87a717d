/**
 * Which squares of the frame the detector looks at, if any. BlazeFace needs a face of about 35 px
 * in its 256 px input, so the whole of a 640 px frame only yields faces over ~90 px: closer than
 * about 1.5 m. Farther faces are found by zoomed tiles, visited in turn. Once found, a face is
 * followed by one zoomed region around it. For one search cycle after a face comes into sight,
 * faces are followed on every frame and the search for more goes on every other frame; after
 * that the scene is settled, and the boxes are refreshed on one frame in `refreshInterval`
 * (together with a search region on one in `settledSearchInterval`), the frames between reusing
 * them. A settled patient costs about 0.16 detector passes per frame; the pipeline refreshes
 * early when the face moves in its box.
 */
import type { RawDetection, Region } from './blazeface-decode.js';

export interface PlannerOptions {
  /** Tile side as a fraction of the frame's longer side. */
  tileFraction: number;
  /** Overlap between neighbouring tiles, as a fraction of the tile side. */
  tileOverlap: number;
  /** While faces are followed and the scene is not settled, search on one frame in this many. */
  searchInterval: number;
  /** Once settled, detect the followed faces again on one frame in this many. */
  refreshInterval: number;
  /** Once settled, search for new faces on one frame in this many (a multiple of `refreshInterval`). */
  settledSearchInterval: number;
  /** Side of the wide follow-up region, as a multiple of the face box side (read at `inputSize`). */
  followFactor: number;
  /**
   * Side of the close follow-up region read first at `followInput` px, as a multiple of the face
   * box side; the wide region is read only when this one finds no face.
   */
  closeFactor: number;
  /** Input side of the close follow-up region (96: a seventh of the pixels of 256). */
  followInput: number;
  /** No tiles for frames whose longer side is at most this (they are nearly full resolution). */
  minTiledSide: number;
  inputSize: number;
}

export const DEFAULT_PLANNER: PlannerOptions = {
  tileFraction: 1 / 3,
  tileOverlap: 0.25,
  searchInterval: 2,
  refreshInterval: 8,
  settledSearchInterval: 32,
  followFactor: 4,
  closeFactor: 1.6,
  followInput: 96,
  minTiledSide: 384,
  inputSize: 256,
};

/** The whole frame, letterboxed: a square centred on it. */
export function wholeFrame(width: number, height: number): Region {
  const size = Math.max(width, height);
  return { x: (width - size) / 2, y: (height - size) / 2, size };
}

function starts(length: number, side: number, stride: number): number[] {
  if (side >= length) return [(length - side) / 2];
  const n = Math.ceil((length - side) / stride) + 1;
  return Array.from({ length: n }, (_, i) => Math.round((i * (length - side)) / (n - 1)));
}

/** Overlapping square tiles covering the frame, row by row. */
export function scanTiles(width: number, height: number, options = DEFAULT_PLANNER): Region[] {
  if (Math.max(width, height) <= options.minTiledSide) return [];
  const size = Math.round(Math.max(width, height) * options.tileFraction);
  const stride = size * (1 - options.tileOverlap);
  return starts(height, size, stride).flatMap((y) => starts(width, size, stride).map((x) => ({ x, y, size })));
}

function around(face: RawDetection, factor: number, frameSide: number): Region {
  const size = Math.min(frameSide, Math.max(face.width, face.height) * factor);
  return { x: face.x + face.width / 2 - size / 2, y: face.y + face.height / 2 - size / 2, size };
}

/**
 * A zoomed square centred on a face seen in the previous frame, no larger than the whole frame:
 * 1.6× the face read at 96 px (a sixth of the time of a 256 px pass), falling back to 4× the face
 * at 256 px when it finds no face (docs/inference.md, "A cheaper detector path").
 */
export function followRegion(face: RawDetection, frameSide: number, options = DEFAULT_PLANNER): Region {
  const wide = around(face, options.followFactor, frameSide);
  if (options.followInput >= options.inputSize) return wide;
  const close = around(face, options.closeFactor, frameSide);
  return { ...close, input: options.followInput, fallback: wide, face: Math.max(face.width, face.height) };
}

/**
 * Per-stream schedule. With no face in sight: the whole frame plus the next tile, every frame.
 * With faces, until settled: a region around each, plus the next search region (the whole frame,
 * then each tile) on every `searchInterval`-th frame. Settled: the same on fewer frames, and no
 * region at all on the others, which reuse the last boxes (`tracked`).
 */
export class RegionPlanner {
  private frame = 0;
  private search = 0;
  private settledFrames = 0;
  /** While a face found by a settled search awaits confirmation: the number of faces before it. */
  private confirming: number | null = null;
  /** Frames of one search cycle of the last planned frame's size. */
  private settleAfter = Infinity;
  private previous: RawDetection[] = [];

  constructor(private options = DEFAULT_PLANNER) {}

  /** Detects the followed faces of a settled scene on one frame in `n` (1: every frame, no reuse). */
  setRefreshInterval(n: number): void {
    const refreshInterval = Math.max(1, Math.round(n));
    const settledSearchInterval =
      refreshInterval * Math.max(1, Math.round(DEFAULT_PLANNER.settledSearchInterval / refreshInterval));
    this.options = { ...this.options, refreshInterval, settledSearchInterval };
  }

  /**
   * The last planned frame is a settled scene's periodic detection (its boxes refreshed, maybe a
   * search region), which later frames can take up a frame or two late (the detector worker's
   * job); false when boxes are never reused.
   */
  refreshing = false;

  plan(width: number, height: number, maxFollow: number): Region[] {
    this.refreshing = false;
    const whole = wholeFrame(width, height);
    const cycle = [whole, ...scanTiles(width, height, this.options)];
    const next = (): Region => cycle[this.search++ % cycle.length] ?? whole;
    const followed = this.followRegions(width, height, maxFollow);
    this.frame++;
    if (followed.length === 0) {
      const tile = cycle.length > 1 ? cycle[1 + (this.frame % (cycle.length - 1))] : undefined;
      return tile === undefined ? [whole] : [whole, tile];
    }
    if (this.confirming !== null) return followed;
    this.settleAfter = this.searchCycle(width, height);
    const steady = this.settledFrames++ - this.settleAfter;
    if (steady < 0) return this.frame % this.options.searchInterval === 0 ? [...followed, next()] : followed;
    if (steady % this.options.refreshInterval !== 0) return [];
    this.refreshing = this.options.refreshInterval > 1;
    return steady % this.options.settledSearchInterval === 0 ? [...followed, next()] : followed;
  }

  /** Regions around the faces of the last detection. */
  followRegions(width: number, height: number, maxFollow: number): Region[] {
    const side = wholeFrame(width, height).size;
    return this.previous.slice(0, maxFollow).map((f) => followRegion(f, side, this.options));
  }

  /** The faces of the last detection, for frames that plan no region. */
  tracked(maxFaces: number): RawDetection[] {
    return this.previous.slice(0, Math.max(0, maxFaces));
  }

  /**
   * Records what was found, for the next frames. A new face unsettles the scene, once the next
   * frame has found it again if the scene was settled (a false detection is not followed for
   * long); a face that is gone does not (with none left, the planner searches every frame anyway).
   */
  update(detections: RawDetection[]): void {
    if (this.confirming !== null) {
      if (detections.length > this.confirming) this.settledFrames = 0;
      this.confirming = null;
    } else if (detections.length > this.previous.length) {
      const settled = this.previous.length > 0 && this.settledFrames > this.settleAfter;
      if (settled) this.confirming = this.previous.length;
      else this.settledFrames = 0;
    }
    this.previous = detections;
  }

  /** Frames after which every search region has been visited at least once, faces or not. */
  searchCycle(width: number, height: number): number {
    return (1 + scanTiles(width, height, this.options).length) * this.options.searchInterval;
  }

  reset(): void {
    this.frame = 0;
    this.search = 0;
    this.settledFrames = 0;
    this.confirming = null;
    this.previous = [];
  }
}
