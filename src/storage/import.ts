import * as v from 'valibot';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  MAX_IMPORT_BYTES,
  exportFileSchema,
  type ExportFile,
  type ExportPatient,
  type ExportSession,
} from '../shared/export-schema.js';
import { writeAllTransaction, type WriteAllTransaction } from './cascade.js';
import { sealRecord, sealRecords, type Stored } from './records.js';
import type { ExtraRow } from './rewrite.js';
import { SealedExportError, isSealedExport, openSealedExport } from './sealed-export.js';
import { toPatient, toSampleInput, toSession } from './import-records.js';
import { toBlocks } from './sample-blocks.js';
import { findPatient, findPatientClashes, samePatient, type ClashChoices, type PatientClash } from './import-clash.js';

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
  | 'cancelled'
  /** A sealed export: ask for its passphrase and try again. */
  | 'sealed'
  | 'wrong-passphrase';

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

/** One patient of the file, sealed before the transaction opens (awaiting WebCrypto inside would commit it). */
interface PatientRows {
  id: string;
  /** Null when the device's own record of this patient stays. */
  patient: Stored<'patient'> | null;
  sessions: { id: string; rows: ExtraRow[] }[];
}

async function sessionRows(s: ExportSession, patientId: string): Promise<ExtraRow[]> {
  const [session, markers, samples] = await Promise.all([
    sealRecord('session', toSession(s, patientId)),
    sealRecords(
      'marker',
      s.markers.map((m) => ({ ...m, sessionId: s.id })),
    ),
    sealRecords('block', toBlocks(s.id, 0, s.seconds.map(toSampleInput))),
  ]);
  return [
    { store: 'sessions', value: session },
    ...markers.map((value) => ({ store: 'markers' as const, value })),
    ...samples.map((value) => ({ store: 'samples' as const, value })),
  ];
}

/**
 * The id the file's patient gets on this device, decided before the transaction opens (the
 * device's record is sealed, and opening it inside the transaction would commit it). The same
 * person already here keeps the device's record (only new sessions are added); someone else
 * under that id needs the clinician's choice. `add` is null when the device's record stays.
 */
async function placePatient(p: ExportPatient, choices: ClashChoices): Promise<{ id: string; add: boolean }> {
  const existing = await findPatient(p.id);
  if (!existing) return { id: p.id, add: true };
  if (samePatient(p, existing)) return { id: p.id, add: false };
  const choice = choices.get(p.id);
  if (!choice) throw new ImportError('patient-clash');
  // Kept as another patient when the id is taken by someone else.
  return choice === 'merge' ? { id: p.id, add: false } : { id: crypto.randomUUID(), add: true };
}

async function sealPatient(p: ExportPatient, choices: ClashChoices): Promise<PatientRows> {
  const place = await placePatient(p, choices);
  const sessions = await Promise.all(p.sessions.map(async (s) => ({ id: s.id, rows: await sessionRows(s, place.id) })));
  const patient = place.add ? await sealRecord('patient', { ...toPatient(p), id: place.id }) : null;
  return { id: place.id, patient, sessions };
}

/** Queues one session's records; `add` (not `put`) so a clashing id aborts the whole import. */
function writeSession(tx: WriteAllTransaction, rows: readonly ExtraRow[]): Promise<unknown>[] {
  return rows.map((row) => tx.objectStore(row.store).add(row.value as never));
}

async function writePatient(tx: WriteAllTransaction, p: PatientRows, summary: ImportSummary): Promise<void> {
  const writes: Promise<unknown>[] = [];
  if (p.patient) {
    writes.push(tx.objectStore('patients').add(p.patient));
    summary.patientsAdded++;
  }
  for (const s of p.sessions) {
    if (await tx.objectStore('sessions').getKey(s.id)) {
      summary.sessionsSkipped++;
      continue;
    }
    writes.push(...writeSession(tx, s.rows));
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
  const patients = await Promise.all(file.patients.map((p) => sealPatient(p, choices)));
  const tx = await writeAllTransaction();
  try {
    for (const patient of patients) await writePatient(tx, patient, summary);
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

/** Base64 makes a sealed file about 4/3 the size of the export inside it. */
const MAX_SEALED_BYTES = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4096;

/** The export text of a file: itself, or what its passphrase opens when it is sealed. */
export async function openIfSealed(text: string, passphrase?: string): Promise<string> {
  if (!text.includes('"resmo-sealed-export"')) return text;
  const data = parseJson(text);
  if (!isSealedExport(data)) return text;
  if (passphrase === undefined) throw new ImportError('sealed');
  try {
    return await openSealedExport(data, passphrase);
  } catch (error) {
    if (error instanceof SealedExportError) throw new ImportError('wrong-passphrase', [], { cause: error });
    throw error;
  }
}

/**
 * Reads, validates and imports a file chosen by the user (a sealed one with its passphrase),
 * asking about clashing patients.
 */
export async function importFile(file: Blob, passphrase?: string, resolve?: ClashResolver): Promise<ImportSummary> {
  if (file.size > MAX_SEALED_BYTES) throw new ImportError('too-large');
  const parsed = parseExport(await openIfSealed(await file.text(), passphrase));
  const clashes = await findPatientClashes(parsed);
  if (clashes.length === 0) return importExport(parsed);
  if (!resolve) throw new ImportError('patient-clash');
  const choices = await resolve(clashes);
  if (!choices) throw new ImportError('cancelled');
  return importExport(parsed, choices);
}
