/** Why a storage call failed; components map each reason to a translated message. */
export type StorageErrorReason =
  | 'not-found'
  | 'invalid-input'
  | 'in-use'
  | 'unavailable'
  /** The browser never answers when the database is opened (a WebKit fault): restart the browser. */
  | 'stuck'
  | 'quota-exceeded'
  /** Encryption is on and the records are locked: unlock first. */
  | 'locked'
  /** A sealed record does not open: tampered with, or damaged on disk. */
  | 'corrupt';

export class StorageError extends Error {
  override readonly name = 'StorageError';

  constructor(
    readonly reason: StorageErrorReason,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Wraps IndexedDB's DOMExceptions so callers only ever see StorageError. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return new StorageError('quota-exceeded', 'The device storage is full.', { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new StorageError('unavailable', message, { cause: error });
}
