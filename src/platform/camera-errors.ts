/** Why the camera could not start or stopped; each kind has its own message and way forward in the UI. */
export type CameraErrorKind = 'denied' | 'not-found' | 'in-use' | 'lost' | 'insecure' | 'unknown';

export class CameraError extends Error {
  override readonly name = 'CameraError';

  constructor(
    readonly kind: CameraErrorKind,
    options?: ErrorOptions,
  ) {
    super(`camera: ${kind}`, options);
  }
}

/** Maps getUserMedia's DOMException names (which differ a little between browsers) to our kinds. */
export function cameraErrorFrom(error: unknown): CameraError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return new CameraError('denied', { cause: error });
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return new CameraError('not-found', { cause: error });
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return new CameraError('in-use', { cause: error });
    default:
      return new CameraError('unknown', { cause: error });
  }
}
