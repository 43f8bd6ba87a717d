/**
 * A call gallery once the clinician has chosen the patient: only the patient is read on most
 * frames. Their face is detected in one zoomed region around it on one frame in `detectEvery`
 * (sooner when it moved in its box), its box reused in between, and only their crop is
 * classified. On one frame in `galleryEvery` the whole gallery goes through the usual pipeline,
 * so the other faces' boxes (the self-view, relatives) stay current for the overlay and for a new
 * tap. When the region holds no face near the patient's last box, the patient is reported
 * missing, never replaced by whoever is nearest: the app then clears the focus and searches the
 * whole gallery again.
 */
import type { Box } from '../shared/protocol.js';
import type { RawDetection, Region } from './blazeface-decode.js';
import { followRegion, wholeFrame } from './regions.js';

export interface FocusOptions {
  /** Detect the patient again on one frame in this many. */
  detectEvery: number;
  /** Run the whole gallery on one frame in this many. */
  galleryEvery: number;
  /** A detection is the patient when its centre is within this many box sides of their last one. */
  maxStep: number;
}

export const DEFAULT_FOCUS: FocusOptions = { detectEvery: 8, galleryEvery: 30, maxStep: 0.6 };

/** What one frame does: the whole gallery, a detection around the patient, or their last box again. */
export type FocusStep = 'gallery' | 'detect' | 'reuse';

const centre = (b: Box): [number, number] => [b.x + b.width / 2, b.y + b.height / 2];

export class PatientFocus {
  private face: RawDetection;
  /** Whether `face` is a detection of this frame's or a recent frame's patient. */
  private found = false;
  private frame = 0;

  constructor(
    box: Box,
    private readonly options: FocusOptions = DEFAULT_FOCUS,
  ) {
    this.face = { score: 0, ...box, keypoints: [] };
  }

  /** The patient's last detection, when the last detection found them. */
  get current(): RawDetection | null {
    return this.found ? this.face : null;
  }

  /** The step of the next frame. A patient not found is looked for on every frame. */
  next(): FocusStep {
    const f = this.frame++;
    if (f > 0 && f % this.options.galleryEvery === 0) return 'gallery';
    return !this.found || f % this.options.detectEvery === 0 ? 'detect' : 'reuse';
  }

  /** The zoomed square around the patient's last box. */
  region(width: number, height: number): Region {
    return followRegion(this.face, wholeFrame(width, height).size);
  }

  /** Keeps the detection nearest the patient's last box, if near enough; returns it, or null. */
  pick(detections: readonly RawDetection[]): RawDetection | null {
    const [x0, y0] = centre(this.face);
    const reach = this.options.maxStep * Math.max(this.face.width, this.face.height);
    let best: RawDetection | null = null;
    let bestDistance = Infinity;
    for (const d of detections) {
      const [x, y] = centre(d);
      const distance = Math.hypot(x - x0, y - y0);
      if (distance <= reach && distance < bestDistance) [best, bestDistance] = [d, distance];
    }
    this.found = best !== null;
    if (best !== null) this.face = best;
    return best;
  }

  /** Whether `box` is the patient's (its centre within reach of theirs), for the gallery frames. */
  owns(box: Box): boolean {
    const [x0, y0] = centre(this.face);
    const [x, y] = centre(box);
    return Math.hypot(x - x0, y - y0) <= this.options.maxStep * Math.max(this.face.width, this.face.height);
  }
}
