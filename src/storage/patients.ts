import { deleteSessionRows, writeAllTransaction } from './cascade.js';
import { database } from './database.js';
import { StorageError, toStorageError } from './errors.js';
import type { Patient } from './schema.js';
import { isIdentifierSystem, isIdentifierValue, type EhrIdentifier } from '../shared/ehr-identifier.js';
import { LIMITS, isCalendarDate, isPlainLine, isPlainText, searchKey } from '../shared/text-rules.js';
import { isPlausibleBirthDate } from '../shared/plausible.js';

export interface PatientInput {
  code?: string;
  name?: string;
  birthDate?: string | null;
  notes?: string;
  /** null removes it; undefined keeps the current one. */
  ehrIdentifier?: EhrIdentifier | null;
}

/** Crockford base32 without look-alikes (no I, L, O, U), so codes survive being read aloud. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A fresh pseudonymous code such as "P-7K3F9Q". */
export function newPatientCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `P-${Array.from(bytes, (b) => CODE_ALPHABET[b % 32]).join('')}`;
}

function invalid(field: string): StorageError {
  return new StorageError('invalid-input', `Invalid patient ${field}.`);
}

/** Trims and checks the fields a clinician typed; throws StorageError('invalid-input'). */
function cleanInput(
  input: PatientInput,
  current: Patient | undefined,
): Omit<Patient, 'id' | 'archived' | 'createdAt' | 'updatedAt'> {
  const code = (input.code ?? current?.code ?? newPatientCode()).trim();
  const name = (input.name ?? current?.name ?? '').trim();
  const notes = input.notes ?? current?.notes ?? '';
  const birthDate = input.birthDate === undefined ? (current?.birthDate ?? null) : input.birthDate || null;
  if (!code || code.length > LIMITS.code || !isPlainLine(code)) throw invalid('code');
  if (name.length > LIMITS.name || !isPlainLine(name)) throw invalid('name');
  if (notes.length > LIMITS.notes || !isPlainText(notes)) throw invalid('notes');
  if (birthDate !== null && !(isCalendarDate(birthDate) && isPlausibleBirthDate(birthDate)))
    throw invalid('birth date');
  const ehrIdentifier = cleanEhrIdentifier(
    input.ehrIdentifier === undefined ? current?.ehrIdentifier : input.ehrIdentifier,
  );
  return { code, name, birthDate, notes, ...(ehrIdentifier ? { ehrIdentifier } : {}) };
}

function cleanEhrIdentifier(input: EhrIdentifier | null | undefined): EhrIdentifier | null {
  if (!input) return null;
  const [system, value] = [input.system.trim(), input.value.trim()];
  if (!system && !value) return null;
  if (!isIdentifierSystem(system)) throw invalid('health record system');
  if (!isIdentifierValue(value)) throw invalid('health record number');
  return { system, value };
}

export async function createPatient(input: PatientInput = {}, now = Date.now()): Promise<Patient> {
  const patient: Patient = {
    id: crypto.randomUUID(),
    ...cleanInput(input, undefined),
    archived: false,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await (await database()).add('patients', patient);
  } catch (error) {
    throw toStorageError(error);
  }
  return patient;
}

export async function getPatient(id: string): Promise<Patient> {
  const patient = await (await database()).get('patients', id);
  if (!patient) throw new StorageError('not-found', `No patient ${id}.`);
  return patient;
}

/** Applies `change` inside one transaction so concurrent edits cannot interleave. */
async function updatePatient(id: string, change: (patient: Patient) => Patient): Promise<Patient> {
  const tx = (await database()).transaction('patients', 'readwrite');
  const current = await tx.store.get(id);
  if (!current) throw new StorageError('not-found', `No patient ${id}.`);
  const next = change(current);
  await Promise.all([tx.store.put(next), tx.done]);
  return next;
}

export function editPatient(id: string, input: PatientInput, now = Date.now()): Promise<Patient> {
  return updatePatient(id, (current) => {
    const clean = cleanInput(input, current);
    const next: Patient = { ...current, ...clean, updatedAt: now };
    if (!clean.ehrIdentifier) delete next.ehrIdentifier;
    return next;
  });
}

export function setPatientArchived(id: string, archived: boolean, now = Date.now()): Promise<Patient> {
  return updatePatient(id, (current) => ({ ...current, archived, updatedAt: now }));
}

/** Deletes the patient with all their sessions, samples and markers, all or nothing. */
export async function deletePatient(id: string): Promise<void> {
  const tx = await writeAllTransaction();
  const sessionIds = await tx.objectStore('sessions').index('by-patient').getAllKeys(id);
  await Promise.all([
    tx.objectStore('patients').delete(id),
    ...sessionIds.map((sessionId) => deleteSessionRows(tx, sessionId)),
    tx.done,
  ]);
}

export interface PatientQuery {
  /** Matches code or name, ignoring case and accents. */
  text?: string;
  includeArchived?: boolean;
}

/** Patients matching the query, most recently changed first. */
export async function listPatients(query: PatientQuery = {}): Promise<Patient[]> {
  const needle = searchKey(query.text?.trim() ?? '');
  const all = await (await database()).getAll('patients');
  return all
    .filter((p) => query.includeArchived || !p.archived)
    .filter((p) => !needle || searchKey(`${p.code} ${p.name}`).includes(needle))
    .sort((a, b) => b.updatedAt - a.updatedAt);
}
