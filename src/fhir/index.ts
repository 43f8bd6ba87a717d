/** The FHIR export's entry point, loaded by the app on first use. */
export { buildBundle, serializeBundle } from './bundle.js';
export { fromExport, type FhirExportOptions } from './from-export.js';
export type { FhirExportInput, FhirPractitioner, FhirSoftware } from './types.js';
