/** Limits shared by the storage functions and the import schema, so both accept the same data. */
export const LIMITS = {
  code: 32,
  name: 120,
  notes: 10_000,
  markerLabel: 200,
} as const;

/** Looks like the start of an HTML/XML tag, a comment or a processing instruction. */
const MARKUP = /<[a-zA-Z!/?]/;
/** Control characters other than tab and newlines have no place in clinical text. */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

/** True for text that is safe to keep: no markup, no control characters. */
export function isPlainText(value: string): boolean {
  return !MARKUP.test(value) && !hasControlCharacter(value);
}

/** True for a single-line plain text (codes, names, marker labels). */
export function isPlainLine(value: string): boolean {
  return isPlainText(value) && !/[\r\n\t]/.test(value);
}

/** ISO calendar date that exists (rejects 2023-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Lower-case, accent-free form for search, so "jose" finds "José". */
export function searchKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('und');
}
