/** Backend set-up for the worker: registration, WASM paths, GPU adapter checks, device loss. */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import type { BackendName } from '../shared/protocol.js';

/** The user's expected order, used to break ties and as the fallback chain. */
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

interface GpuAdapterLike {
  readonly info?: { isFallbackAdapter?: boolean; architecture?: string; description?: string; vendor?: string };
  readonly isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<GpuAdapterLike | null>;
}
interface DeviceLostInfo {
  message: string;
}
interface WebGpuBackendLike {
  device?: { lost?: Promise<DeviceLostInfo> };
}
interface WebGlBackendLike {
  gpgpu?: { gl?: { isContextLost(): boolean; canvas?: EventTarget } };
}

/**
 * Flags and paths, set once before any backend initialises. The threaded WASM build is never
 * used: it needs a cross-origin-isolated page and a pthread worker script we do not ship, and in
 * such a page tfjs would pick it and crash the worker. Idempotent.
 */
export function configureBackends(): void {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  // Lets WebGL run on software rasterisers too; the measurement, not a flag, decides if it is used.
  tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  // tfjs insists on an entry for every binary; the threaded one is never fetched with the flag off,
  // so it points at the SIMD build rather than shipping a third file.
  setWasmPaths({
    'tfjs-backend-wasm.wasm': plainWasmUrl,
    'tfjs-backend-wasm-simd.wasm': simdWasmUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': simdWasmUrl,
  });
}

/** True when WebGPU would run on a software or fallback adapter (e.g. SwiftShader). */
export async function isSoftwareWebGpu(): Promise<boolean> {
  const gpu = (navigator as unknown as { gpu?: GpuLike }).gpu;
  if (gpu === undefined) return false;
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (adapter === null) return false;
  const info = adapter.info;
  const text = `${info?.architecture ?? ''} ${info?.description ?? ''} ${info?.vendor ?? ''}`.toLowerCase();
  return Boolean(info?.isFallbackAdapter ?? adapter.isFallbackAdapter) || text.includes('swiftshader');
}

/** Switches tfjs to `name`; throws if it cannot initialise here. */
export async function activateBackend(name: BackendName): Promise<void> {
  configureBackends();
  const ok = await tf.setBackend(name);
  await tf.ready();
  if (!ok || tf.getBackend() !== name) throw new Error(`tfjs could not initialise the ${name} backend`);
}

export function removeBackend(name: BackendName): void {
  if (tf.findBackend(name) !== null) tf.removeBackend(name);
}

/**
 * Calls `onLost` once if the active GPU backend loses its device or context. Returns a check that
 * also reports loss synchronously (WebGL contexts can be lost without an event reaching us first).
 */
export function watchDeviceLoss(name: BackendName, onLost: (message: string) => void): () => boolean {
  if (name === 'webgpu') {
    let lost = false;
    const backend = tf.backend() as unknown as WebGpuBackendLike;
    void backend.device?.lost?.then((info) => {
      lost = true;
      onLost(info.message || 'WebGPU device lost');
    });
    return () => lost;
  }
  if (name === 'webgl') {
    const gl = (tf.backend() as unknown as WebGlBackendLike).gpgpu?.gl;
    let reported = false;
    gl?.canvas?.addEventListener('webglcontextlost', () => {
      if (!reported) onLost('WebGL context lost');
      reported = true;
    });
    return () => gl?.isContextLost() ?? false;
  }
  return () => false;
}
