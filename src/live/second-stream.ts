import { EMPTY_SECOND_VALUES, SecondBucket } from './second-bucket.js';
import type { FrameReading, LiveSecond } from './types.js';

/**
 * Cuts frame readings into whole seconds on one clock (`t` in ms since the clock's origin) and
 * hands out each second once, in order, empty ones included, so the seconds stay contiguous.
 */
export class SecondStream {
  private readonly buckets = new Map<number, SecondBucket>();
  /** The first second not handed out yet. */
  private next = 0;

  /** Frames from before the origin, or for a second already handed out, are left out. */
  add(reading: FrameReading): void {
    if (reading.t < 0) return;
    const index = Math.floor(reading.t / 1000);
    if (index < this.next) return;
    let bucket = this.buckets.get(index);
    if (!bucket) this.buckets.set(index, (bucket = new SecondBucket()));
    bucket.add(reading);
  }

  /**
   * The seconds completed by `t`; with `includeCurrent`, also the one in progress when it has
   * frames (the last, partial second of a recording).
   */
  close(t: number, includeCurrent = false): LiveSecond[] {
    const current = Math.floor(t / 1000);
    const end = includeCurrent && this.buckets.has(current) ? current + 1 : current;
    const closed: LiveSecond[] = [];
    for (let index = this.next; index < end; index++) {
      closed.push({ index, ...(this.buckets.get(index)?.values() ?? EMPTY_SECOND_VALUES) });
      this.buckets.delete(index);
    }
    this.next = Math.max(this.next, end);
    return closed;
  }
}
