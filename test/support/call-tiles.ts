/**
 * A video-call gallery drawn in Node: each participant's tile has its own room (two background
 * colours and a shelf), with a FER2013 face in the middle. The e2e call page (call-page.ts) draws
 * the same design on a canvas.
 */
import { resizeBicubic, ferFace, type FerSplit } from './scenes';

export interface Participant {
  /** FER2013 index of the face. */
  index: number;
  /** Background top and bottom colours, and the shelf colour, as [r, g, b]. */
  room: [number, number, number][];
}

export interface TileRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Rooms that look like home offices: walls, a shelf, in distinct colours. */
export const ROOMS: Participant['room'][] = [
  [
    [190, 170, 140],
    [120, 90, 70],
    [60, 40, 30],
  ],
  [
    [120, 150, 190],
    [200, 200, 210],
    [40, 60, 110],
  ],
  [
    [90, 130, 90],
    [50, 70, 50],
    [200, 190, 120],
  ],
  [
    [210, 210, 205],
    [160, 160, 150],
    [150, 60, 60],
  ],
];

/** Tiles of a 2×2 gallery, left to right, top to bottom, with a small gap. */
export function galleryTiles(width: number, height: number, gap = 8): TileRect[] {
  const w = (width - 3 * gap) / 2;
  const h = (height - 3 * gap) / 2;
  return [0, 1, 2, 3].map((k) => ({
    x: gap + (k % 2) * (w + gap),
    y: gap + Math.floor(k / 2) * (h + gap),
    width: w,
    height: h,
  }));
}

/** How a face sits in its tile on one frame: a shift in pixels and a scale, as people move on a call. */
export interface Pose {
  dx: number;
  dy: number;
  scale: number;
}

const STILL: Pose = { dx: 0, dy: 0, scale: 1 };

/** The pose of person `k` at `t` seconds: the drift the e2e call page plays too. */
export function drift(k: number, t: number): Pose {
  return { dx: 6 * Math.sin(t * 1.3 + k), dy: 4 * Math.cos(t * 0.9 + k), scale: 1 + 0.03 * Math.sin(t * 1.7 + k) };
}

/** The face's square in a tile: `faceShare` of the tile height, centred, a little above the middle. */
export function faceSquare(tile: TileRect, faceShare = 0.4, pose: Pose = STILL): TileRect {
  const size = Math.round(tile.height * faceShare * pose.scale);
  const x = Math.round(tile.x + tile.width / 2 + pose.dx - size / 2);
  const y = Math.round(tile.y + tile.height * 0.45 + pose.dy - size / 2);
  return { x, y, width: size, height: size };
}

function fill(data: Uint8ClampedArray, width: number, r: TileRect, colour: (y: number) => number[]): void {
  for (let y = Math.max(0, Math.round(r.y)); y < Math.round(r.y + r.height); y++) {
    const c = colour(y);
    for (let x = Math.max(0, Math.round(r.x)); x < Math.min(width, Math.round(r.x + r.width)); x++)
      data.set(c, (y * width + x) * 4);
  }
}

/** RGBA pixels of a gallery with `people[k]` in `tiles[k]`. */
export function drawGallery(
  split: FerSplit,
  people: Participant[],
  tiles: TileRect[],
  width: number,
  height: number,
  { faceShare = 0.4, poses = [] as Pose[] } = {},
): Uint8ClampedArray {
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  fill(data, width, { x: 0, y: 0, width, height }, () => [30, 30, 34, 255]);
  people.forEach((person, k) => {
    const tile = tiles[k];
    if (tile === undefined) return;
    const [top = [0, 0, 0], bottom = [0, 0, 0], shelf = [0, 0, 0]] = person.room;
    const mix = (y: number): number[] => {
      const t = (y - tile.y) / tile.height;
      return [...top.map((c, i) => c * (1 - t) + (bottom[i] ?? 0) * t), 255];
    };
    fill(data, width, tile, mix);
    fill(
      data,
      width,
      { x: tile.x, y: tile.y + tile.height * 0.2, width: tile.width * 0.3, height: tile.height * 0.05 },
      () => [...shelf, 255],
    );
    const square = faceSquare(tile, faceShare, poses[k]);
    const face = resizeBicubic(ferFace(split, person.index), 48, square.width);
    for (let v = 0; v < square.height; v++)
      for (let u = 0; u < square.width; u++) {
        const g = face[v * square.width + u] ?? 0;
        data.set([g, g, g, 255], ((square.y + v) * width + square.x + u) * 4);
      }
  });
  return data;
}
