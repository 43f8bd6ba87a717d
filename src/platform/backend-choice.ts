import type { BackendChoiceRecord } from '../shared/protocol.js';

/** Where the measured backend choice is kept; null keeps nothing. */
export type ChoiceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;

export const BACKEND_CHOICE_KEY = 'resmo.inference.backend';

/** This device's localStorage, or null where there is none (Node, some private modes). */
export function deviceStorage(): ChoiceStorage {
  return typeof localStorage === 'undefined' ? null : localStorage;
}

/** The measured backend choice kept on this device, or null when there is none or it is malformed. */
export function readBackendChoice(storage: Pick<Storage, 'getItem'> | null): BackendChoiceRecord | null {
  try {
    const raw = storage?.getItem(BACKEND_CHOICE_KEY);
    const record = raw ? (JSON.parse(raw) as Partial<BackendChoiceRecord>) : null;
    const valid =
      typeof record?.fingerprint === 'string' && typeof record.backend === 'string' && Array.isArray(record.probes);
    return valid ? (record as BackendChoiceRecord) : null;
  } catch {
    return null;
  }
}

export function rememberBackendChoice(storage: ChoiceStorage, record: BackendChoiceRecord): void {
  try {
    storage?.setItem(BACKEND_CHOICE_KEY, JSON.stringify(record));
  } catch {
    // Private browsing or a full quota: the next session measures again.
  }
}

/** After a lost device: measure afresh next session rather than trust a device that just failed. */
export function forgetBackendChoice(storage: ChoiceStorage): void {
  storage?.removeItem(BACKEND_CHOICE_KEY);
}
