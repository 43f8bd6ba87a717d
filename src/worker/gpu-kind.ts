/**
 * What kind of GPU each GPU backend would run on, asked without initialising a backend: a real
 * adapter, a software one (SwiftShader, llvmpipe: 13–25× slower than WASM on a 2-core machine), or
 * none. Decides which backend answers first and which are worth measuring.
 */
import type { BackendName } from '../shared/protocol.js';

export type GpuKind = 'hardware' | 'software' | 'none';

export interface GpuKinds {
  webgpu: GpuKind;
  webgl: GpuKind;
}

interface GpuAdapterLike {
  readonly info?: { isFallbackAdapter?: boolean; architecture?: string; description?: string; vendor?: string };
  readonly isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<GpuAdapterLike | null>;
}

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

async function webGpuKind(): Promise<GpuKind> {
  const gpu = (globalThis.navigator as unknown as { gpu?: GpuLike } | undefined)?.gpu;
  const adapter = await gpu?.requestAdapter({ powerPreference: 'high-performance' });
  if (adapter === undefined || adapter === null) return 'none';
  const info = adapter.info;
  const text = `${info?.architecture ?? ''} ${info?.description ?? ''} ${info?.vendor ?? ''}`;
  return (info?.isFallbackAdapter ?? adapter.isFallbackAdapter) || SOFTWARE.test(text) ? 'software' : 'hardware';
}

function webGlKind(): GpuKind {
  if (typeof OffscreenCanvas === 'undefined') return 'none';
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2') ?? new OffscreenCanvas(1, 1).getContext('webgl');
  if (gl === null) return 'none';
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(debug?.UNMASKED_RENDERER_WEBGL ?? gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return SOFTWARE.test(renderer) ? 'software' : 'hardware';
}

export async function gpuKinds(): Promise<GpuKinds> {
  const [webgpu, webgl] = await Promise.all([webGpuKind().catch(() => 'none' as const), webGlKind()]);
  return { webgpu, webgl };
}

/**
 * The backend to answer with at once, and the others worth measuring afterwards: a real GPU
 * first (WebGPU, then WebGL), WASM otherwise. The JavaScript CPU backend is never measured (it
 * is slower than WASM wherever WASM runs) and software GPUs are never measured (their first run
 * compiles shaders for seconds); both stay in the fallback chain.
 */
export function answerFirst(kinds: GpuKinds): { first: BackendName; others: BackendName[] } {
  const fast = (['webgpu', 'webgl'] as const).filter((b) => kinds[b] === 'hardware');
  const [first = 'wasm', ...rest] = [...fast, 'wasm' as const];
  return { first, others: first === 'wasm' ? [] : [...rest] };
}
