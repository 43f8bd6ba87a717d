import * as v from 'valibot';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  MAX_IMPORT_BYTES,
  exportFileSchema,
  type ExportFile,
  type ExportPatient,
  type ExportSecond,
  type ExportSession,
} from '../shared/export-schema.js';
import { writeAllTransaction, type WriteAllTransaction } from './cascade.js';
import { EMPTY_SECOND, toSample, type SampleInput } from './samples.js';
import type { Patient, Session } from './schema.js';
import { findPatientClashes, samePatient, type ClashChoices, type PatientClash } from './import-clash.js';

/** Why a file was refused; the UI shows one translated message per reason. */
export type ImportErrorReason =
  | 'too-large'
  | 'not-json'
  | 'not-resmo'
  | 'future-version'
  | 'invalid'
  | 'conflict'
  | 'storage'
  /** A patient id on this device belongs to someone else and nobody chose what to do. */
  | 'patient-clash'
  /** The clinician cancelled when asked about a clashing patient. */
  | 'cancelled';

export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly reason: ImportErrorReason,
    /** Where the file is wrong, for the details view (e.g. "patients.0.name: Markup …"). */
    readonly issues: readonly string[] = [],
    options?: ErrorOptions,
  ) {
    super(`Import refused: ${reason}${issues.length ? ` (${issues.slice(0, 3).join('; ')})` : ''}`, options);
  }
}

export interface ImportSummary {
  patientsAdded: number;
  sessionsAdded: number;
  /** Sessions already on this device, left as they are. */
  sessionsSkipped: number;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ImportError('not-json', [], { cause: error });
  }
}

function issuePath(issue: v.BaseIssue<unknown>): string {
  return issue.path?.map((item) => String(item.key)).join('.') ?? '';
}

/** Parses and validates a file's text; throws ImportError, never touches the database. */
export function parseExport(text: string): ExportFile {
  if (text.length > MAX_IMPORT_BYTES) throw new ImportError('too-large');
  const data = parseJson(text);
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== EXPORT_FORMAT)
    throw new ImportError('not-resmo');
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > EXPORT_VERSION) throw new ImportError('future-version');
  const result = v.safeParse(exportFileSchema, data);
  if (!result.success)
    throw new ImportError(
      'invalid',
      result.issues.map((i) => `${issuePath(i)}: ${i.message}`),
    );
  return result.output;
}

function toSampleInput(second: ExportSecond): SampleInput {
  if (second.length === 1) return EMPTY_SECOND;
  const [usable, detectorScore, ...probabilities] = second;
  return { usable, detectorScore, probabilities };
}

function toPatient(p: ExportPatient): Patient {
  const { id, code, name, birthDate, notes, archived } = p;
  return {
    id,
    code,
    name,
    birthDate,
    notes,
    ...(p.ehrIdentifier ? { ehrIdentifier: { ...p.ehrIdentifier } } : {}),
    archived,
    createdAt: Date.parse(p.createdAt),
    updatedAt: Date.parse(p.updatedAt),
  };
}

function toSession(s: ExportSession, patientId: string): Session {
  const endedAt = s.endedAt === null ? null : Date.parse(s.endedAt);
  return {
    id: s.id,
    patientId,
    startedAt: Date.parse(s.startedAt),
    endedAt,
    seconds: s.seconds.length,
    notes: s.notes,
    ...(s.endReason ? { endReason: s.endReason } : {}),
    updatedAt: Date.parse(s.updatedAt),
  };
}

/** Queues one session's records; `add` (not `put`) so a clashing id aborts the whole import. */
function writeSession(tx: WriteAllTransaction, s: ExportSession, patientId: string): Promise<unknown>[] {
  return [
    tx.objectStore('sessions').add(toSession(s, patientId)),
    ...s.markers.map((m) => tx.objectStore('markers').add({ ...m, sessionId: s.id })),
    ...s.seconds.map((second, i) => tx.objectStore('samples').add(toSample(s.id, i, toSampleInput(second)))),
  ];
}

/**
 * The id the file's patient gets on this device. The same person already here keeps the
 * device's record (only new sessions are added); someone else under that id needs a choice.
 */
async function patientIdFor(tx: WriteAllTransaction, p: ExportPatient, choices: ClashChoices): Promise<string | null> {
  const existing = await tx.objectStore('patients').get(p.id);
  if (!existing) return null;
  if (samePatient(p, existing)) return p.id;
  const choice = choices.get(p.id);
  if (!choice) throw new ImportError('patient-clash');
  return choice === 'merge' ? p.id : null;
}

async function writePatient(
  tx: WriteAllTransaction,
  p: ExportPatient,
  summary: ImportSummary,
  choices: ClashChoices,
): Promise<void> {
  const writes: Promise<unknown>[] = [];
  let patientId = await patientIdFor(tx, p, choices);
  if (patientId === null) {
    // Kept as another patient when the id is taken by someone else.
    patientId = (await tx.objectStore('patients').getKey(p.id)) ? crypto.randomUUID() : p.id;
    writes.push(tx.objectStore('patients').add({ ...toPatient(p), id: patientId }));
    summary.patientsAdded++;
  }
  for (const s of p.sessions) {
    if (await tx.objectStore('sessions').getKey(s.id)) {
      summary.sessionsSkipped++;
      continue;
    }
    writes.push(...writeSession(tx, s, patientId));
    summary.sessionsAdded++;
  }
  await Promise.all(writes);
}

/** Aborts unless a failed request already did (aborting twice throws InvalidStateError). */
function abortQuietly(tx: WriteAllTransaction): void {
  try {
    tx.abort();
  } catch {
    // Already finished: nothing was committed, which is what we want.
  }
}

/** Writes a validated file in one transaction: everything is imported or nothing is. */
export async function importExport(file: ExportFile, choices: ClashChoices = new Map()): Promise<ImportSummary> {
  const summary: ImportSummary = { patientsAdded: 0, sessionsAdded: 0, sessionsSkipped: 0 };
  const tx = await writeAllTransaction();
  try {
    for (const patient of file.patients) await writePatient(tx, patient, summary, choices);
    await tx.done;
  } catch (error) {
    abortQuietly(tx);
    await tx.done.catch(() => undefined);
    if (error instanceof ImportError) throw error;
    const reason = error instanceof DOMException && error.name === 'ConstraintError' ? 'conflict' : 'storage';
    throw new ImportError(reason, [], { cause: error });
  }
  return summary;
}

/** Asks the clinician about clashing patients; null cancels the import. */
export type ClashResolver = (clashes: readonly PatientClash[]) => Promise<ClashChoices | null>;

/** Reads, validates and imports a file chosen by the user, asking about clashing patients. */
export async function importFile(file: Blob, resolve?: ClashResolver): Promise<ImportSummary> {
  if (file.size > MAX_IMPORT_BYTES) throw new ImportError('too-large');
  const parsed = parseExport(await file.text());
  const clashes = await findPatientClashes(parsed);
  if (clashes.length === 0) return importExport(parsed);
  if (!resolve) throw new ImportError('patient-clash');
  const choices = await resolve(clashes);
  if (!choices) throw new ImportError('cancelled');
  return importExport(parsed, choices);
}
