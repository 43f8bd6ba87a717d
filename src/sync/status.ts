/** Where the clinic's records are kept and the account this device signs in with. */
export interface SyncAccount {
  /** The clinic database's address, for example https://sync.clinic.example/resmo. */
  url: string;
  account: string;
  password: string;
}

/** Why sync cannot go on; each has its own message in Settings. */
export type SyncProblem =
  /** Wrong account name or password, or the account was removed. */
  | 'unauthorized'
  /** The account exists but may not use this clinic's records (no longer a member). */
  | 'forbidden'
  /** No database at that address. */
  | 'not-found'
  /** The server cannot be reached (offline, wrong address). */
  | 'unreachable'
  /** The server holds records under a key this device does not have. */
  | 'other-key'
  /**
   * The clinic gives each clinician their own keys and made a new clinic key, which this device
   * cannot receive: it still opens with the clinic's one shared passphrase.
   */
  | 'own-keys-needed'
  | 'failed';

export interface SyncStatus {
  state: 'connecting' | 'syncing' | 'idle' | 'offline' | 'problem';
  /** Epoch milliseconds of the last time both directions were caught up. */
  lastSyncedAt: number | null;
  /** Records written here and not yet on the server, plus sessions still arriving. */
  waiting: number;
  problem: SyncProblem | null;
  /** Records whose notes were changed on two devices at once: both texts were kept, to be tidied. */
  notesJoined: number;
}

export class SyncProblemError extends Error {
  override readonly name = 'SyncProblemError';

  constructor(
    readonly problem: SyncProblem,
    options?: ErrorOptions,
  ) {
    super(`Sync: ${problem}`, options);
  }
}

/** PouchDB reports HTTP failures with a status (0 or none when the request never got an answer). */
export function problemOf(error: unknown): SyncProblem {
  if (error instanceof SyncProblemError) return error.problem;
  const status = (error as { status?: number } | null)?.status;
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (!status || status >= 500 || error instanceof TypeError) return 'unreachable';
  return 'failed';
}
