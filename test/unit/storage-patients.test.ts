import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/fresh-database';
import {
  createPatient,
  deletePatient,
  editPatient,
  getPatient,
  listPatients,
  setPatientArchived,
} from '../../src/storage/patients';
import {
  addMarker,
  appendSamples,
  getSamples,
  listMarkers,
  listSessions,
  startSession,
} from '../../src/storage/sessions';
import { StorageError } from '../../src/storage/errors';
import { fakeSeconds } from '../support/fake-session';

beforeEach(freshDatabase);

describe('patients', () => {
  it('gets a pseudonymous code by default and nothing identifying', async () => {
    const patient = await createPatient();
    expect(patient.code).toMatch(/^P-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(patient).toMatchObject({ name: '', birthDate: null, notes: '', archived: false });
    expect(await getPatient(patient.id)).toEqual(patient);
  });

  it('keeps the optional name, date of birth and notes, and edits them', async () => {
    const patient = await createPatient(
      { code: 'A-17', name: 'José Núñez', birthDate: '1980-02-29', notes: 'Prefers mornings.' },
      1000,
    );
    const edited = await editPatient(patient.id, { notes: 'Prefers afternoons.', birthDate: null }, 2000);
    expect(edited).toMatchObject({
      code: 'A-17',
      name: 'José Núñez',
      birthDate: null,
      notes: 'Prefers afternoons.',
      updatedAt: 2000,
    });
    expect(await getPatient(patient.id)).toEqual(edited);
  });

  it.each([
    ['markup in the name', { name: '<img src=x onerror=alert(1)>' }],
    ['an impossible date', { birthDate: '2023-02-30' }],
    ['an empty code', { code: '   ' }],
    ['a control character', { name: 'a\u0000b' }],
    ['an overlong name', { name: 'x'.repeat(500) }],
  ])('refuses %s with a typed error', async (_, input) => {
    await expect(createPatient(input)).rejects.toMatchObject({ name: 'StorageError', reason: 'invalid-input' });
    expect(await listPatients({ includeArchived: true })).toEqual([]);
  });

  it('searches code and name ignoring case and accents, and hides archived patients unless asked', async () => {
    const jose = await createPatient({ code: 'P-AAAAAA', name: 'José Núñez' }, 1);
    const ana = await createPatient({ code: 'P-BBBBBB', name: 'Ana' }, 2);
    expect((await listPatients({ text: 'jose nu' })).map((p) => p.id)).toEqual([jose.id]);
    expect((await listPatients({ text: 'bbb' })).map((p) => p.id)).toEqual([ana.id]);
    await setPatientArchived(ana.id, true, 3);
    expect((await listPatients()).map((p) => p.id)).toEqual([jose.id]);
    expect((await listPatients({ includeArchived: true })).map((p) => p.id)).toEqual([ana.id, jose.id]);
  });

  it('deletes a patient with every session, sample and marker', async () => {
    const patient = await createPatient();
    const other = await createPatient();
    const session = await startSession(patient.id);
    const kept = await startSession(other.id);
    await appendSamples(session.id, fakeSeconds(5));
    await appendSamples(kept.id, fakeSeconds(3));
    await addMarker(session.id, 1200, 'talked about work');
    await deletePatient(patient.id);
    await expect(getPatient(patient.id)).rejects.toBeInstanceOf(StorageError);
    expect(await listSessions(patient.id)).toEqual([]);
    expect(await getSamples(session.id)).toEqual([]);
    expect(await listMarkers(session.id)).toEqual([]);
    expect(await getSamples(kept.id)).toHaveLength(3);
  });

  it('reports a missing patient as not-found', async () => {
    await expect(editPatient('nope', { name: 'x' })).rejects.toMatchObject({ reason: 'not-found' });
  });
});
