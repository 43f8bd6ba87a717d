import { msg } from '@lit/localize';
import type { CameraErrorKind } from '../platform/camera-errors.js';

/** What went wrong with the camera and what the clinician can do about it. */
export function cameraErrorMessage(kind: CameraErrorKind): { title: string; help: string } {
  switch (kind) {
    case 'denied':
      return {
        title: msg('Camera access was refused.'),
        help: msg(
          "Allow the camera for this site in the browser's address bar or settings, then press Start again. Patients, sessions and settings still work.",
        ),
      };
    case 'not-found':
      return {
        title: msg('No camera was found.'),
        help: msg('Connect a camera or choose another one, then press Start again.'),
      };
    case 'in-use':
      return {
        title: msg('The camera is in use by another app.'),
        help: msg('Close the video call or camera app that is using it, then press Start again.'),
      };
    case 'lost':
      return {
        title: msg('The camera stopped.'),
        help: msg('It may have been unplugged. Everything recorded so far is saved. Reconnect it and press Start.'),
      };
    case 'insecure':
      return {
        title: msg('The camera needs a secure connection.'),
        help: msg('Open the app over HTTPS or on localhost.'),
      };
    case 'unknown':
      return {
        title: msg('The camera could not start.'),
        help: msg('Press Start to try again, or choose another camera.'),
      };
  }
}
