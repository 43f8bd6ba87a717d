import type { BackendChangedMessage, BackendName } from '../shared/protocol.js';
import { pageGpuWatch, type GpuWatch, type GpuWatchFactory } from './gpu-watch.js';

/** Above the worker's own frame deadline (1.5 s or more), which answers a lost device itself. */
export const STUCK_AFTER_MS = 4_000;

/**
 * Watches the worker on a GPU backend. A worker blocked inside a lost graphics device answers
 * nothing at all, not even its own deadline. The page's own watch on the graphics process
 * (`GpuWatch`) runs `onStuck` as soon as that process is lost; failing that, a frame past a few
 * usual frame times counts as failed. The deadline is not armed before the backend has
 * answered once: its first frames compile shaders and are slow.
 */
export class StuckWatch {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sentAt = 0;
  private typicalMs: number | null = null;
  private gpu: GpuWatch | null = null;

  constructor(
    private readonly onStuck: () => void,
    private readonly watchGpu: GpuWatchFactory = pageGpuWatch,
  ) {}

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

  /** A new backend (null: none yet): its times are not known yet; on a GPU, watch the graphics process. */
  reset(backend: BackendName | null): void {
    this.close();
    this.typicalMs = null;
    if (backend === 'webgl' || backend === 'webgpu') this.gpu = this.watchGpu(() => this.gpuLost());
  }

  /** Stops every watch: the frame deadline and the graphics process. */
  close(): void {
    this.disarm();
    this.gpu?.dispose();
    this.gpu = null;
  }

  private gpuLost(): void {
    this.close();
    this.onStuck();
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
