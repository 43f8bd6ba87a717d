import type { BackendPreference } from '../shared/protocol.js';
import { DEFAULT_SMOOTHING, type Smoothing } from '../live/emotion-smoother.js';

/** Per-device choices from the settings screen. They are not patient data, so localStorage is enough. */
export interface Preferences {
  smoothing: Smoothing;
  backend: BackendPreference;
  cameraHeight: number;
  maxFaces: number;
  /** Mirror averaging allowed (each face read with its mirror image); the worker uses it where it fits. */
  mirror: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = {
  smoothing: DEFAULT_SMOOTHING,
  backend: 'auto',
  cameraHeight: 480,
  maxFaces: 4,
  mirror: true,
};

const KEY = 'resmo.preferences';
const BACKENDS: readonly string[] = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'];

/** Reads the saved preferences, keeping the default for anything missing or malformed. */
export function loadPreferences(storage: Pick<Storage, 'getItem'> = localStorage): Preferences {
  let saved: Partial<Record<keyof Preferences, unknown>> = {};
  try {
    saved = JSON.parse(storage.getItem(KEY) ?? '{}') as typeof saved;
  } catch {
    saved = {};
  }
  return {
    smoothing: isSmoothing(saved.smoothing) ? saved.smoothing : DEFAULT_PREFERENCES.smoothing,
    backend:
      typeof saved.backend === 'string' && BACKENDS.includes(saved.backend)
        ? (saved.backend as BackendPreference)
        : 'auto',
    cameraHeight: inRange(saved.cameraHeight, 240, 2160) ?? DEFAULT_PREFERENCES.cameraHeight,
    maxFaces: inRange(saved.maxFaces, 1, 8) ?? DEFAULT_PREFERENCES.maxFaces,
    mirror: typeof saved.mirror === 'boolean' ? saved.mirror : DEFAULT_PREFERENCES.mirror,
  };
}

export function savePreferences(prefs: Preferences, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(KEY, JSON.stringify(prefs));
  window.dispatchEvent(new Event('resmo-preferences'));
}

function inRange(value: unknown, min: number, max: number): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

function isSmoothing(value: unknown): value is Smoothing {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return false;
  const v = value as Record<string, unknown>;
  switch (v.kind) {
    case 'off':
      return true;
    case 'exponential':
      return inRange(v.halfLifeMs, 50, 10_000) !== null;
    case 'window':
      return inRange(v.windowMs, 100, 30_000) !== null;
    default:
      return false;
  }
}

declare global {
  interface WindowEventMap {
    'resmo-preferences': Event;
  }
}
