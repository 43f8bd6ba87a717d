/**
 * One frame's reading as the per-second aggregation needs it, independent of the worker's
 * message types. `t` is milliseconds on the stream's clock; `probabilities` is null when no
 * usable face was found, otherwise in EMOTION_LABELS order; `detectorScore` is the face
 * detector's confidence (0–1) for the analysed face, when there is one.
 */
export interface FrameReading {
  t: number;
  probabilities: readonly number[] | null;
  detectorScore?: number;
}

/**
 * One second of the live stream, computed once: the live timeline draws it and the recorder
 * stores it. Percentages are integers (0–100), the precision that storage and exports keep.
 */
export interface LiveSecond {
  /** Whole seconds since the stream's clock started. */
  index: number;
  /** Share of the second's frames that had a usable face; 0 when none (or no frame at all). */
  usable: number;
  /** Mean probabilities over the usable frames; null without a usable face. */
  probabilities: number[] | null;
  /** Mean detector score over the usable frames; null when unknown. */
  detectorScore: number | null;
}
