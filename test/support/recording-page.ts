import type { Page } from 'playwright-core';
import { dumpPageDatabase } from './page-database';
import type { Sample, Session } from '../../src/storage/schema';
import { startWithConsent } from './first-run';

export const CONTROLS = 'resmo-consultation-view resmo-session-controls';

/** Sessions and samples as stored in the page's IndexedDB. */
export async function storedSessions(page: Page): Promise<{ sessions: Session[]; samples: Sample[] }> {
  const dump = await dumpPageDatabase(page);
  return { sessions: dump.sessions as Session[], samples: dump.samples as Sample[] };
}

/** Opens the consultation screen and starts recording the patient with the real controls. */
export async function startRecording(page: Page, origin: string, patientId: string): Promise<void> {
  await page.goto(`${origin}#/consultation`);
  await page.locator('resmo-consultation-view h1').waitFor();
  await page.locator(CONTROLS).locator('select[name="patient"]').selectOption(patientId);
  await startWithConsent(page, page.locator(CONTROLS).locator('button.start'), page.locator(`${CONTROLS} .live`));
}

/** The recording session of a patient, once stored. */
export async function openSessionOf(page: Page, patientId: string): Promise<Session | undefined> {
  return (await storedSessions(page)).sessions.find((s) => s.patientId === patientId && s.endedAt === null);
}
