import type { FaceResult, FrameResult } from '../shared/protocol.js';
import type { EmotionLabel } from '../shared/emotions.js';
import { EMOTION_LABELS, dominantIndex } from '../shared/emotions.js';
import { EmotionSmoother, type Smoothing } from './emotion-smoother.js';
import { blocksReading, frameIssues, pickFace, type QualityIssue } from './face-quality.js';
import type { FrameReading } from './second-bucket.js';
import type { TimelinePoint } from '../components/resmo-emotion-timeline.js';

/** Chooses the face to read in a frame, with what stops it from being read; null: no face. */
export type FaceSelector = (
  faces: readonly FaceResult[],
  now: number,
) => { face: FaceResult | null; issues: QualityIssue[] };

/** How often the live region may speak, so a screen reader is not flooded. */
export const ANNOUNCE_EVERY_MS = 4000;
/** Rolling window of the live timeline. */
export const LIVE_TIMELINE_MS = 3 * 60_000;

/**
 * Turns the worker's frame results into what the consultation screen shows: the analysed face,
 * quality issues, the smoothed probabilities (or none when quality fails), frames per second,
 * one timeline point per second, and when to announce the dominant emotion.
 */
export class LiveReadout {
  faces: readonly FaceResult[] = [];
  analysedIndex = -1;
  issues: QualityIssue[] = [];
  smoothed: number[] | null = null;
  fps = 0;
  points: TimelinePoint[] = [];
  /** The emotion word the live region says; changes at most every ANNOUNCE_EVERY_MS. */
  announced: EmotionLabel | null = null;

  private readonly smoother: EmotionSmoother;
  private picked: number | null = null;
  private frameTimes: number[] = [];
  private second = { start: -1, sums: EMOTION_LABELS.map(() => 0), usable: 0 };
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

  /**
   * Takes one result; `now` is performance.now() of its capture and `wallClock` the matching
   * Date.now(). Returns the reading for the session recorder.
   */
  push(result: FrameResult, now: number, wallClock: number): FrameReading {
    this.faces = result.faces;
    const selected = this.selector?.(result.faces, now);
    const face = selected ? selected.face : pickFace(result.faces, this.picked);
    this.analysedIndex = face ? result.faces.indexOf(face) : -1;
    this.issues = selected ? selected.issues : frameIssues(result.faces, face);
    const usable = face !== null && !this.issues.some(blocksReading);
    const probabilities = usable ? face.probabilities : null;
    this.smoothed = this.smoother.push(now, probabilities);
    this.countFrame(now);
    this.addToSecond(wallClock, probabilities);
    this.maybeAnnounce(now);
    return { t: now, probabilities, quality: face ? face.score : undefined };
  }

  private countFrame(now: number): void {
    this.frameTimes.push(now);
    while ((this.frameTimes[0] ?? now) < now - 2000) this.frameTimes.shift();
    const span = now - (this.frameTimes[0] ?? now);
    this.fps = span > 0 ? ((this.frameTimes.length - 1) * 1000) / span : 0;
  }

  private addToSecond(wallClock: number, p: readonly number[] | null): void {
    const start = Math.floor(wallClock / 1000) * 1000;
    if (start !== this.second.start) {
      if (this.second.start >= 0) this.closeSecond();
      this.second = { start, sums: EMOTION_LABELS.map(() => 0), usable: 0 };
    }
    if (!p) return;
    this.second.usable++;
    p.forEach((v, i) => (this.second.sums[i] = (this.second.sums[i] ?? 0) + v));
  }

  private closeSecond(): void {
    const { start, sums, usable } = this.second;
    const oldest = start - LIVE_TIMELINE_MS;
    // A new array each second, so the chart's property sees the change.
    this.points = [
      ...this.points.filter((pt) => pt.t >= oldest),
      { t: start, p: usable > 0 ? sums.map((s) => s / usable) : null },
    ];
  }

  private maybeAnnounce(now: number): void {
    if (!this.smoothed || now - this.lastAnnounceAt < ANNOUNCE_EVERY_MS) return;
    const top = EMOTION_LABELS[dominantIndex(this.smoothed)] ?? 'neutral';
    if (top === this.announced) return;
    this.announced = top;
    this.lastAnnounceAt = now;
  }
}
