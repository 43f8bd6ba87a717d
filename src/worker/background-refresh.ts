/**
 * The settled scene's box refresh, run by the detector worker on the other core while this one
 * goes on reading emotions from the last boxes. Its answer is taken up at the start of the next
 * frame after it arrives; a detection made here meanwhile makes it stale, and it is dropped.
 */
import type { RawDetection, Region } from './blazeface-decode.js';
import type { BackgroundDetector, Detected } from './detector-link.js';
import type { Pixels } from './face-crop.js';

export interface Refreshed {
  detections: RawDetection[];
  /** The detector worker's time for them. */
  ms: number;
  /** The frame they were found in, for the crops that later frames are compared with. */
  pixels: Pixels;
}

export class BackgroundRefresh {
  private pending: { generation: number; pixels: Pixels; answer?: Detected } | null = null;
  private generation = 0;

  constructor(private readonly detector: BackgroundDetector) {}

  /** Whether a refresh can be sent now; starts the detector worker the first time it is asked. */
  available(): boolean {
    return this.pending === null && this.detector.ready();
  }

  /** Sends `frame` (taken and closed) to be detected in `regions`; `pixels` are the same frame. */
  send(frame: ImageBitmap | VideoFrame, pixels: Pixels, regions: Region[]): void {
    const generation = this.generation;
    const pending: NonNullable<typeof this.pending> = { generation, pixels };
    this.pending = pending;
    this.detector.detect(frame, pixels.width, pixels.height, regions).then(
      (answer) => {
        if (this.pending === pending) pending.answer = answer;
      },
      () => {
        if (this.pending === pending) this.pending = null;
      },
    );
  }

  /** The answer that arrived since the last call, if any and not stale. */
  take(): Refreshed | null {
    const pending = this.pending;
    if (pending?.answer === undefined) return null;
    this.pending = null;
    return pending.generation === this.generation ? { ...pending.answer, pixels: pending.pixels } : null;
  }

  /** Drops the answer still awaited: a detection made since, or a new stream, supersedes it. */
  cancel(): void {
    this.generation++;
    if (this.pending?.answer !== undefined) this.pending = null;
  }

  dispose(): void {
    this.cancel();
    this.detector.dispose();
  }
}
