import type { BackendChangedMessage, BackendName } from '../shared/protocol.js';

/** Above the worker's own frame deadline (1.5 s or more), which answers a lost device itself. */
export const STUCK_AFTER_MS = 4_000;

/**
 * Watches the frame in flight on a GPU backend. A worker blocked inside a lost graphics device
 * answers nothing at all, not even its own deadline; past a few usual frame times the frame
 * counts as failed and `onStuck` runs. Not armed before the backend has answered once: its
 * first frames compile shaders and are slow.
 */
export class StuckWatch {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sentAt = 0;
  private typicalMs: number | null = null;

  constructor(private readonly onStuck: () => void) {}

  sent(gpu: boolean): void {
    this.disarm();
    this.sentAt = performance.now();
    if (!gpu || this.typicalMs === null) return;
    this.timer = setTimeout(this.onStuck, Math.max(STUCK_AFTER_MS, 6 * this.typicalMs));
  }

  answered(measured: boolean): void {
    this.disarm();
    if (!measured) return;
    const took = performance.now() - this.sentAt;
    this.typicalMs = this.typicalMs === null ? took : 0.7 * this.typicalMs + 0.3 * took;
  }

  /** A new backend: its times are not known yet. */
  reset(): void {
    this.disarm();
    this.typicalMs = null;
  }

  disarm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** Where a worker stuck on the GPU goes next (WebAssembly: the GPU process is what failed), said as a fallback. */
export function awayFromGpu(from: BackendName | null): BackendChangedMessage {
  const backend = from ?? 'webgl';
  const error = { code: 'device-lost', backend, message: 'no answer from the graphics processor' } as const;
  return { type: 'backend-changed', from: backend, backend: 'wasm', reason: 'device-lost', error };
}
