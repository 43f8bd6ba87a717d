/**
 * Opening the database can hang: in WebKitGTK, leaving the page during the first upgrade leaves
 * the database unopenable for the rest of the browser's run (the open request never answers). A
 * clinician must not wait on an empty screen: each attempt gets a time limit, and after the last
 * one the caller hears `OpenTimeoutError` and can say so.
 */

export interface OpenAttempt<T> {
  /** Starts one attempt; calls `alive()` once the browser answers (e.g. an upgrade starts). */
  (alive: () => void): Promise<T>;
}

export interface OpenTimeoutOptions<T> {
  /** How long one attempt may stay silent, ms. */
  timeoutMs: number;
  /** Attempts in all (the first plus retries). */
  attempts: number;
  /** An attempt that answers after its time ran out: its result is handed here (to close it). */
  late?: (value: T) => void;
}

/** Every attempt stayed silent past its time limit. */
export class OpenTimeoutError extends Error {
  override readonly name = 'OpenTimeoutError';
}

/** One attempt: resolves or rejects as `attempt` does, or rejects with OpenTimeoutError if it stays silent. */
function attemptOnce<T>(attempt: OpenAttempt<T>, options: OpenTimeoutOptions<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(() => {
      settled = true;
      reject(new OpenTimeoutError(`no answer from the database within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    // A slow upgrade (many records to migrate) is progress, not a hang: no limit once it answered.
    const alive = () => {
      clearTimeout(timer);
      timer = undefined;
    };
    attempt(alive).then(
      (value) => {
        clearTimeout(timer);
        if (settled) options.late?.(value);
        else resolve(value);
        settled = true;
      },
      (error: unknown) => {
        clearTimeout(timer);
        if (!settled) reject(error);
        settled = true;
      },
    );
  });
}

/** Runs `attempt` up to `options.attempts` times while it times out; other failures pass through. */
export async function openWithTimeout<T>(attempt: OpenAttempt<T>, options: OpenTimeoutOptions<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attemptOnce(attempt, options);
    } catch (error) {
      if (!(error instanceof OpenTimeoutError) || n >= options.attempts) throw error;
    }
  }
}
