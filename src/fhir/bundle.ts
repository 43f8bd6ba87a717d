import type { Bundle, BundleEntry, BundleEntryRequest, FhirResource, Identifier } from 'fhir/r4';
import { uuidV5, urn } from './ids.js';
import { summaryObservation, timelineObservation } from './observations.js';
import {
  consentResource,
  deviceIdentifier,
  deviceResource,
  encounterResource,
  patientMatchIdentifier,
  patientResource,
  practitionerResource,
} from './participants.js';
import type { FhirExportInput, FhirSessionInput } from './types.js';
import { SESSION_SYSTEM, URI_SYSTEM } from './systems.js';

const query = (id: Identifier): string =>
  `identifier=${encodeURIComponent(id.system ?? '')}|${encodeURIComponent(id.value ?? '')}`;

/** Create unless the EHR already has it: the patient, clinician and device are the EHR's to keep. */
function createOnce(fullUrl: string, resource: FhirResource, match: Identifier | null): BundleEntry {
  const request: BundleEntryRequest = { method: 'POST', url: resource.resourceType };
  if (match) request.ifNoneExist = query(match);
  return { fullUrl, resource, request };
}

/** Conditional update: the first export creates, a later one replaces what the earlier one sent. */
function upsert(fullUrl: string, resource: FhirResource, match: Identifier): BundleEntry {
  return { fullUrl, resource, request: { method: 'PUT', url: `${resource.resourceType}?${query(match)}` } };
}

interface SharedRefs {
  patient: string;
  device: string;
  practitioner: string | null;
}

async function sessionEntries(session: FhirSessionInput, shared: SharedRefs): Promise<BundleEntry[]> {
  const [encounter, timeline, summary] = (await Promise.all(
    ['encounter', 'timeline', 'summary'].map(async (kind) => urn(await uuidV5(`${kind}:${session.id}`))),
  )) as [string, string, string];
  const refs = { ...shared, encounter, timeline };
  return [
    upsert(encounter, encounterResource(session, { ...shared, self: encounter }), {
      system: SESSION_SYSTEM,
      value: session.id,
    }),
    upsert(timeline, timelineObservation(session, { ...refs, self: timeline }), {
      system: URI_SYSTEM,
      value: timeline,
    }),
    upsert(summary, summaryObservation(session, { ...refs, self: summary }), { system: URI_SYSTEM, value: summary }),
  ];
}

async function sharedEntries(input: FhirExportInput): Promise<{ refs: SharedRefs; entries: BundleEntry[] }> {
  const patient = urn(await uuidV5(`patient:${input.patient.id}`));
  const deviceId = deviceIdentifier(input.software);
  const device = urn(await uuidV5(`device:${deviceId.value}`));
  const entries = [
    createOnce(patient, patientResource(input), patientMatchIdentifier(input.patient)),
    createOnce(device, deviceResource(input.software), deviceId),
  ];
  let practitioner: string | null = null;
  if (input.practitioner) {
    const { name, identifier } = input.practitioner;
    practitioner = urn(await uuidV5(`practitioner:${identifier ? `${identifier.system}|${identifier.value}` : name}`));
    entries.push(createOnce(practitioner, practitionerResource(input.practitioner), identifier ?? null));
  }
  if (input.consent) {
    const consent = urn(await uuidV5(`consent:${input.consent.id}`));
    entries.push(
      upsert(consent, consentResource(input.consent, { self: consent, patient }), {
        system: URI_SYSTEM,
        value: consent,
      }),
    );
  }
  return { refs: { patient, device, practitioner }, entries };
}

/**
 * One FHIR R4 transaction: the patient, the device, the clinician when known, and per session an
 * Encounter, the timeline Observation and the summary Observation. Same data in, same ids out.
 */
export async function buildBundle(input: FhirExportInput): Promise<Bundle> {
  const { refs, entries } = await sharedEntries(input);
  const perSession = await Promise.all(input.sessions.map((s) => sessionEntries(s, refs)));
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    timestamp: input.exportedAt,
    entry: [...entries, ...perSession.flat()],
  };
}

/** Compact JSON, like the other exports; FHIR JSON has no locale-dependent forms. */
export function serializeBundle(bundle: Bundle): string {
  return JSON.stringify(bundle);
}
