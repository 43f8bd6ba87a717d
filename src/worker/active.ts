/** The backend the worker runs on: its pipeline, warmed up, with a guard and a loss check. */
import type { BackendName } from '../shared/protocol.js';
import type { ModelArtifactsSet } from './artifacts.js';
import { syntheticFrame } from './decode.js';
import { FrameGuard } from './frame-guard.js';
import type { BackendPlatform } from './measure.js';
import { FacePipeline } from './pipeline.js';
import { message } from './error-message.js';

export interface ActiveBackend {
  backend: BackendName;
  pipeline: FacePipeline;
  isLost: () => boolean;
  guard: FrameGuard;
}

/** Initialises `backend`, builds the pipeline on it and warms it up; returns why it failed instead. */
export async function startBackend(
  platform: BackendPlatform,
  artifacts: ModelArtifactsSet,
  backend: BackendName,
  onLost: (reason: string, guard: FrameGuard) => void,
): Promise<ActiveBackend | string> {
  let pipeline: FacePipeline | null = null;
  try {
    await platform.activateBackend(backend);
    pipeline = await FacePipeline.create(artifacts);
    const warmUpMs = await pipeline.timeOneFace(syntheticFrame());
    const background = backend === 'wasm' ? platform.backgroundDetector?.(artifacts) : null;
    if (background) pipeline.setBackground(background);
    const guard = new FrameGuard(backend === 'webgl' || backend === 'webgpu', warmUpMs);
    const isLost = platform.watchDeviceLoss(backend, (reason) => onLost(reason, guard));
    return { backend, pipeline, isLost, guard };
  } catch (e) {
    pipeline?.dispose();
    return message(e);
  }
}
