/** The app's only door to IndexedDB: components and controllers import from here. */
export type { Marker, MirrorUse, Patient, Sample, Session, SessionSource } from './schema.js';
export { combineMirror } from './schema.js';
export { StorageError, type StorageErrorReason } from './errors.js';
export { closeDatabase } from './database.js';
export {
  createPatient,
  deletePatient,
  editPatient,
  getPatient,
  listPatients,
  newPatientCode,
  setPatientArchived,
  type PatientInput,
  type PatientQuery,
} from './patients.js';
export {
  addMarker,
  appendSamples,
  deleteSession,
  finishSession,
  getSamples,
  getSession,
  interruptedSessions,
  isInterrupted,
  openSessions,
  listMarkers,
  listSessions,
  setSessionNotes,
  startSession,
  INTERRUPTED_AFTER_MS,
} from './sessions.js';
export { EMPTY_SECOND, dominantOf, toPercent, type SampleInput } from './samples.js';
export { addBaseline } from './baselines.js';
export { recordConsent, withdrawConsent, type ConsentInput } from './consent.js';
export { exportPatientData, exportSessionData, serializeExport } from './export.js';
export { sealExportText } from './sealed-export.js';
export { toCsv } from './csv.js';
export {
  ImportError,
  importExport,
  importFile,
  parseExport,
  type ClashResolver,
  type ImportErrorReason,
  type ImportSummary,
} from './import.js';
export type { ClashChoice, ClashChoices, PatientClash } from './import-clash.js';
export { requestPersistence, storageStatus, type StorageStatus } from './persistence.js';
export { distribution, ranked, segments, usableShare, type Distribution, type Segment } from './stats.js';
export { loadPatientPage, type PatientPageData, type SessionSummary } from './patient-data.js';
export { loadSessionReview, type SessionReviewData } from './review-data.js';
export {
  changeVaultPassphrase,
  holdVault,
  lockIsWaiting,
  lockVault,
  setUpVault,
  unlockVault,
  unlockVaultWithRecovery,
  vaultEvents,
  vaultStatus,
  type VaultStatus,
} from './vault.js';
export { WrongSecretError } from './vault-keys.js';
export type { RecoveryLanguage } from './recovery-words.js';
export { chartMarkers, readingsOf, sessionBaseline, shownReadings, type SessionBaseline } from './readings.js';
export { holdsKey, joinVault, vaultMeta } from './vault.js';
export {
  acceptGrants,
  adoptKeyring,
  addClinician,
  becomeClinician,
  joinAsClinician,
  myClinician,
  nameOf,
  rotateClinicKey,
  type ClinicianKeyring,
  type KeyGrant,
  type NewClinician,
} from './vault-clinic.js';
export type { ClinicianMeta, StoredMeta } from './clinic-types.js';
export type { VaultMeta } from './vault-keys.js';
export {
  CHUNK_SECONDS,
  applyChunk,
  applyRecord,
  chunkId,
  localRecords,
  openText,
  sealChunk,
  sealText,
  type LocalRecords,
  type SealedDoc,
  type SyncedKind,
} from './sync-port.js';
export { heldHere, mergeVersions, type MergeResult, type MergedKind } from './sync-merge.js';
export { applyDeletion, heldIds, type DeletedKind } from './sync-deletions.js';
