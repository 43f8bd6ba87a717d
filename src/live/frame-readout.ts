import type { FaceResult, FrameResult } from '../shared/protocol.js';
import type { EmotionLabel } from '../shared/emotions.js';
import { EMOTION_LABELS, dominantIndex } from '../shared/emotions.js';
import { EmotionSmoother, type Smoothing } from './emotion-smoother.js';
import { blocksReading, frameIssues, pickFace, type QualityIssue } from './face-quality.js';
import type { FrameReading } from './types.js';

/** Chooses the face to read in a frame, with what stops it from being read; null: no face. */
export type FaceSelector = (
  faces: readonly FaceResult[],
  now: number,
) => { face: FaceResult | null; issues: QualityIssue[] };

/** How often the live region may speak, so a screen reader is not flooded. */
export const ANNOUNCE_EVERY_MS = 4000;

/**
 * Turns each of the worker's frame results into what the consultation screen shows at once: the
 * analysed face, quality issues, the smoothed probabilities (or none when quality fails), frames
 * per second, and when to announce the dominant emotion.
 */
export class FrameReadout {
  faces: readonly FaceResult[] = [];
  analysedIndex = -1;
  issues: QualityIssue[] = [];
  smoothed: number[] | null = null;
  fps = 0;
  /** The emotion word the live region says; changes at most every ANNOUNCE_EVERY_MS. */
  announced: EmotionLabel | null = null;

  private readonly smoother: EmotionSmoother;
  private picked: number | null = null;
  private frameTimes: number[] = [];
  private lastAnnounceAt = -Infinity;

  /** Set for a call source, where the patient is followed; the camera reads the picked or largest face. */
  selector: FaceSelector | null = null;

  constructor(smoothing?: Smoothing) {
    this.smoother = new EmotionSmoother(smoothing);
  }

  configure(smoothing: Smoothing): void {
    this.smoother.configure(smoothing);
  }

  /** The clinician chose another face on the overlay. */
  pick(index: number): void {
    this.picked = index;
  }

  reset(): void {
    this.smoother.reset();
    this.faces = [];
    this.analysedIndex = -1;
    this.issues = [];
    this.smoothed = null;
    this.fps = 0;
    this.frameTimes = [];
    this.picked = null;
  }

  /** Takes one result captured at `t` (ms, any monotonic clock); returns its reading at that `t`. */
  push(result: FrameResult, t: number): FrameReading {
    this.faces = result.faces;
    const selected = this.selector?.(result.faces, t);
    const face = selected ? selected.face : pickFace(result.faces, this.picked);
    this.analysedIndex = face ? result.faces.indexOf(face) : -1;
    this.issues = selected ? selected.issues : frameIssues(result.faces, face);
    const usable = face !== null && !this.issues.some(blocksReading);
    const probabilities = usable ? face.probabilities : null;
    this.smoothed = this.smoother.push(t, probabilities);
    this.countFrame(t);
    this.maybeAnnounce(t);
    return face ? { t, probabilities, detectorScore: face.score } : { t, probabilities };
  }

  private countFrame(now: number): void {
    this.frameTimes.push(now);
    while ((this.frameTimes[0] ?? now) < now - 2000) this.frameTimes.shift();
    const span = now - (this.frameTimes[0] ?? now);
    this.fps = span > 0 ? ((this.frameTimes.length - 1) * 1000) / span : 0;
  }

  private maybeAnnounce(now: number): void {
    if (!this.smoothed || now - this.lastAnnounceAt < ANNOUNCE_EVERY_MS) return;
    const top = EMOTION_LABELS[dominantIndex(this.smoothed)] ?? 'neutral';
    if (top === this.announced) return;
    this.announced = top;
    this.lastAnnounceAt = now;
  }
}
