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
  }
}
