import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/fresh-database';
import { WORST_CASE_SECOND, fakeSeconds } from '../support/fake-session';
import { createPatient } from '../../src/storage/patients';
import { addMarker, appendSamples, finishSession, startSession } from '../../src/storage/sessions';
import { exportSessionData, serializeExport } from '../../src/storage/export';
import type { SampleInput } from '../../src/storage/samples';

const TEN_MINUTES = 600;
/** A finished 10-minute session with a named patient, notes and ten labelled markers. */
async function tenMinuteExportBytes(seconds: SampleInput[]): Promise<number> {
  const patient = await createPatient({
    name: 'María José Núñez',
    birthDate: '1984-05-17',
    notes: 'Referred by primary care.',
  });
  const session = await startSession(patient.id, Date.UTC(2026, 10, 24, 9));
  await appendSamples(session.id, seconds);
  for (let i = 0; i < 10; i++) await addMarker(session.id, i * 55_000 + 1234, `topic ${i + 1}: family and work`);
  await finishSession(session.id);
  const json = serializeExport(await exportSessionData(session.id));
  return new TextEncoder().encode(json).length;
}

// Measured once at collection so the sizes appear in the test names (the report shows them).
await freshDatabase();
const realistic = await tenMinuteExportBytes(fakeSeconds(TEN_MINUTES, 11));
await freshDatabase();
const worst = await tenMinuteExportBytes(Array.from({ length: TEN_MINUTES }, () => WORST_CASE_SECOND));

describe('JSON export of a 10-minute session (10 labelled markers, named patient)', () => {
  it(`realistic data: ${realistic} bytes, at most 20 KB (20,000 bytes)`, () => {
    expect(realistic).toBeLessThanOrEqual(20_000);
  });

  it(`every number at its longest: ${worst} bytes, at most 20 KiB (20,480 bytes)`, () => {
    expect(worst).toBeLessThanOrEqual(20 * 1024);
  });
});
