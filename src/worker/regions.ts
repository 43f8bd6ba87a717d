/**
 * Which squares of the frame the detector looks at. BlazeFace needs a face of about 35 px in its
 * 256 px input, so a whole 640 px frame only yields faces over ~90 px: closer than about 1.5 m.
 * Farther faces are found by zoomed tiles, one per frame in turn, then followed by a zoomed region
 * around them on the next frames.
 */
import type { RawDetection, Region } from './blazeface-decode';

export interface PlannerOptions {
  /** Tile side as a fraction of the frame's longer side. */
  tileFraction: number;
  /** Overlap between neighbouring tiles, as a fraction of the tile side. */
  tileOverlap: number;
  /** Faces smaller than this, in detector pixels of the whole-frame view, get a zoomed region. */
  smallFace: number;
  /** Side of a follow-up region, as a multiple of the face box side. */
  followFactor: number;
  /** No tiles for frames whose longer side is at most this (they are nearly full resolution). */
  minTiledSide: number;
  inputSize: number;
}

export const DEFAULT_PLANNER: PlannerOptions = {
  tileFraction: 1 / 3,
  tileOverlap: 0.25,
  smallFace: 48,
  followFactor: 4,
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

/** A zoomed square centred on a face seen in the previous frame. */
export function followRegion(face: RawDetection, options = DEFAULT_PLANNER): Region {
  const size = Math.max(face.width, face.height) * options.followFactor;
  return { x: face.x + face.width / 2 - size / 2, y: face.y + face.height / 2 - size / 2, size };
}

/** Per-stream schedule: the whole frame, one scan tile in turn, and follow-ups of small faces. */
export class RegionPlanner {
  private tick = 0;
  private previous: RawDetection[] = [];

  constructor(private readonly options = DEFAULT_PLANNER) {}

  plan(width: number, height: number, maxFollow: number): Region[] {
    const whole = wholeFrame(width, height);
    const regions = [whole];
    const tiles = scanTiles(width, height, this.options);
    const tile = tiles[this.tick++ % Math.max(1, tiles.length)];
    if (tile !== undefined) regions.push(tile);
    const scale = this.options.inputSize / whole.size;
    const small = this.previous.filter((f) => Math.max(f.width, f.height) * scale < this.options.smallFace);
    return regions.concat(small.slice(0, maxFollow).map((f) => followRegion(f, this.options)));
  }

  /** Records what was found, for the next frame's follow-ups. */
  update(detections: RawDetection[]): void {
    this.previous = detections;
  }

  /** Frames needed for the scan tiles to cover the whole frame once. */
  cycleLength(width: number, height: number): number {
    return Math.max(1, scanTiles(width, height, this.options).length);
  }

  reset(): void {
    this.tick = 0;
    this.previous = [];
  }
}
