import { EMOTION_LABELS } from '../shared/emotions.js';
import { toPercent } from '../shared/percent.js';
import type { FrameReading, LiveSecond } from './types.js';

export type SecondValues = Omit<LiveSecond, 'index'>;

/** A second without frames, or without a usable face in any of them. */
export const EMPTY_SECOND_VALUES: SecondValues = { usable: 0, probabilities: null, detectorScore: null };

function isUsable(probabilities: readonly number[] | null): probabilities is readonly number[] {
  return (
    probabilities !== null && probabilities.length === EMOTION_LABELS.length && probabilities.every(Number.isFinite)
  );
}

/** Accumulates the frames of one second into that second's values. */
export class SecondBucket {
  private frames = 0;
  private usableFrames = 0;
  private readonly sums = EMOTION_LABELS.map(() => 0);
  private scoreSum = 0;
  private scoreCount = 0;

  add(reading: FrameReading): void {
    this.frames++;
    if (!isUsable(reading.probabilities)) return;
    this.usableFrames++;
    reading.probabilities.forEach((p, i) => (this.sums[i] = (this.sums[i] ?? 0) + p));
    if (reading.detectorScore !== undefined && Number.isFinite(reading.detectorScore)) {
      this.scoreSum += reading.detectorScore;
      this.scoreCount++;
    }
  }

  values(): SecondValues {
    if (this.usableFrames === 0) return EMPTY_SECOND_VALUES;
    // A single usable frame still counts as some face: never round it down to "none".
    const usable = Math.max(1, toPercent(this.usableFrames / this.frames));
    const probabilities = this.sums.map((sum) => toPercent(sum / this.usableFrames));
    const detectorScore = this.scoreCount ? toPercent(this.scoreSum / this.scoreCount) : null;
    return { usable, probabilities, detectorScore };
  }
}
