/** A 0–1 value as the integer percent that the live timeline, storage and exports all keep. */
export function toPercent(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 100);
}
