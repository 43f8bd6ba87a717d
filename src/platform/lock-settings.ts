/** How long the app may sit idle before it locks; a per-device choice, so localStorage is enough. */
export const IDLE_MINUTES = { min: 1, max: 60, default: 10 } as const;
/** A tab hidden this long locks too (someone walked away from a shared device). */
export const HIDDEN_LOCK_MS = 2 * 60_000;

const KEY = 'resmo.lock';

export function loadIdleMinutes(storage: Pick<Storage, 'getItem'> = localStorage): number {
  try {
    const saved = (JSON.parse(storage.getItem(KEY) ?? '{}') as { idleMinutes?: unknown }).idleMinutes;
    if (typeof saved === 'number' && Number.isInteger(saved) && saved >= IDLE_MINUTES.min && saved <= IDLE_MINUTES.max)
      return saved;
  } catch {
    // A malformed entry falls back to the default.
  }
  return IDLE_MINUTES.default;
}

export function saveIdleMinutes(minutes: number, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(KEY, JSON.stringify({ idleMinutes: minutes }));
  window.dispatchEvent(new Event('resmo-lock-settings'));
}
