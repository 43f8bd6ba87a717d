import type { Page } from 'playwright-core';

export const PASSPHRASE = 'a quiet room by the sea';

/** Turns encryption on from Settings as a clinician would; returns the recovery words shown. */
export async function setUpEncryption(page: Page, base: string, passphrase = PASSPHRASE): Promise<string> {
  await page.goto(`${base}#/settings`);
  const panel = page.locator('resmo-privacy-panel');
  await panel.locator('input[name="passphrase"]').fill(passphrase);
  await panel.locator('input[name="repeat"]').fill(passphrase);
  await panel.locator('input[name="understood"]').check();
  await panel.locator('resmo-vault-setup button.primary').click();
  const words = panel.locator('ol.words li');
  await words.first().waitFor({ timeout: 60_000 });
  const recovery = (await words.allTextContents()).join(' ');
  await panel.locator('resmo-vault-setup button.primary').click();
  return recovery;
}

/** Types the passphrase on the lock screen and waits for the app to open. */
export async function unlockThroughUi(page: Page, passphrase = PASSPHRASE, cover = false): Promise<void> {
  const screen = page.locator(cover ? 'resmo-lock-screen.cover' : 'resmo-lock-screen');
  await screen.locator('input[name="passphrase"]').fill(passphrase);
  await screen.locator('button.primary').click();
  await screen.waitFor({ state: 'detached', timeout: 60_000 });
}

/** Shown when a lock dropped the key (not the cover of a running recording). */
export function lockScreen(page: Page) {
  return page.locator('resmo-lock-screen:not(.cover)');
}

/** The clinician key as wrapped by the passphrase on this device (base64), read from its database. */
export function storedWrap(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('resmo');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('vault').objectStore('vault').get('meta');
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            open.result.close();
            resolve(btoa(String.fromCharCode(...(get.result as { keyring: { wrapped: Uint8Array } }).keyring.wrapped)));
          };
        };
      }),
  );
}
