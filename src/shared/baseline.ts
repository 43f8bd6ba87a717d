/**
 * A patient's neutral baseline: the seconds recorded while they sat at rest. Stored and exported as
 * recorded (integer percents, EMOTION_LABELS order, one row per second with a usable face); any
 * adjustment is computed from these rows when reading.
 */
export interface Baseline {
  id: string;
  /** Epoch milliseconds of the start of the recording. */
  recordedAt: number;
  rows: number[][];
}

/** The length of the rest recording the app asks for, and the fewest usable seconds it keeps. */
export const BASELINE_SECONDS = 15;
export const MIN_BASELINE_ROWS = 8;
/** A baseline is a short rest recording; a file with longer ones is not ours. */
export const MAX_BASELINE_ROWS = 120;
/** Baselines kept per patient; a redo adds one, so old reports keep the baseline they were read with. */
export const MAX_BASELINES = 100;
