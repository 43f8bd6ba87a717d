import type { FaceQuality, FaceResult } from '../shared/protocol.js';

/** Why a reading should not be shown as an emotion, in the order the status strip lists them. */
export type QualityIssue =
  | 'no-face'
  | 'several-faces'
  | 'too-small'
  | 'too-dark'
  | 'blurred'
  /** A call source: the patient's picture has not changed for a while. */
  | 'frozen'
  /** A call source: the clinician has not tapped the patient yet. */
  | 'choose-patient'
  /** A call source: the patient is not in sight for a moment. */
  | 'patient-missing'
  /** A call source: the patient has been out of sight too long to be sure who is who. */
  | 'patient-lost';

/**
 * Thresholds on the worker's quality measures. FER2013 crops are 48×48, so a face much smaller than
 * that on the frame is upscaled from too little detail; brightness and contrast are on 0..1 grey levels.
 */
export const QUALITY_LIMITS = {
  minFacePx: 56,
  minBrightness: 0.16,
  minSharpness: 0.002,
} as const;

/** Issues that make the reading of this face unreliable: when any is present, the display says so. */
export function faceIssues(quality: FaceQuality): QualityIssue[] {
  const issues: QualityIssue[] = [];
  if (quality.sizePx < QUALITY_LIMITS.minFacePx) issues.push('too-small');
  if (quality.brightness < QUALITY_LIMITS.minBrightness) issues.push('too-dark');
  if (quality.sharpness < QUALITY_LIMITS.minSharpness) issues.push('blurred');
  return issues;
}

/** The face to analyse: the one the clinician picked if still there, else the largest. */
export function pickFace(faces: readonly FaceResult[], pickedIndex: number | null): FaceResult | null {
  if (pickedIndex !== null && faces[pickedIndex]) return faces[pickedIndex];
  let best: FaceResult | null = null;
  for (const face of faces)
    if (!best || face.box.width * face.box.height > best.box.width * best.box.height) best = face;
  return best;
}

/** Every issue for a frame: the frame-level ones (no face, several) and those of the analysed face. */
export function frameIssues(faces: readonly FaceResult[], analysed: FaceResult | null): QualityIssue[] {
  if (!analysed) return ['no-face'];
  return [...(faces.length > 1 ? (['several-faces'] as const) : []), ...faceIssues(analysed.quality)];
}

/** Several faces is information, not a fault: the largest is still analysed. */
export function blocksReading(issue: QualityIssue): boolean {
  return issue !== 'several-faces';
}
