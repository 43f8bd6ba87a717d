/** Backend measurement: a short warm-up of the real pipeline, timed, per backend. */
import type { BackendName, BackendProbe } from '../shared/protocol.js';
import type { ModelArtifactsSet } from './artifacts.js';
import { activateBackend, watchDeviceLoss } from './backends.js';
import { gpuKinds, type GpuKinds } from './gpu-kind.js';
import { syntheticFrame } from './decode.js';
import { FacePipeline } from './pipeline.js';
import { DetectorLink, type BackgroundDetector } from './detector-link.js';

const PROBE_RUNS = 3;

/** The backend hooks the worker uses; tests replace them, e.g. to stage a lost GPU. */
export interface BackendPlatform {
  activateBackend: typeof activateBackend;
  watchDeviceLoss: typeof watchDeviceLoss;
  gpuKinds: typeof gpuKinds;
  /** A second worker for the box refreshes of a settled scene, on backends that run on the CPU. */
  backgroundDetector?: (artifacts: ModelArtifactsSet) => BackgroundDetector | null;
}

export const browserPlatform: BackendPlatform = {
  activateBackend,
  watchDeviceLoss,
  gpuKinds,
  backgroundDetector: (artifacts) => (typeof Worker === 'undefined' ? null : new DetectorLink(artifacts.detector)),
};

import { message } from './error-message.js';

/**
 * One untimed run (shader compilation, weight upload), then the median of a few timed ones; a
 * backend whose first timed run is over `abandonAbove` ms is not timed further.
 */
async function probe(
  artifacts: ModelArtifactsSet,
  platform: BackendPlatform,
  backend: BackendName,
  software: boolean,
  abandonAbove = Infinity,
): Promise<BackendProbe> {
  let pipeline: FacePipeline | null = null;
  try {
    await platform.activateBackend(backend);
    pipeline = await FacePipeline.create(artifacts);
    const frame = syntheticFrame();
    await pipeline.timeOneFace(frame);
    const times: number[] = [];
    do times.push(await pipeline.timeOneFace(frame));
    while (times.length < PROBE_RUNS && (times[0] ?? 0) < abandonAbove);
    times.sort((a, b) => a - b);
    return { backend, ok: true, msPerFrame: times[Math.floor(times.length / 2)] ?? Infinity, software };
  } catch (e) {
    return { backend, ok: false, error: { code: 'backend-unavailable', backend, message: message(e) } };
  } finally {
    pipeline?.dispose();
  }
}

/**
 * After answering on `active`, measures `others` against it: the active pipeline timed again, then
 * each other backend, abandoned after one timed run that is 1.5× slower. Leaves tfjs on the active
 * backend. Software GPUs and the CPU backend are listed as not measured.
 */
export async function measureAfter(
  artifacts: ModelArtifactsSet,
  platform: BackendPlatform,
  active: { backend: BackendName; pipeline: FacePipeline },
  others: readonly BackendName[],
  kinds: GpuKinds,
): Promise<BackendProbe[]> {
  const frame = syntheticFrame();
  const times: number[] = [];
  // With nothing to compare, one run records its speed without holding up the live view long.
  const runs = others.length === 0 ? 1 : PROBE_RUNS;
  for (let i = 0; i < runs; i++) times.push(await active.pipeline.timeOneFace(frame));
  times.sort((a, b) => a - b);
  const own = times[Math.floor(times.length / 2)] ?? Infinity;
  const software = active.backend !== 'wasm' && active.backend !== 'cpu' && kinds[active.backend] === 'software';
  const probes: BackendProbe[] = [{ backend: active.backend, ok: true, msPerFrame: own, software }];
  try {
    for (const backend of others) probes.push(await probe(artifacts, platform, backend, false, 1.5 * own));
  } finally {
    await platform.activateBackend(active.backend);
  }
  const notMeasured = (backend: BackendName, why: string): BackendProbe => ({
    backend,
    ok: false,
    error: { code: 'backend-unavailable', backend, message: why },
  });
  for (const backend of ['webgpu', 'webgl'] as const) {
    if (kinds[backend] === 'software' && backend !== active.backend)
      probes.push(notMeasured(backend, 'software adapter: last resort, not measured'));
  }
  if (active.backend !== 'cpu') probes.push(notMeasured('cpu', 'slower than WASM: last resort, not measured'));
  return probes;
}
