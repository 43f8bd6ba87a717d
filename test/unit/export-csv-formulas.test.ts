import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/storage/csv';

/** What a spreadsheet would read as a formula once it trims the cell and folds full-width forms. */
const FORMULAS = [
  '=1+1',
  ' =1+1',
  '  =HYPERLINK("http://x")',
  '\t=1+1',
  '\u00a0=1+1',
  '\u3000=1+1',
  '\u2007=1+1',
  '\u202f=1+1',
  '\ufeff=1+1',
  '\r=1+1',
  '\n=1+1',
  '\uff1d1+1',
  ' \uff1d1+1',
  '\uff0bcmd',
  '\uff0dcmd',
  '\uff20SUM(A1)',
  '+1',
  '-1+2',
  '@SUM(A1)',
  '\u00a0\u00a0@SUM(A1)',
  " +cmd|'/c calc'!A0",
];

/** Text that only looks like it starts with a sign somewhere later, or starts with an ordinary letter. */
const PLAIN = ['talked about work', 'a = b', 'P-7K3F9Q', 'mood: +', '2026-01-01', 'ana@example.org'];

describe('CSV formula neutralisation', () => {
  it.each(FORMULAS)('defuses %j', (value) => {
    const cell = csvField(value);
    const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
    expect(unquoted.startsWith("'")).toBe(true);
    expect(unquoted.slice(1)).toBe(value);
  });

  it.each(PLAIN)('leaves %j as it is', (value) => {
    expect(csvField(value)).toBe(value);
  });

  it('leaves numbers alone, negative ones included', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(42)).toBe('42');
  });
});
