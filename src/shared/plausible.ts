/**
 * Sense checks for dates in patient records, beyond "is it a date": what the app itself could
 * have written. Used by the import schema and the patient form, so both accept the same data.
 */
import { MAX_SESSION_SPAN_MS } from './session-limits.js';

/** Oldest birth date accepted, in years before today. */
export const MAX_AGE_YEARS = 130;
/** Clocks of two devices disagree, and time zones shift calendar dates: a day of slack. */
const CLOCK_SLACK_MS = 24 * 60 * 60 * 1000;
/** Nothing the app wrote can be older than the app: earlier timestamps are a broken clock or a forgery. */
export const EARLIEST_RECORD_MS = Date.UTC(2020, 0, 1);

/** A YYYY-MM-DD birth date not after today and at most MAX_AGE_YEARS back. */
export function isPlausibleBirthDate(isoDate: string, now = Date.now()): boolean {
  const born = Date.parse(`${isoDate}T00:00:00Z`);
  const today = new Date(now + CLOCK_SLACK_MS);
  const oldest = Date.UTC(today.getUTCFullYear() - MAX_AGE_YEARS, today.getUTCMonth(), today.getUTCDate());
  return Number.isFinite(born) && born <= today.getTime() && born >= oldest - CLOCK_SLACK_MS;
}

/** A record timestamp (epoch ms) between the app's first release and now. */
export function isPlausibleTimestamp(ms: number, now = Date.now()): boolean {
  return ms >= EARLIEST_RECORD_MS && ms <= now + CLOCK_SLACK_MS;
}

/** A session's wall-clock length: not negative, not longer than the recorder allows. */
export function isPlausibleSpan(startedAt: number, endedAt: number | null): boolean {
  return endedAt === null || (endedAt >= startedAt && endedAt - startedAt <= MAX_SESSION_SPAN_MS);
}
