import type { WorkerRequest } from '../shared/protocol.js';

export type InferenceFrame = ImageBitmap | VideoFrame;

type FrameRequest = Extract<WorkerRequest, { type: 'frame' }>;

/**
 * At most one frame in flight to the worker. A frame offered meanwhile waits, and a newer one
 * replaces it (the older is closed): never a queue. Frames are transferred, not copied.
 */
export class FrameSlot {
  framesSent = 0;
  framesDropped = 0;

  private inFlight = false;
  private pending: { frame: InferenceFrame; timestamp: number } | null = null;
  private nextId = 1;

  constructor(private readonly post: (request: FrameRequest, transfer: Transferable[]) => void) {}

  get busy(): boolean {
    return this.inFlight;
  }

  /** Takes ownership of the frame: it is sent now, or waits for the slot, or is closed. */
  offer(frame: InferenceFrame, timestamp: number): void {
    if (!this.inFlight) return this.send(frame, timestamp);
    this.dropPending();
    this.pending = { frame, timestamp };
  }

  /** The frame in flight was answered. Sends the waiting frame if `resend`; true when one went. */
  done(resend: boolean): boolean {
    this.inFlight = false;
    const pending = this.pending;
    this.pending = null;
    if (pending !== null && resend) {
      this.send(pending.frame, pending.timestamp);
      return true;
    }
    pending?.frame.close();
    return false;
  }

  /** The worker went away: nothing is in flight any more, and the waiting frame is closed. */
  clear(): void {
    this.dropPending();
    this.inFlight = false;
  }

  private send(frame: InferenceFrame, timestamp: number): void {
    this.inFlight = true;
    this.framesSent++;
    this.post({ type: 'frame', id: this.nextId++, timestamp, frame }, [frame]);
  }

  private dropPending(): void {
    if (this.pending === null) return;
    this.pending.frame.close();
    this.pending = null;
    this.framesDropped++;
  }
}
