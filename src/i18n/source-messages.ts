import { msg } from '@lit/localize';
import type { QualityIssue } from '../live/face-quality.js';
import type { SessionSource } from '../storage/index.js';
import { qualityMessage } from './quality-messages.js';

/** What the consultation screen says it does, for the camera or a video call. */
export function consultationPurpose(source: SessionSource): string {
  return source === 'video-call'
    ? msg(
        "Share the call window, then tap the patient's face to see their facial expression estimated live. Choose a patient to record the session in their file. The call stays on this device.",
      )
    : msg(
        "Start the camera to see the patient's facial expression estimated live. Choose a patient to record the session in their file. The video stays on this device.",
      );
}

/** The main button: start or stop reading from the source. */
export function sourceButtonLabel(source: SessionSource, running: boolean): string {
  if (source === 'camera') return running ? msg('Stop camera') : msg('Start camera');
  return running ? msg('Stop reading the call') : msg('Share the call window');
}

/** Why there is no reading while the source is off. */
export function sourceOffReason(source: SessionSource): string {
  return source === 'camera' ? msg('Camera off') : msg('Not reading a call');
}

/** Why there is no reading now, in plain words; empty when there is one. */
export function liveReason(
  source: SessionSource,
  running: boolean,
  loading: boolean,
  issues: readonly QualityIssue[],
): string {
  if (!running) return sourceOffReason(source);
  if (loading) return msg('Preparing…');
  const blocking = issues.find((issue) => issue !== 'several-faces');
  return blocking ? qualityMessage(blocking) : '';
}
