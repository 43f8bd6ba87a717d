import type { BackendName, ProgressMessage } from '../shared/protocol.js';

/** The engines the worker measures on a first visit, in its order (src/worker/backends.ts). */
const MEASURED: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/**
 * How far the preparation of the analysis is, from 0 to 1, from the worker's last progress
 * message: loading the models, then measuring each engine (the long part of a first visit),
 * then warming up the chosen one.
 */
export function preparedShare(progress: ProgressMessage | null): number {
  if (progress === null) return 0;
  switch (progress.stage) {
    case 'loading-models':
      return 0.05;
    case 'probing': {
      const index = progress.backend ? MEASURED.indexOf(progress.backend) : 0;
      return 0.1 + (0.75 * Math.max(0, index)) / MEASURED.length;
    }
    case 'warming-up':
      return 0.9;
  }
}

/** A first visit to this device measured for about this long on a machine without a GPU. */
export const TYPICAL_FIRST_PREPARATION_S = 12;

/**
 * Seconds left, from the share done and the time it took so far; the typical first visit's
 * length until there is enough to go on. Never below one second while not done.
 */
export function secondsLeft(share: number, elapsedMs: number): number {
  if (share >= 1) return 0;
  if (share < 0.1 || elapsedMs < 1000) return Math.max(1, Math.round(TYPICAL_FIRST_PREPARATION_S * (1 - share)));
  const total = elapsedMs / share;
  return Math.max(1, Math.round((total - elapsedMs) / 1000));
}
