import { beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from 'fhir/r4';
import { buildBundle } from '../../src/fhir/bundle';
import { resmoCodeSystem } from '../../src/fhir/codes';
import type { FhirExportInput } from '../../src/fhir/types';
import { loadFhirDefinitions, validateFhir } from '../support/fhir-validator';
import { EHR_ID, emptyElements, fhirInput, unexplainedWarnings, withFaceGaps } from '../support/fhir-fixtures';

// Indexing the R4 profiles takes seconds, more on a loaded machine: not inside a test's 5 s.
beforeAll(loadFhirDefinitions, 120_000);

async function expectValid(input: FhirExportInput): Promise<Bundle> {
  const bundle = await buildBundle(input);
  const report = validateFhir(bundle);
  expect(report.errors).toEqual([]);
  expect(unexplainedWarnings(bundle, report)).toEqual([]);
  expect(emptyElements(bundle)).toEqual([]);
  return bundle;
}

const short = fhirInput(60);
const gaps = { ...short, sessions: [withFaceGaps(short.sessions[0]!)] };

describe('FHIR R4 validation (Medplum, base R4 profiles): 0 errors', () => {
  it('a 1-minute session, pseudonymous patient', async () => {
    await expectValid(short);
  });

  it('a 1-hour session', async () => {
    await expectValid(fhirInput(3600));
  });

  it('markers and seconds without a face', async () => {
    const bundle = await expectValid(gaps);
    expect(JSON.stringify(bundle)).toContain(' E ');
  });

  it('an identified patient with an EHR identifier, a clinician and a video call', async () => {
    const input = fhirInput(120, {
      includeIdentifying: true,
      patient: { ...short.patient, ehrIdentifier: EHR_ID },
      practitioner: { name: 'Dra. Ana López', identifier: { system: 'urn:oid:2.16.484.101.1', value: '1234567' } },
    });
    await expectValid({ ...input, sessions: [{ ...input.sessions[0]!, source: 'video-call' }] });
  });

  it('an interrupted session, a session with no face at all, and all sessions of a patient', async () => {
    const input = fhirInput(40);
    const empty = { ...input.sessions[0]!, id: 'f0e1d2c3-b4a5-4968-8776-655443322110', endedAt: null, markers: [] };
    const noFace = { ...empty, seconds: empty.seconds.map(() => [0] as [0]) };
    await expectValid({ ...input, sessions: [...input.sessions, noFace] });
  });

  it('the Consent a recorded consent will add (issue 20)', async () => {
    const bundle = await expectValid({
      ...short,
      consent: { id: 'c-1', dateTime: '2026-11-02T09:29:00.000Z', text: 'I agree to…', withdrawn: false },
    });
    expect(bundle.entry?.map((e) => e.resource?.resourceType)).toContain('Consent');
  });

  it('the published CodeSystem', () => {
    expect(validateFhir(resmoCodeSystem())).toEqual({ errors: [], warnings: [] });
  });
});

describe('the validator', () => {
  it('reports errors in a broken Bundle, so the checks above can fail', async () => {
    const bundle = structuredClone(await buildBundle(short)) as Bundle & { entry: { resource: object }[] };
    Object.assign(bundle.entry[0]!.resource, { birthDate: '17/05/1984' });
    delete (bundle.entry[2]!.resource as { status?: string }).status;
    const { errors } = validateFhir(bundle);
    expect(errors).toHaveLength(2);
    expect(errors.join('\n')).toMatch(/birthDate[\s\S]*status/);
  });
});
