import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A reading older than this is not live any more: frames come several times a second. */
export const STALE_AFTER_MS = 1_500;

/**
 * Tells whether the live reading has gone stale: the analysis stopped answering (a lost
 * graphics device, a stuck frame) while the camera runs. The host re-renders when that changes,
 * so an old reading is never shown as live.
 */
export class StaleWatch implements ReactiveController {
  stale = false;
  private lastFresh = 0;
  private lastSeen: unknown = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Whether a reading is expected now (camera on, model loaded). */
    private readonly expecting: () => boolean,
    /** The newest result; a new object means a fresh reading. */
    private readonly latest: () => unknown,
    private readonly clock: () => number = () => performance.now(),
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.timer = setInterval(() => this.check(), 250);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
  }

  private check(): void {
    const latest = this.latest();
    if (latest !== this.lastSeen) {
      this.lastSeen = latest;
      this.lastFresh = this.clock();
    }
    const stale = this.expecting() && this.lastFresh > 0 && this.clock() - this.lastFresh > STALE_AFTER_MS;
    if (stale === this.stale) return;
    this.stale = stale;
    this.host.requestUpdate();
  }
}
