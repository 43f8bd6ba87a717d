/** Where the worker reads each face together with its mirror image (ResmoNet run on a batch of two). */
import type { BackendName } from '../shared/protocol.js';

/**
 * The backends on which the classify stage with mirror averaging stays within a camera frame
 * (33 ms at 30 frames per second) on a 2-core machine without a GPU; `npm run bench:mirror`
 * measures it (docs/models.md). The JavaScript kernels (cpu), the last fallback of weak devices,
 * do not: there the clinician keeps the plain reading.
 */
export const MIRROR_BACKENDS: ReadonlySet<BackendName> = new Set<BackendName>(['webgpu', 'webgl', 'wasm']);

/** Whether frames on `backend` are mirror-averaged, when the clinician allows it (`allowed`). */
export function mirrorsOn(backend: BackendName, allowed: boolean): boolean {
  return allowed && MIRROR_BACKENDS.has(backend);
}
