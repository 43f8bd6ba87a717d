import { EMOTION_LABELS } from '../shared/emotions.js';
import { EMPTY_SECOND, toPercent, type SampleInput } from '../storage/index.js';

/**
 * One frame's result as the recorder needs it, independent of the worker's message types.
 * `t` is a `performance.now()` timestamp in milliseconds; `probabilities` is null when no usable
 * face was found, otherwise in EMOTION_LABELS order; `quality` is 0–1 when known.
 */
export interface FrameReading {
  t: number;
  probabilities: readonly number[] | null;
  quality?: number;
}

function isUsable(probabilities: readonly number[] | null): probabilities is readonly number[] {
  return (
    probabilities !== null && probabilities.length === EMOTION_LABELS.length && probabilities.every(Number.isFinite)
  );
}

/** Accumulates the frames of one second into the stored per-second sample. */
export class SecondBucket {
  private frames = 0;
  private usableFrames = 0;
  private readonly sums = EMOTION_LABELS.map(() => 0);
  private qualitySum = 0;
  private qualityCount = 0;

  add(reading: FrameReading): void {
    this.frames++;
    if (!isUsable(reading.probabilities)) return;
    this.usableFrames++;
    reading.probabilities.forEach((p, i) => (this.sums[i] = (this.sums[i] ?? 0) + p));
    if (reading.quality !== undefined && Number.isFinite(reading.quality)) {
      this.qualitySum += reading.quality;
      this.qualityCount++;
    }
  }

  toSample(): SampleInput {
    if (this.usableFrames === 0) return EMPTY_SECOND;
    // A single usable frame still counts as some face: never round it down to "none".
    const usable = Math.max(1, toPercent(this.usableFrames / this.frames));
    const probabilities = this.sums.map((sum) => toPercent(sum / this.usableFrames));
    const quality = this.qualityCount ? toPercent(this.qualitySum / this.qualityCount) : null;
    return { usable, probabilities, quality };
  }
}
