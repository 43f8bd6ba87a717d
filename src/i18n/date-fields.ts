import { isCalendarDate } from '../shared/text-rules.js';

export type DateField = 'day' | 'month' | 'year';

/** The order in which the locale writes a date, from Intl (es-MX: day month year; en: month day year). */
export function dateFieldOrder(locale: string): DateField[] {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short' })
    .formatToParts(new Date(Date.UTC(2001, 10, 22)))
    .map((part) => part.type)
    .filter((type): type is DateField => type === 'day' || type === 'month' || type === 'year');
}

/** The twelve month names in the locale, January first. */
export function monthNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => format.format(new Date(Date.UTC(2001, i, 15))));
}

/** YYYY-MM-DD for a date that exists, else null. */
export function toIsoDate(parts: { day: string; month: string; year: string }): string | null {
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d{4}$/.test(parts.year)) return null;
  const iso = `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

/** Today on this device's calendar (not UTC's), as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
