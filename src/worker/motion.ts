/** Whether a face moved in its reused box, from its 48×48 grey crop. */
/**
 * How much a face's 48×48 grey crop may change in its reused box before the face counts as moved:
 * the mean absolute difference divided by the reference crop's standard deviation, so the same
 * move counts the same in a dim room as in a bright one. On 120 FER2013 faces in composed scenes
 * (64–160 px), at full and at 30 % contrast alike, a shift of 4 % of the crop gave 0.44 (median;
 * 0.33 at the 10th percentile), 2 % gave 0.25, 8 % gave 0.68; camera noise of 3 grey levels gave
 * at most 0.04 at full contrast and 0.12 at 30 %. ResmoNet is trained with shifts of up to 10 %, so
 * smaller moves can wait for the next planned refresh.
 */
export const MOTION_THRESHOLD = 0.3;

/** Standard deviations under this many grey levels count as this many: flat crops are not noise. */
const MIN_SPREAD = 4;

/** A face's grey crop at its last detection, with the RMS contrast `measureQuality` gave it. */
export interface MotionReference {
  grey: Float32Array;
  contrast: number;
}

/** Whether the crop `now` differs from `before` (same size) by more than MOTION_THRESHOLD. */
export function moved(before: MotionReference | undefined, now: Float32Array): boolean {
  if (before?.grey.length !== now.length) return true;
  let difference = 0;
  for (let i = 0; i < now.length; i++) difference += Math.abs((now[i] ?? 0) - (before.grey[i] ?? 0));
  const spread = Math.max(before.contrast * 255, MIN_SPREAD);
  return difference / now.length / spread > MOTION_THRESHOLD;
}
