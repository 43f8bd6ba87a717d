import type { BackendName, InferenceError } from '../shared/protocol.js';

/**
 * Keeps a frame on a GPU backend from hanging the analysis. A lost WebGL context or WebGPU
 * device can leave the frame's read-back waiting forever (no error, no answer), and the
 * worker handles one message at a time, so the loss handler queued behind it would never run.
 * The guard aborts the frame in flight as soon as the device is reported lost, and counts a
 * frame that takes far longer than frames usually do as a failure of the device.
 */

/** Never less than this, so a busy machine does not read as a lost device. */
export const MIN_FRAME_DEADLINE_MS = 1_500;
/** A frame may take this many times the usual frame before it counts as failed. */
const DEADLINE_FACTOR = 4;

export class FrameAborted extends Error {
  override readonly name = 'FrameAborted';

  constructor(
    readonly why: 'device-lost' | 'deadline',
    message: string,
  ) {
    super(message);
  }
}

export class FrameGuard {
  private readonly lost = new AbortController();

  /**
   * @param gpu Deadlines only for GPU backends: a CPU or WASM frame is slow, never stuck.
   * @param typicalMs The warm-up frame's time, until real frames are measured.
   */
  constructor(
    private readonly gpu: boolean,
    private typicalMs: number,
  ) {}

  get deadlineMs(): number {
    return Math.max(MIN_FRAME_DEADLINE_MS, DEADLINE_FACTOR * this.typicalMs);
  }

  /** The device is gone: the frame in flight and every later one are aborted. */
  deviceLost(reason: string): void {
    if (!this.lost.signal.aborted) this.lost.abort(new FrameAborted('device-lost', reason));
  }

  /** Resolves as `work` does, or rejects with FrameAborted first. */
  async run<T>(work: Promise<T>): Promise<T> {
    const signal = this.lost.signal;
    if (signal.aborted) throw signal.reason;
    const t0 = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort = (): void => undefined;
    const guard = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      const deadline = this.deadlineMs;
      if (this.gpu)
        timer = setTimeout(
          () => reject(new FrameAborted('deadline', `no answer within ${Math.round(deadline)} ms`)),
          deadline,
        );
    });
    try {
      const out = await Promise.race([work, guard]);
      this.typicalMs = 0.7 * this.typicalMs + 0.3 * (performance.now() - t0);
      return out;
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  }
}

/** The frame's answer: a lost device is said at once, so the page stops showing it as live. */
export function frameFailure(e: unknown, backend: BackendName, lost: boolean): InferenceError {
  const message = e instanceof Error ? e.message : String(e);
  return lost ? { code: 'device-lost', backend, message } : { code: 'inference-failed', message };
}
