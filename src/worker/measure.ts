/** Backend choice by measurement: every backend runs a short warm-up of the real pipeline. */
import type { BackendName, BackendProbe } from '../shared/protocol.js';
import type { ModelArtifactsSet } from './artifacts.js';
import { activateBackend, BACKEND_ORDER, isSoftwareWebGpu, watchDeviceLoss } from './backends.js';
import { syntheticFrame } from './decode.js';
import { FacePipeline } from './pipeline.js';

const PROBE_RUNS = 3;

/** The backend hooks the worker uses; tests replace them, e.g. to stage a lost GPU. */
export interface BackendPlatform {
  activateBackend: typeof activateBackend;
  watchDeviceLoss: typeof watchDeviceLoss;
  isSoftwareWebGpu: typeof isSoftwareWebGpu;
}

export const browserPlatform: BackendPlatform = { activateBackend, watchDeviceLoss, isSoftwareWebGpu };

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * One untimed run (shader compilation, weight upload), then the median of a few timed ones; a
 * backend already 3× slower than `best` on its first timed run is not timed further.
 */
async function probe(
  artifacts: ModelArtifactsSet,
  platform: BackendPlatform,
  backend: BackendName,
  software: boolean,
  best = Infinity,
): Promise<BackendProbe> {
  let pipeline: FacePipeline | null = null;
  try {
    await platform.activateBackend(backend);
    pipeline = await FacePipeline.create(artifacts);
    const frame = syntheticFrame();
    await pipeline.timeOneFace(frame);
    const times: number[] = [];
    do times.push(await pipeline.timeOneFace(frame));
    while (times.length < PROBE_RUNS && (times[0] ?? 0) < 3 * best);
    times.sort((a, b) => a - b);
    return { backend, ok: true, msPerFrame: times[Math.floor(times.length / 2)] ?? Infinity, software };
  } catch (e) {
    return { backend, ok: false, error: { code: 'backend-unavailable', backend, message: message(e) } };
  } finally {
    pipeline?.dispose();
  }
}

/** Measures every backend; a software WebGPU adapter only when nothing else works. */
export async function measureBackends(
  artifacts: ModelArtifactsSet,
  platform: BackendPlatform,
  onProbe: (backend: BackendName) => void,
): Promise<BackendProbe[]> {
  const softwareGpu = await platform.isSoftwareWebGpu().catch(() => false);
  const probes: BackendProbe[] = [];
  // WASM first: it works nearly everywhere, and its time lets slow backends stop early.
  for (const backend of ['wasm', ...BACKEND_ORDER.filter((b) => b !== 'wasm')] as const) {
    if (backend === 'webgpu' && softwareGpu) continue;
    onProbe(backend);
    const best = Math.min(...probes.map((p) => (p.ok ? p.msPerFrame : Infinity)));
    probes.push(await probe(artifacts, platform, backend, false, best));
  }
  if (!softwareGpu) return probes;
  if (probes.some((p) => p.ok)) {
    const error = {
      code: 'backend-unavailable',
      backend: 'webgpu',
      message: 'software adapter: last resort, not needed',
    } as const;
    return [{ backend: 'webgpu', ok: false, error }, ...probes];
  }
  onProbe('webgpu');
  return [await probe(artifacts, platform, 'webgpu', true), ...probes];
}
