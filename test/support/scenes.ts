/**
 * Synthetic camera frames made of FER2013 faces: 48×48 crops upscaled (bicubic) and placed on a
 * mid-grey textured background, with their ground-truth boxes and labels. The faces come from
 * `../shared/data/fer2013` (override with FER2013_DIR) and never leave the test run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FER_SIDE = 48;
const FER_PIXELS = FER_SIDE * FER_SIDE;

export const FER2013_DIR =
  process.env.FER2013_DIR ?? fileURLToPath(new URL('../../../shared/data/fer2013', import.meta.url));

export function hasFer2013(dir = FER2013_DIR): boolean {
  return existsSync(join(dir, 'val.u8'));
}

export interface FerSplit {
  pixels: Uint8Array;
  labels: Uint8Array;
  /** Sample indices that are real faces: exact pixels and fewer than 5 FER+ "not a face" votes. */
  faces: number[];
}

export function loadFer2013(split: 'train' | 'val' = 'val', dir = FER2013_DIR): FerSplit {
  const pixels = new Uint8Array(readFileSync(join(dir, `${split}.u8`)));
  const labels = new Uint8Array(readFileSync(join(dir, `${split}.labels.u8`)));
  const votes = new Uint8Array(readFileSync(join(dir, `${split}.ferplus.u8`)));
  const exact = readFileSync(join(dir, `${split}.meta.csv`), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[3] === 'exact');
  const faces = [...labels.keys()].filter((i) => exact[i] === true && (votes[i * 10 + 9] ?? 0) < 5);
  return { pixels, labels, faces };
}

export function ferFace(split: FerSplit, index: number): Uint8Array {
  return split.pixels.subarray(index * FER_PIXELS, (index + 1) * FER_PIXELS);
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedFace {
  /** Index into the FER2013 split. */
  index: number;
  /** FER2013 label, 0..6 in EMOTION_LABELS order. */
  label: number;
  /** Where the 48×48 crop landed, in frame pixels. */
  box: Box;
}

export interface Scene {
  width: number;
  height: number;
  /** Grey levels, row-major. */
  grey: Uint8Array;
  faces: PlacedFace[];
}

export interface Placement {
  index: number;
  x: number;
  y: number;
  size: number;
}

import { random } from './random';

export { random };

/** Keys' cubic convolution kernel (a = -0.5), as in bicubic image resizing. */
function cubic(x: number): number {
  const t = Math.abs(x);
  if (t <= 1) return 1.5 * t ** 3 - 2.5 * t ** 2 + 1;
  if (t < 2) return -0.5 * t ** 3 + 2.5 * t ** 2 - 4 * t + 2;
  return 0;
}

/** Bicubic resize of a square grey image (side `from`) to side `to`. */
export function resizeBicubic(src: Uint8Array, from: number, to: number): Float32Array {
  const out = new Float32Array(to * to);
  const at = (x: number, y: number): number =>
    src[Math.min(from - 1, Math.max(0, y)) * from + Math.min(from - 1, Math.max(0, x))] ?? 0;
  for (let v = 0; v < to; v++) {
    const sy = ((v + 0.5) * from) / to - 0.5;
    const y0 = Math.floor(sy);
    for (let u = 0; u < to; u++) {
      const sx = ((u + 0.5) * from) / to - 0.5;
      const x0 = Math.floor(sx);
      let sum = 0;
      for (let j = -1; j <= 2; j++) {
        const wy = cubic(sy - (y0 + j));
        for (let i = -1; i <= 2; i++) sum += wy * cubic(sx - (x0 + i)) * at(x0 + i, y0 + j);
      }
      out[v * to + u] = sum;
    }
  }
  return out;
}

/** Mid-grey background with soft blobs and fine noise, so the detector sees texture, not a void. */
function background(width: number, height: number, rand: () => number): Uint8Array {
  const grey = new Uint8Array(width * height);
  const [fx, fy, px, py] = [2 + rand() * 4, 2 + rand() * 4, rand() * 6.3, rand() * 6.3];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const wave = Math.sin((x / width) * fx * Math.PI + px) * Math.cos((y / height) * fy * Math.PI + py);
      grey[y * width + x] = 118 + 22 * wave + (rand() - 0.5) * 16;
    }
  }
  return grey;
}

export function composeScene(split: FerSplit, placements: Placement[], width = 640, height = 480, seed = 1): Scene {
  const grey = background(width, height, random(seed));
  const faces = placements.map(({ index, x, y, size }) => {
    const face = resizeBicubic(ferFace(split, index), FER_SIDE, size);
    for (let v = 0; v < size; v++) {
      for (let u = 0; u < size; u++) {
        const fx = x + u;
        const fy = y + v;
        if (fx >= 0 && fy >= 0 && fx < width && fy < height) grey[fy * width + fx] = face[v * size + u] ?? 0;
      }
    }
    return { index, label: split.labels[index] ?? 0, box: { x, y, width: size, height: size } };
  });
  return { width, height, grey, faces };
}

export interface SceneOptions {
  count: number;
  /** Face crop sides in pixels, cycled through scene by scene and face by face. */
  sizes: number[];
  facesPerScene: number;
  width?: number;
  height?: number;
  seed?: number;
  /** Candidate FER indices; default: every real face of the split. */
  pool?: number[];
}

function overlaps(a: Placement, b: Placement, gap: number): boolean {
  return a.x < b.x + b.size + gap && b.x < a.x + a.size + gap && a.y < b.y + b.size + gap && b.y < a.y + a.size + gap;
}

/**
 * Scenes with `facesPerScene` non-overlapping faces at random positions; each FER face is used at
 * most once across all scenes (until the pool runs out).
 */
export function makeScenes(split: FerSplit, options: SceneOptions): Scene[] {
  const { count, sizes, facesPerScene, width = 640, height = 480, seed = 1 } = options;
  const rand = random(seed);
  const pool = [...(options.pool ?? split.faces)];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pool[i], pool[j]] = [pool[j] ?? 0, pool[i] ?? 0];
  }
  let next = 0;
  const scenes: Scene[] = [];
  for (let s = 0; s < count; s++) {
    const placements: Placement[] = [];
    for (let f = 0; f < facesPerScene; f++) {
      const size = Math.min(sizes[(s * facesPerScene + f) % sizes.length] ?? FER_SIDE, width, height);
      for (let attempt = 0; attempt < 50; attempt++) {
        const p = {
          index: pool[next % pool.length] ?? 0,
          x: Math.floor(rand() * (width - size)),
          y: Math.floor(rand() * (height - size)),
          size,
        };
        if (placements.every((q) => !overlaps(p, q, 8))) {
          placements.push(p);
          next++;
          break;
        }
      }
    }
    scenes.push(composeScene(split, placements, width, height, seed * 7919 + s));
  }
  return scenes;
}

/** Opaque RGBA copy of a grey scene, as a canvas or ImageData would hold it. */
export function toRgba(scene: Pick<Scene, 'grey' | 'width' | 'height'>): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(scene.width * scene.height * 4);
  scene.grey.forEach((g, i) => rgba.set([g, g, g, 255], i * 4));
  return rgba;
}
