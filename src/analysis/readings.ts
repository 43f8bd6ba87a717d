/** One recorded second as the analysis sees it: probabilities 0–1 in EMOTION_LABELS order, or null without a usable face. */
export type Reading = readonly number[] | null;

/** Mean of the non-null readings, or null when there are none. */
export function meanReading(readings: readonly Reading[], from = 0, to = readings.length): number[] | null {
  let sum: number[] | null = null;
  let count = 0;
  for (let i = Math.max(0, from); i < Math.min(to, readings.length); i++) {
    const r = readings[i];
    if (!r) continue;
    sum ??= r.map(() => 0);
    r.forEach((p, k) => ((sum as number[])[k] = ((sum as number[])[k] ?? 0) + p));
    count++;
  }
  return sum && sum.map((s) => s / count);
}

/** How many readings in [from, to) had a usable face. */
export function usableCount(readings: readonly Reading[], from = 0, to = readings.length): number {
  let count = 0;
  for (let i = Math.max(0, from); i < Math.min(to, readings.length); i++) if (readings[i]) count++;
  return count;
}
