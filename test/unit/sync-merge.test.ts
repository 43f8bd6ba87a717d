import { describe, expect, it } from 'vitest';
import { NOTES_JOIN, mergeAll, mergeTwo, sameRecord, stampEdits } from '../../src/storage/field-times';
import type { Patient } from '../../src/storage/schema';

const base: Patient = {
  id: 'p1',
  code: 'P-ONE111',
  name: 'Ana',
  birthDate: null,
  notes: 'First visit.',
  archived: false,
  createdAt: 1_000,
  updatedAt: 1_000,
};

function edit(current: Patient, change: Partial<Patient>, at: number): Patient {
  return stampEdits(current, { ...current, ...change, updatedAt: at }, at);
}

describe('merging a patient card changed on two devices apart', () => {
  it('takes each field from the device that changed it last', () => {
    const a = edit(edit(base, { name: 'Ana María' }, 2_000), { code: 'P-AAA111' }, 4_000);
    const b = edit(base, { code: 'P-BBB222', birthDate: '1990-05-01' }, 3_000);
    const { record, notesJoined } = mergeTwo(a, b);
    expect(record).toMatchObject({ name: 'Ana María', code: 'P-AAA111', birthDate: '1990-05-01', notes: base.notes });
    expect(notesJoined).toBe(false);
    expect(sameRecord(record, mergeTwo(b, a).record)).toBe(true);
  });

  it('keeps both notes when both devices changed them, in the order they were written', () => {
    const a = edit(base, { notes: 'Slept badly all week.' }, 2_000);
    const b = edit(base, { notes: 'Started the new medication.' }, 3_000);
    const { record, notesJoined } = mergeTwo(b, a);
    expect(record.notes).toBe(`Slept badly all week.${NOTES_JOIN}Started the new medication.`);
    expect(notesJoined).toBe(true);
    expect(sameRecord(record, mergeTwo(a, b).record)).toBe(true);
  });

  it('takes the later notes when they were written over the earlier ones, without joining', () => {
    const a = edit(base, { notes: 'Draft.' }, 2_000);
    const later = edit(a, { notes: 'Final wording.' }, 3_000);
    const { record, notesJoined } = mergeTwo(a, later);
    expect(record.notes).toBe('Final wording.');
    expect(notesJoined).toBe(false);
  });

  it('merging merges again changes nothing, so devices that both merged agree', () => {
    const a = edit(base, { notes: 'A', name: 'From A' }, 2_000);
    const b = edit(base, { notes: 'B' }, 3_000);
    const onA = mergeAll([a, b]).record;
    const onB = mergeAll([b, a]).record;
    expect(sameRecord(onA, onB)).toBe(true);
    const again = mergeAll([onA, onB, a]);
    expect(again.record.notes).toBe(`A${NOTES_JOIN}B`);
    expect(again.notesJoined).toBe(false);
    expect(again.record.name).toBe('From A');
  });

  it('stamps only the fields an edit changed', () => {
    const a = edit(base, { name: 'Ana María' }, 2_000);
    expect(a.edited).toEqual({ name: 2_000 });
    expect(a.notesPast).toBeUndefined();
    expect(edit(a, { notes: 'x' }, 5_000)).toMatchObject({ edited: { name: 2_000, notes: 5_000 }, notesPast: [0] });
  });
});
