import { msg } from '@lit/localize';
import type { QualityIssue } from '../live/face-quality.js';

/** Plain words for each quality issue, saying what to change. */
export function qualityMessage(issue: QualityIssue): string {
  switch (issue) {
    case 'no-face':
      return msg('No face in view');
    case 'several-faces':
      return msg('Several faces: the largest is analysed. Tap a box to choose another.');
    case 'too-small':
      return msg('Face too small or too far: move closer to the camera');
    case 'too-dark':
      return msg('Too dark: add light in front of the face');
    case 'blurred':
      return msg('Image blurred: hold the camera still or clean the lens');
    case 'frozen':
      return msg("The patient's video is frozen: no reliable face");
    case 'choose-patient':
      return msg("Tap the patient's face in the call");
    case 'patient-missing':
      return msg('Looking for the patient…');
    case 'patient-lost':
      return msg("Resmo lost the patient and is not reading anyone. Tap the patient's face again.");
  }
}
