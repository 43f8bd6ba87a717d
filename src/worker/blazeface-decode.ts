/**
 * Decoding of BlazeFace's raw outputs (MediaPipe's 256×256 "back" face detector, as shipped in
 * @vladmandic/human/models): 896 anchors, each with a logit and 16 regressors
 * (centre dx, dy, width, height, then six keypoints), all in input pixels relative to the anchor.
 */

export const BLAZEFACE_INPUT_SIZE = 256;
export const BLAZEFACE_KEYPOINTS = 6;
export const BLAZEFACE_REGRESSORS = 4 + 2 * BLAZEFACE_KEYPOINTS;

/** A detection in detector-input pixels. Keypoints are [x0, y0, x1, y1, ...]. */
export interface RawDetection {
  score: number;
  x: number;
  y: number;
  width: number;
  height: number;
  keypoints: number[];
}

export interface DecodeOptions {
  minScore: number;
  iouThreshold: number;
  maxDetections: number;
}

export const DEFAULT_DECODE_OPTIONS: DecodeOptions = { minScore: 0.5, iouThreshold: 0.3, maxDetections: 8 };

/**
 * Anchor centres in input pixels, in the model's output order: the stride-16 grid with 2 anchors
 * per cell (512 for 256 px), then the stride-32 grid with 6 per cell (384). Same layout as
 * MediaPipe's SSD anchor calculator and Human's `generateAnchors`. The network is convolutional:
 * a 128 px input has the same strides on a quarter of the cells (128 + 96 anchors), a 96 px one
 * on 6×6 and 3×3 cells (72 + 54).
 */
export function generateAnchors(inputSize = BLAZEFACE_INPUT_SIZE): Float32Array {
  const layers = [
    { stride: 16, perCell: 2 },
    { stride: 32, perCell: 6 },
  ];
  const out: number[] = [];
  for (const { stride, perCell } of layers) {
    const cells = Math.ceil(inputSize / stride);
    for (let gy = 0; gy < cells; gy++) {
      for (let gx = 0; gx < cells; gx++) {
        for (let n = 0; n < perCell; n++) out.push(stride * (gx + 0.5), stride * (gy + 0.5));
      }
    }
  }
  return Float32Array.from(out);
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Area of the intersection of two boxes. */
function overlap(a: RawDetection, b: RawDetection): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export function iou(a: RawDetection, b: RawDetection): number {
  const inter = overlap(a, b);
  const union = a.width * a.height + b.width * b.height - inter;
  return union > 0 ? inter / union : 0;
}

function decodeAnchor(i: number, score: number, regressors: Float32Array, anchors: Float32Array): RawDetection {
  const r = i * BLAZEFACE_REGRESSORS;
  const ax = anchors[2 * i] ?? 0;
  const ay = anchors[2 * i + 1] ?? 0;
  const cx = ax + (regressors[r] ?? 0);
  const cy = ay + (regressors[r + 1] ?? 0);
  const width = regressors[r + 2] ?? 0;
  const height = regressors[r + 3] ?? 0;
  const keypoints: number[] = [];
  for (let k = 0; k < BLAZEFACE_KEYPOINTS; k++) {
    keypoints.push(ax + (regressors[r + 4 + 2 * k] ?? 0), ay + (regressors[r + 5 + 2 * k] ?? 0));
  }
  return { score, x: cx - width / 2, y: cy - height / 2, width, height, keypoints };
}

/** Greedy non-maximum suppression; `sorted` must be in descending score order. */
export function nonMaxSuppression(sorted: RawDetection[], iouThreshold: number, max: number): RawDetection[] {
  const kept: RawDetection[] = [];
  for (const candidate of sorted) {
    if (kept.length >= max) break;
    if (kept.every((k) => iou(k, candidate) <= iouThreshold)) kept.push(candidate);
  }
  return kept;
}

/**
 * Drops parts of a near face that a zoomed region took for small faces of their own (an eye, the
 * brow): detections half inside a larger one, or touching one `ratio` times their size. Faces of
 * two people that touch in the picture are at about the same distance, so of about the same size.
 * The order of `detections` is kept.
 */
export function dropFaceParts(detections: RawDetection[], ratio = 1.5): RawDetection[] {
  const side = (d: RawDetection): number => Math.max(d.width, d.height);
  const part = (d: RawDetection, big: RawDetection): boolean => {
    if (side(big) <= side(d)) return false;
    const shared = overlap(big, d);
    return shared >= 0.5 * d.width * d.height || (shared > 0 && side(big) >= ratio * side(d));
  };
  return detections.filter((d) => !detections.some((big) => part(d, big)));
}

/**
 * Turns raw logits (one per anchor) and regressors (16 per anchor) into scored detections,
 * strongest first.
 */
export function decodeBlazeFace(
  logits: Float32Array,
  regressors: Float32Array,
  anchors: Float32Array,
  options: DecodeOptions = DEFAULT_DECODE_OPTIONS,
): RawDetection[] {
  const candidates: RawDetection[] = [];
  for (let i = 0; i < logits.length; i++) {
    const score = sigmoid(logits[i] ?? -Infinity);
    if (score >= options.minScore) candidates.push(decodeAnchor(i, score, regressors, anchors));
  }
  candidates.sort((a, b) => b.score - a.score);
  return nonMaxSuppression(candidates, options.iouThreshold, options.maxDetections);
}

/** A square of the frame, in frame pixels; it may reach past the edges (read as black). */
export interface Region {
  x: number;
  y: number;
  size: number;
  /** Side of the detector's input for this region (default 256; 96 for a zoomed follow-up). */
  input?: number;
  /**
   * Looked at instead when this region holds no face of about `face` px centred in it (a close
   * follow-up at 96 px falls back to the wide one at 256).
   */
  fallback?: Region;
  /** Side of the face a follow-up region expects, in frame pixels. */
  face?: number;
}

/** Maps a detection from detector-input pixels of `region` back to frame pixels. */
export function toFrame(d: RawDetection, region: Region, inputSize = BLAZEFACE_INPUT_SIZE): RawDetection {
  const k = region.size / inputSize;
  return {
    score: d.score,
    x: region.x + d.x * k,
    y: region.y + d.y * k,
    width: d.width * k,
    height: d.height * k,
    keypoints: d.keypoints.map((v, i) => (i % 2 === 0 ? region.x : region.y) + v * k),
  };
}
