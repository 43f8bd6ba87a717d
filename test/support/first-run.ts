import type { BrowserContext, Locator, Page } from 'playwright-core';
import { PASSPHRASE } from './vault-ui';

/** The flag the welcome sets when it is done (src/platform/first-run.ts). */
export const FIRST_RUN_KEY = 'resmo.first-run';

/**
 * Marks the welcome as done in every page of the context before the app loads, leaving
 * encryption off: for tests about something else that read the stored rows as they are. The
 * welcome itself is covered by test/e2e/first-run-consent.test.ts through `completeFirstRun`.
 */
export async function skipWelcome(context: BrowserContext): Promise<void> {
  await context.addInitScript((key) => {
    try {
      localStorage.setItem(key, 'done');
    } catch {
      // about:blank and other opaque origins have no storage.
    }
  }, FIRST_RUN_KEY);
}

/** Goes through the first-run welcome as a clinician would; returns the recovery words shown. */
export async function completeFirstRun(page: Page, passphrase = PASSPHRASE): Promise<string> {
  const welcome = page.locator('resmo-welcome');
  await welcome.locator('button.next').click();
  await welcome.locator('button.next').click();
  await welcome.locator('input[name="passphrase"]').fill(passphrase);
  await welcome.locator('input[name="repeat"]').fill(passphrase);
  await welcome.locator('input[name="understood"]').check();
  await welcome.locator('resmo-vault-setup button.primary').click();
  const words = welcome.locator('ol.words li');
  await words.first().waitFor({ timeout: 60_000 });
  const recovery = (await words.allTextContents()).join(' ');
  await welcome.locator('resmo-vault-setup button.primary').click();
  await welcome.waitFor({ state: 'detached' });
  return recovery;
}

/** The consent dialog that a recording for a patient without consent opens first. */
export function consentDialog(page: Page): Locator {
  return page.locator('resmo-consent-dialog dialog');
}

/**
 * Clicks a start button and, when the consent dialog asks first, records a verbal consent with
 * today's date; resolves once `started` shows.
 */
export async function startWithConsent(page: Page, start: Locator, started: Locator): Promise<void> {
  await start.click();
  const dialog = consentDialog(page);
  await Promise.race([started.waitFor({ timeout: 60_000 }), dialog.waitFor({ state: 'visible', timeout: 60_000 })]);
  if (await dialog.isVisible()) {
    await dialog.locator('button[type="submit"]').click();
    await dialog.waitFor({ state: 'hidden' });
  }
  await started.waitFor({ timeout: 60_000 });
}
