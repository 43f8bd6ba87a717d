/**
 * Errors that cross the worker boundary. `code` is what code branches on; `message` is for
 * developers' logs, never shown to users as is.
 */
export type InferenceError =
  | { code: 'model-load-failed'; model: 'detector' | 'classifier'; url: string; message: string }
  | { code: 'bad-metadata'; url: string; message: string }
  | { code: 'backend-unavailable'; backend: string; message: string }
  | { code: 'no-backend'; message: string }
  | { code: 'device-lost'; backend: string; message: string }
  | { code: 'bad-frame'; message: string }
  | { code: 'not-ready'; message: string }
  | { code: 'inference-failed'; message: string }
  | { code: 'worker-crashed'; message: string };

export type InferenceErrorCode = InferenceError['code'];
