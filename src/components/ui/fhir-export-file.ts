import { buildBundle, serializeBundle } from '../../fhir/bundle.js';
import { fromExport } from '../../fhir/from-export.js';
import type { FhirSoftware } from '../../fhir/types.js';
import { exportPatientData, exportSessionData } from '../../storage/index.js';
import { loadClinician } from '../../platform/clinician.js';
import { safeFileName } from '../../platform/share-file.js';

/** What to export: one session, or every session of a patient. */
export type FhirExportTarget = { sessionId: string } | { patientId: string };

/** The model that made the readings, from the same metadata.json the worker loads (precached). */
async function software(): Promise<FhirSoftware> {
  const response = await fetch(`${import.meta.env.BASE_URL}models/resmonet/metadata.json`);
  if (!response.ok) throw new Error(`metadata.json: HTTP ${response.status}`);
  const { version } = (await response.json()) as { version?: unknown };
  if (typeof version !== 'string') throw new Error('metadata.json has no version');
  return { appVersion: __APP_VERSION__, modelName: 'ResmoNet', modelVersion: version };
}

/** The FHIR transaction Bundle as a file named by code and date, never by name. */
export async function fhirExportFile(target: FhirExportTarget, includeIdentifying: boolean): Promise<File> {
  const [data, sw] = await Promise.all([
    'sessionId' in target ? exportSessionData(target.sessionId) : exportPatientData(target.patientId),
    software(),
  ]);
  const input = fromExport(data, { includeIdentifying, software: sw, practitioner: loadClinician() });
  const day = ('sessionId' in target ? input.sessions[0]?.startedAt : undefined) ?? data.exportedAt;
  const name = `${safeFileName(`resmo-${input.patient.code}-${day.slice(0, 10)}-fhir`)}.json`;
  return new File([serializeBundle(await buildBundle(input))], name, { type: 'application/json' });
}
