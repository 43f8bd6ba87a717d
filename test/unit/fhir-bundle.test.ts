import { describe, expect, it } from 'vitest';
import type { Bundle, Encounter, Observation } from 'fhir/r4';
import { buildBundle, serializeBundle } from '../../src/fhir/bundle';
import { uuidV5 } from '../../src/fhir/ids';
import { EHR_ID, SOFTWARE, fhirInput } from '../support/fhir-fixtures';
import { sampleExport } from '../support/sample-export';
import { fromExport } from '../../src/fhir/from-export';

const resources = (bundle: Bundle) => (bundle.entry ?? []).map((e) => e.resource!);
const ofType = <T>(bundle: Bundle, type: string) => resources(bundle).filter((r) => r.resourceType === type) as T[];

describe('FHIR Bundle', () => {
  it('UUID v5 matches the RFC 9562 test vector', async () => {
    expect(await uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('re-exporting the same session gives the same ids; another session gets other ids', async () => {
    const input = fhirInput(20);
    const later = { ...input, exportedAt: '2027-01-01T00:00:00.000Z' };
    const urls = (b: Bundle) => b.entry!.map((e) => e.fullUrl);
    const [a, b] = [await buildBundle(input), await buildBundle(later)];
    expect(urls(b)).toEqual(urls(a));
    expect({ ...b, timestamp: a.timestamp }).toEqual(a);
    const other = await buildBundle({
      ...input,
      sessions: [{ ...input.sessions[0]!, id: '9f304152-6c7d-4e8f-8091-b2c3d4e5f607' }],
    });
    expect(urls(other).slice(2)).not.toEqual(urls(a).slice(2));
    expect(urls(other).slice(0, 2)).toEqual(urls(a).slice(0, 2));
    expect(new Set(urls(a)).size).toBe(urls(a).length);
    for (const url of urls(a))
      expect(url).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('a pseudonymous Bundle holds neither name nor birth date; an identified one both', async () => {
    const input = fhirInput(20, { patient: { ...fhirInput(1).patient, ehrIdentifier: EHR_ID } });
    const plain = serializeBundle(await buildBundle(input));
    expect(plain).not.toContain('Núñez');
    expect(plain).not.toContain('1984');
    expect(plain).toContain(EHR_ID.value);
    const identified = serializeBundle(await buildBundle({ ...input, includeIdentifying: true }));
    expect(identified).toContain('"name":[{"text":"María José Núñez"}]');
    expect(identified).toContain('"birthDate":"1984-05-17"');
  });

  it('the patient is created once per EHR number, or per Resmo code without one', async () => {
    const pseudonymous = await buildBundle(fhirInput(5));
    expect(pseudonymous.entry![0]!.request).toEqual({
      method: 'POST',
      url: 'Patient',
      ifNoneExist: 'identifier=https%3A%2F%2Fresmo.app%2Ffhir%2Fsid%2Fpatient-code|P-7K3F9Q',
    });
    const matched = await buildBundle(fhirInput(5, { patient: { ...fhirInput(1).patient, ehrIdentifier: EHR_ID } }));
    expect(matched.entry![0]!.request?.ifNoneExist).toBe(`identifier=${encodeURIComponent(EHR_ID.system)}|MRN-004217`);
  });

  it('in person by default, virtual for a video call; a clinician only when entered', async () => {
    const input = fhirInput(5);
    const inPerson = await buildBundle(input);
    expect(ofType<Encounter>(inPerson, 'Encounter')[0]!.class.code).toBe('AMB');
    expect(ofType(inPerson, 'Practitioner')).toEqual([]);
    const video = await buildBundle({
      ...input,
      practitioner: { name: 'Dra. Ana López' },
      sessions: [{ ...input.sessions[0]!, source: 'video-call' }],
    });
    expect(ofType<Encounter>(video, 'Encounter')[0]!.class.code).toBe('VR');
    expect(ofType(video, 'Practitioner')).toHaveLength(1);
  });

  it('the timeline: seven components at 1 Hz, AI label, SNOMED coding, disclaimer', async () => {
    const bundle = await buildBundle(fhirInput(3));
    const [timeline, summary] = ofType<Observation>(bundle, 'Observation');
    expect(timeline!.component).toHaveLength(7);
    expect(timeline!.component![0]!.valueSampledData).toMatchObject({ period: 1000, factor: 0.01, dimensions: 1 });
    for (const obs of [timeline!, summary!]) {
      expect(obs.meta?.security?.[0]?.code).toBe('AIAST');
      expect(obs.code.coding?.map((c) => c.code)).toContain('248148002');
      expect(obs.note?.[0]?.text).toBe('Automated estimate of facial expression, not a diagnosis.');
    }
  });
});

describe("from Resmo's own export", () => {
  it('takes the patient and every session, and a session source when the record has one', () => {
    const file = sampleExport(3, 20);
    const [patient] = file.patients;
    const sessions = patient!.sessions.map((s, i) => (i === 0 ? { ...s, source: 'video-call' as const } : s));
    const input = fromExport(
      { ...file, patients: [{ ...patient!, sessions }] },
      { includeIdentifying: false, software: SOFTWARE },
    );
    expect(input.patient.code).toBe('P-7K3F9Q');
    expect(input.sessions.map((s) => s.source)).toEqual(['video-call', 'camera']);
    expect(input.exportedAt).toBe(file.exportedAt);
  });
});
