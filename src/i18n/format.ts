import { numberFormat } from '../shared/number-format.js';
import { getLocale } from './localization.js';

/** Intl.DurationFormat (Chromium 129+, ES2025) is missing from the ES2023 lib typings. */
interface DurationFormatLike {
  format(duration: { hours?: number; minutes?: number; seconds?: number }): string;
}
type DurationFormatConstructor = new (
  locale: string,
  options: { style: 'digital' | 'short'; hoursDisplay?: 'auto' | 'always' },
) => DurationFormatLike;

function durationFormat(style: 'digital' | 'short'): DurationFormatLike | null {
  const ctor = (Intl as unknown as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
  // hoursDisplay 'auto': "5:03" rather than "0:05:03" for sessions under an hour.
  return ctor ? new ctor(getLocale(), { style, hoursDisplay: 'auto' }) : null;
}

function parts(totalSeconds: number): { hours: number; minutes: number; seconds: number } {
  const s = Math.max(0, Math.round(totalSeconds));
  return { hours: Math.floor(s / 3600), minutes: Math.floor((s % 3600) / 60), seconds: s % 60 };
}

/** "1 h 5 min 3 s" style length of a session, in the active locale. */
export function formatDuration(totalSeconds: number): string {
  const p = parts(totalSeconds);
  const formatter = durationFormat('short');
  if (formatter) return formatter.format(p.hours ? p : { minutes: p.minutes, seconds: p.seconds });
  const unit = (value: number, u: string) =>
    numberFormat(getLocale(), { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  return [p.hours ? unit(p.hours, 'hour') : '', unit(p.minutes, 'minute'), unit(p.seconds, 'second')]
    .filter(Boolean)
    .join(' ');
}

/** "5:03" clock style for chart ticks, in the active locale's digits. */
export function formatClock(totalSeconds: number): string {
  const p = parts(totalSeconds);
  const formatter = durationFormat('digital');
  if (formatter) return formatter.format(p);
  const two = numberFormat(getLocale(), { minimumIntegerDigits: 2 });
  const one = numberFormat(getLocale());
  return p.hours
    ? `${one.format(p.hours)}:${two.format(p.minutes)}:${two.format(p.seconds)}`
    : `${one.format(p.minutes)}:${two.format(p.seconds)}`;
}

export function formatDateTime(ms: number): string {
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export function formatDate(ms: number): string {
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium' }).format(ms);
}

/** A calendar date (YYYY-MM-DD) shown as a date, without a time-zone shift. */
export function formatCalendarDate(isoDate: string): string {
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** 0–1 as a whole percentage. */
export function formatShare(fraction: number): string {
  return numberFormat(getLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

export function formatCount(value: number, locale: string = getLocale()): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A size or a time in one unit ('megabyte', 'millisecond'), in the app's locale. */
export function formatUnit(value: number, unit: 'megabyte' | 'millisecond', digits = 1): string {
  return numberFormat(getLocale(), { style: 'unit', unit, maximumFractionDigits: digits }).format(value);
}
