import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  StorageError,
  holdVault,
  lockIsWaiting,
  lockVault,
  vaultEvents,
  vaultStatus,
  type StorageErrorReason,
} from '../storage/index.js';
import { recordingActivity } from '../platform/activity.js';
import { HIDDEN_LOCK_MS, loadIdleMinutes } from '../platform/lock-settings.js';

/**
 * 'pending' until the vault was read; 'covered' while a lock waits for a recording to end (the
 * key is still held so the recording keeps every second, but the screen shows nothing);
 * 'unavailable' when the records could not be opened at all (see `unavailableReason`).
 */
export type LockState = 'pending' | 'off' | 'locked' | 'unlocked' | 'covered' | 'unavailable';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 5_000;

/** Owns the app lock: idle and hidden-tab timers, the Lock button, and holding the key while recording. */
export class AppLockController implements ReactiveController {
  state: LockState = 'pending';
  /** Why the records could not be opened, when `state` is 'unavailable'. */
  unavailableReason: StorageErrorReason = 'unavailable';
  #lastActive = Date.now();
  #hiddenSince: number | null = null;
  #timer: ReturnType<typeof setInterval> | undefined;
  #release: (() => void) | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    vaultEvents.addEventListener('change', this.refresh);
    recordingActivity.addEventListener('change', this.onRecording);
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, this.onActivity, { passive: true });
    document.addEventListener('visibilitychange', this.onVisibility);
    this.#timer = setInterval(this.check, CHECK_EVERY_MS);
    this.onRecording();
    void this.refresh();
  }

  hostDisconnected(): void {
    vaultEvents.removeEventListener('change', this.refresh);
    recordingActivity.removeEventListener('change', this.onRecording);
    for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, this.onActivity);
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearInterval(this.#timer);
    this.#release?.();
    this.#release = null;
  }

  lockNow(): void {
    if (this.state === 'unlocked') lockVault();
  }

  private readonly refresh = async (): Promise<void> => {
    try {
      const status = await vaultStatus();
      this.state = status === 'unlocked' && lockIsWaiting() ? 'covered' : status;
    } catch (error) {
      // Never an endless wait on an empty screen: say what happened and what to do.
      this.state = 'unavailable';
      this.unavailableReason = error instanceof StorageError ? error.reason : 'unavailable';
    }
    this.#lastActive = Date.now();
    this.host.requestUpdate();
  };

  private readonly onRecording = (): void => {
    if (recordingActivity.active) this.#release ??= holdVault();
    else {
      this.#release?.();
      this.#release = null;
    }
  };

  private readonly onActivity = (): void => {
    this.#lastActive = Date.now();
  };

  private readonly onVisibility = (): void => {
    if (document.hidden) {
      this.#hiddenSince = Date.now();
      return;
    }
    this.check();
    this.#hiddenSince = null;
  };

  private readonly check = (): void => {
    if (this.state !== 'unlocked') return;
    const now = Date.now();
    const idle = now - this.#lastActive >= loadIdleMinutes() * 60_000;
    const hidden = this.#hiddenSince !== null && now - this.#hiddenSince >= HIDDEN_LOCK_MS;
    if (idle || hidden) lockVault();
  };
}
