/** Backend set-up for the worker: registration, WASM paths, GPU adapter checks, device loss. */
import * as tf from './tf.js';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import type { BackendName } from '../shared/protocol.js';

/** The user's expected order, used to break ties and as the fallback chain. */
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

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
  // tfjs insists on an entry for every binary; the threaded one is never fetched with the flag off,
  // so it points at the SIMD build rather than shipping a third file.
  setWasmPaths({
    'tfjs-backend-wasm.wasm': plainWasmUrl,
    'tfjs-backend-wasm-simd.wasm': simdWasmUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': simdWasmUrl,
  });
}

/**
 * Registers a backend other than WASM on first use: each is a chunk of its own, fetched (and then
 * kept by the service worker) only on a device that uses it.
 */
async function loadBackend(name: BackendName): Promise<void> {
  if (tf.findBackendFactory(name) !== null) return;
  if (name === 'webgl') {
    await import('@tensorflow/tfjs-backend-webgl');
    // Lets WebGL run on software rasterisers too, as a last resort in the fallback chain.
    tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  } else if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  else if (name === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
}

/** Switches tfjs to `name`, loading its code first if needed; throws if it cannot initialise here. */
export async function activateBackend(name: BackendName): Promise<void> {
  configureBackends();
  await loadBackend(name);
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
