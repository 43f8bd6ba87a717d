import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, toCsv } from '../../src/storage/csv';
import { sampleExport } from '../support/sample-export';

describe('CSV export', () => {
  const file = sampleExport(5, 60);
  const lines = toCsv(file).trimEnd().split('\r\n');

  it('has a header and one row per recorded second', () => {
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + 2 * 60);
  });

  it('writes each second with English machine keys, dominant emotion and markers', () => {
    const session = file.patients[0]?.sessions[0];
    const header = CSV_COLUMNS as readonly string[];
    const row12 = lines[1 + 12]?.split(',') ?? [];
    expect(row12[header.indexOf('second')]).toBe('12');
    expect(row12[header.indexOf('markers')]).toBe('talked about work');
    expect(row12[header.indexOf('session_id')]).toBe(session?.id);
    expect(header).toContain('happy_pct');
  });

  it('leaves probability cells empty for a second without a usable face', () => {
    const empty = (file.patients[0]?.sessions[0]?.seconds ?? []).findIndex((r) => r.length === 1);
    const cells = lines[1 + empty]?.split(',') ?? [];
    expect(cells.slice(4, 4 + 10)).toEqual(['0', '', '', '', '', '', '', '', '', '']);
  });

  it.each([
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    [-3, '-3'],
  ])('quotes and defuses %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});
