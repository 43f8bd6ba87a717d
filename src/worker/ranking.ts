/** Ordering of measured backends; pure so Node tests cover it. */
import type { BackendName, BackendProbe } from '../shared/protocol.js';

/** Backends that worked, fastest first; software adapters after hardware ones. */
export function rankProbes(probes: readonly BackendProbe[]): BackendName[] {
  return probes
    .flatMap((p) => (p.ok ? [p] : []))
    .sort((a, b) => Number(a.software) - Number(b.software) || a.msPerFrame - b.msPerFrame)
    .map((p) => p.backend);
}
