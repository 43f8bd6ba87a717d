import type { ProgressMessage } from '../shared/protocol.js';

/**
 * How far the preparation of the analysis is, from 0 to 1, from the worker's last progress
 * message: downloading the models (the long part of a first visit on a slow connection), then
 * warming up the engine. The engines are measured after the first reading, not here.
 */
export function preparedShare(progress: ProgressMessage | null): number {
  if (progress === null) return 0;
  switch (progress.stage) {
    case 'loading-models':
      return 0.05 + 0.8 * (progress.fraction ?? 0);
    case 'warming-up':
      return 0.9;
  }
}

/** A first visit on a slow connection (about 1 MB at 1 Mbit/s) prepares for about this long. */
export const TYPICAL_FIRST_PREPARATION_S = 8;

/** Still downloading the models after this long: a slow first visit, worth a progress bar. */
export const SHOW_PROGRESS_AFTER_MS = 600;

/** True while the worker says the model files are still arriving. */
export function downloading(progress: ProgressMessage | null): boolean {
  return progress?.stage === 'loading-models' && progress.fraction !== undefined && progress.fraction < 1;
}

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
