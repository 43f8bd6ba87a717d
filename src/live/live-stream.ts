import type { FrameResult } from '../shared/protocol.js';
import { timelinePoint, type TimelineMarker, type TimelinePoint } from '../shared/timeline.js';
import type { Smoothing } from './emotion-smoother.js';
import { FrameReadout } from './frame-readout.js';
import { SecondStream } from './second-stream.js';
import type { LiveSecond } from './types.js';

/** Rolling window of the live timeline. */
export const LIVE_TIMELINE_MS = 3 * 60_000;

/**
 * The live per-second stream on one clock: milliseconds since `restart`, whose wall-clock time
 * is kept once. Each frame goes to the readout (what the screen shows now) and into its second;
 * each second, once closed, is drawn here and handed back to be stored, the same values for both.
 */
export class LiveStream {
  readonly readout: FrameReadout;
  /** The drawn seconds, newest last, over the last LIVE_TIMELINE_MS. */
  points: TimelinePoint[] = [];
  markers: TimelineMarker[] = [];
  running = false;

  private seconds = new SecondStream();
  /** Until the first result (the model still loading), there is nothing to draw yet. */
  private framesSeen = false;
  private origin = 0;
  private startedAt = 0;

  constructor(smoothing?: Smoothing) {
    this.readout = new FrameReadout(smoothing);
  }

  /**
   * Starts the clock at `now` (a performance.now() time) whose wall-clock time is `startedAt`.
   * Returns what the previous clock still held: its completed seconds and its partial last one.
   */
  restart(now: number, startedAt: number): LiveSecond[] {
    const closed = this.stop(now);
    this.seconds = new SecondStream();
    this.origin = now;
    this.startedAt = startedAt;
    this.running = true;
    return closed;
  }

  /** Stops the clock at `now`; returns its remaining seconds, the partial last one included. */
  stop(now: number): LiveSecond[] {
    const closed = this.running ? this.close(now, true) : [];
    this.running = false;
    return closed;
  }

  /** Milliseconds on the clock at `now`. */
  elapsed(now: number): number {
    return now - this.origin;
  }

  /** One frame's result, captured at `now`. */
  push(result: FrameResult, now: number): void {
    const reading = this.readout.push(result, now);
    this.framesSeen = true;
    if (this.running) this.seconds.add({ ...reading, t: this.elapsed(now) });
  }

  /** Closes and draws the seconds completed by `now` (and the partial one with `includeCurrent`). */
  close(now: number, includeCurrent = false): LiveSecond[] {
    if (!this.running) return [];
    const closed = this.seconds.close(this.elapsed(now), includeCurrent);
    if (closed.length > 0 && this.framesSeen) this.draw(closed);
    return closed;
  }

  /** Draws a marker `elapsed` ms into the clock. */
  drawMarker(elapsed: number, label: string): void {
    this.markers = [...this.markers, { t: this.startedAt + elapsed, label }];
  }

  private draw(closed: readonly LiveSecond[]): void {
    const added = closed.map((s) => timelinePoint(this.startedAt, s.index, s.probabilities));
    const oldest = (added.at(-1)?.t ?? 0) - LIVE_TIMELINE_MS;
    // A new array each time, so the chart's property sees the change.
    this.points = [...this.points.filter((pt) => pt.t >= oldest), ...added];
  }
}
