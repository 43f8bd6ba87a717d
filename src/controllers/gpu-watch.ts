/** Reports, once, that the graphics process went away; `dispose` stops watching. */
export interface GpuWatch {
  dispose(): void;
}

export type GpuWatchFactory = (onLost: () => void) => GpuWatch | null;

/**
 * A 1×1 WebGL context of the page's own. The worker's WebGL context or WebGPU device lives in
 * the same graphics process, so when that process crashes this context is lost too, and the
 * page hears of it at once on its own thread, while a worker blocked in a frame on the lost
 * device may say nothing for seconds. Null where the page cannot make a context (no DOM, or
 * WebGL off): the frame deadline still catches a stuck worker there.
 */
export function pageGpuWatch(onLost: () => void): GpuWatch | null {
  if (typeof document === 'undefined') return null;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const gl = canvas.getContext('webgl', { failIfMajorPerformanceCaveat: false });
  if (gl === null) return null;
  const lost = (): void => onLost();
  canvas.addEventListener('webglcontextlost', lost, { once: true });
  return {
    dispose() {
      canvas.removeEventListener('webglcontextlost', lost);
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    },
  };
}
