/**
 * A frozen call tile repeats the very same picture. Single repeated frames are normal (the call
 * may send fewer frames than the window is read at), so a face counts as frozen only when its
 * picture has not changed at all for `frozenAfterMs`.
 */

/**
 * Mean grey change (0..1) at or under which two frames count as the same picture. A live face on
 * a call, even one sitting still, changes by more than a grey level (1/255) through noise and
 * compression; a frozen tile gives exactly 0.
 */
export const SAME_PICTURE = 0.5 / 255;

export const FROZEN_AFTER_MS = 2000;

export class FrozenWatch {
  private stillSince: number | null = null;

  constructor(private readonly frozenAfterMs: number = FROZEN_AFTER_MS) {}

  /** `change` is the worker's measure for the followed face (null: nothing to compare with). */
  update(change: number | null | undefined, now: number): boolean {
    if (change === null || change === undefined || change > SAME_PICTURE) {
      this.stillSince = null;
      return false;
    }
    this.stillSince ??= now;
    return now - this.stillSince >= this.frozenAfterMs;
  }

  reset(): void {
    this.stillSince = null;
  }
}
