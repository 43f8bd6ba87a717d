import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../../src/fhir/bundle';
import { resmoCodeSystem } from '../../src/fhir/codes';
import type { FhirExportInput } from '../../src/fhir/types';
import { loadFhirDefinitions, validateFhir } from '../support/fhir-validator';
import { unexplainedWarnings } from '../support/fhir-fixtures';

// Indexing the R4 profiles takes seconds, more on a loaded machine: not inside a test's 5 s.
beforeAll(loadFhirDefinitions, 120_000);

/** A five-second session: a face, a second without one, a marker. docs/fhir.md shows its Bundle. */
export const EXAMPLE: FhirExportInput = {
  patient: {
    id: '3f6c1e2a-9b7d-4e5f-8a1b-2c3d4e5f6a7b',
    code: 'P-7K3F9Q',
    name: 'María José Núñez',
    birthDate: '1984-05-17',
    notes: '',
    archived: false,
    createdAt: '2026-11-01T09:30:00.000Z',
    updatedAt: '2026-11-01T09:30:00.000Z',
    ehrIdentifier: { system: 'urn:oid:2.16.840.1.113883.3.9999.1', value: 'MRN-004217' },
  },
  sessions: [
    {
      id: '9c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
      startedAt: '2026-11-02T09:30:00.000Z',
      endedAt: '2026-11-02T09:30:05.000Z',
      updatedAt: '2026-11-02T09:30:05.000Z',
      notes: '',
      markers: [{ id: 'e2f0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b', t: 2300, label: 'talked about work' }],
      seconds: [
        [100, 82, 0, 0, 1, 45, 3, 2, 49],
        [100, 80, 0, 0, 1, 52, 3, 2, 42],
        [0],
        [60, null, 2, 0, 0, 8, 70, 0, 20],
        [100, 85, 1, 0, 2, 10, 61, 1, 25],
      ],
    },
  ],
  software: { appVersion: '0.1.0', modelName: 'ResmoNet', modelVersion: '1.7.0' },
  includeIdentifying: false,
  practitioner: { name: 'Dra. Ana López', identifier: { system: 'urn:oid:2.16.484.101.1', value: '1234567' } },
  exportedAt: '2026-11-02T10:00:00.000Z',
};

const EXAMPLE_FILE = 'docs/fhir/example-bundle.json';
const CODE_SYSTEM_FILE = 'docs/fhir/codesystem-resmo-facial-expression.json';
const pretty = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The documents are written from the code with UPDATE_FHIR_DOCS=1 and checked against it otherwise. */
function matches(file: string, text: string): void {
  if (process.env.UPDATE_FHIR_DOCS) writeFileSync(file, text);
  expect(readFileSync(file, 'utf8')).toBe(text);
}

describe('docs/fhir/ shows what the code exports', () => {
  it('the example Bundle, valid', async () => {
    const bundle = await buildBundle(EXAMPLE);
    const report = validateFhir(bundle);
    expect(report.errors).toEqual([]);
    expect(unexplainedWarnings(bundle, report)).toEqual([]);
    matches(EXAMPLE_FILE, pretty(bundle));
  });

  it('the CodeSystem', () => {
    matches(CODE_SYSTEM_FILE, pretty(resmoCodeSystem()));
  });
});
