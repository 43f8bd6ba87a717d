import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { exportFileSchema } from '../../src/shared/export-schema';
import { ImportError, parseExport } from '../../src/storage/import';
import { sampleExport } from '../support/sample-export';

describe('export schema v1', () => {
  it('accepts what the app exports', () => {
    const file = sampleExport();
    expect(parseExport(JSON.stringify(file))).toEqual(file);
  });

  it('outputs only known keys, so nothing unexpected reaches the database', () => {
    const output = v.parse(exportFileSchema, sampleExport());
    expect(Object.keys(output.patients[0] ?? {}).sort()).toEqual([
      'archived',
      'birthDate',
      'code',
      'createdAt',
      'id',
      'name',
      'notes',
      'sessions',
      'updatedAt',
    ]);
  });

  it('keeps seconds without a usable face as [0] and others as [usable, detector score, ...7 probabilities]', () => {
    const file = sampleExport(3, 120);
    const rows = file.patients[0]?.sessions[0]?.seconds ?? [];
    expect(rows.some((r) => r.length === 1)).toBe(true);
    expect(rows.every((r) => r.length === 1 || r.length === 9)).toBe(true);
  });

  it.each([
    ['a plain less-than sign', 'pain < yesterday', true],
    ['an HTML tag', 'pain <b>less</b>', false],
    ['a comment', 'x <!-- y -->', false],
  ])('notes with %s: accepted = %s', (_, notes, accepted) => {
    const file = sampleExport();
    const patient = file.patients[0];
    if (patient) patient.notes = notes;
    expect(v.safeParse(exportFileSchema, file).success).toBe(accepted);
  });

  it('refuses text that is not JSON with a typed error', () => {
    expect(() => parseExport('{"format":')).toThrow(ImportError);
  });
});
