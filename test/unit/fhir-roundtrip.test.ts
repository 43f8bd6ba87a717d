import { describe, expect, it } from 'vitest';
import type { Bundle } from 'fhir/r4';
import { buildBundle, serializeBundle } from '../../src/fhir/bundle';
import { parseBundle } from '../../src/fhir/parse';
import { probabilitiesOf, summarize } from '../../src/fhir/timeline';
import type { FhirSessionInput } from '../../src/fhir/types';
import { EHR_ID, fhirInput, withFaceGaps } from '../support/fhir-fixtures';

/** Through text, as an EHR would receive it. */
async function roundTrip(...args: Parameters<typeof buildBundle>) {
  return parseBundle(JSON.parse(serializeBundle(await buildBundle(...args))) as Bundle);
}

function expected(session: FhirSessionInput) {
  return {
    id: session.id,
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    source: session.source ?? 'in-person',
    seconds: session.seconds.map(probabilitiesOf),
    markers: session.markers.map(({ id, t, label }) => ({ id, t, label })),
    summary: summarize(session.seconds),
  };
}

describe('FHIR round trip: the Bundle parsed back gives the session', () => {
  it('timeline, markers (labelled and not, inside a gap without a face) and summary', async () => {
    const input = fhirInput(600);
    const session = withFaceGaps(input.sessions[0]!);
    const parsed = await roundTrip({ ...input, sessions: [session] });
    expect(parsed.sessions).toEqual([expected(session)]);
    expect(parsed.sessions[0]!.seconds.filter((s) => s === null).length).toBeGreaterThan(35);
    expect(parsed.sessions[0]!.markers.map((m) => m.label)).toContain('');
  });

  it('every session of a patient, a video call and an interrupted one', async () => {
    const input = fhirInput(90);
    const second = { ...input.sessions[0]!, id: '7d1e2f30-4a5b-4c6d-8e7f-90a1b2c3d4e5', source: 'video-call' as const };
    const third = { ...input.sessions[0]!, id: '8e2f3041-5b6c-4d7e-9f80-a1b2c3d4e5f6', endedAt: null };
    // Resumed after a pause: the consultation ended later than its recorded seconds.
    input.sessions[0]!.endedAt = '2026-11-02T10:05:00.000Z';
    const parsed = await roundTrip({ ...input, sessions: [input.sessions[0]!, second, third] });
    expect(parsed.sessions).toEqual([input.sessions[0]!, second, third].map(expected));
  });

  it('the patient: code only when pseudonymous; name, birth date and EHR number when identified', async () => {
    const input = fhirInput(10, { practitioner: { name: 'Dra. Ana López' } });
    expect((await roundTrip(input)).patient).toEqual({
      code: 'P-7K3F9Q',
      name: '',
      birthDate: null,
      ehrIdentifier: null,
    });
    const identified = await roundTrip({
      ...input,
      includeIdentifying: true,
      patient: { ...input.patient, ehrIdentifier: EHR_ID },
    });
    expect(identified.patient).toEqual({
      code: 'P-7K3F9Q',
      name: 'María José Núñez',
      birthDate: '1984-05-17',
      ehrIdentifier: EHR_ID,
    });
  });
});
