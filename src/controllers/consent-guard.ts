import { consentStands } from '../shared/consent.js';
import { getPatient } from '../storage/index.js';

export type ConsentRequestEvent = CustomEvent<{ patientId: string; answer: (given: boolean) => void }>;

/**
 * Asks the clinician to record the patient's consent, through whichever consent dialog is on the
 * page (it listens on window and claims the request); resolves true once consent was recorded.
 */
export function askConsent(patientId: string): Promise<boolean> {
  return new Promise((resolve) => {
    const event: ConsentRequestEvent = new CustomEvent('resmo-consent-request', {
      detail: { patientId, answer: resolve },
      cancelable: true,
    });
    window.dispatchEvent(event);
    // Nobody on the page can ask: never record without consent.
    if (!event.defaultPrevented) resolve(false);
  });
}

/** The start of a recording calls this first: true when the patient's consent stands or was just given. */
export async function ensureConsent(patientId: string): Promise<boolean> {
  const patient = await getPatient(patientId);
  return consentStands(patient.consent) || askConsent(patientId);
}

declare global {
  interface WindowEventMap {
    'resmo-consent-request': ConsentRequestEvent;
  }
}
