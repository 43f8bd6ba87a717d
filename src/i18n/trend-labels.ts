import { formatDate } from './format.js';
import { getLocale } from './localization.js';

/**
 * One distinct label per session: its date, with the time when another session shares the date
 * (two lines), so no two labels read the same.
 */
export function sessionLabels(startedAt: readonly number[]): string[] {
  const dates = startedAt.map((t) => formatDate(t));
  const time = new Intl.DateTimeFormat(getLocale(), { timeStyle: 'short' });
  return dates.map((d, i) =>
    dates.indexOf(d) !== dates.lastIndexOf(d) ? `${d}\n${time.format(startedAt[i] ?? 0)}` : d,
  );
}

/** Shows every k-th label so labels about `labelPx` wide never overlap in `widthPx`. */
export function labelEvery(count: number, widthPx: number, labelPx: number): number {
  return Math.max(1, Math.ceil((count * labelPx) / Math.max(1, widthPx)));
}
