import type { Page } from 'playwright-core';
import type { SyncServer } from '../../scripts/sync-server.mjs';

/** Turns sync on from Settings as a clinician would. */
export async function turnOnSyncThroughUi(
  page: Page,
  base: string,
  server: SyncServer,
  password = server.clinician[1],
): Promise<void> {
  await page.goto(`${base}#/settings`);
  const panel = page.locator('resmo-sync-panel');
  await panel.locator('input[name="url"]').fill(server.url);
  await panel.locator('input[name="account"]').fill(server.clinician[0]);
  await panel.locator('input[name="password"]').fill(password);
  await panel.locator('button[type="submit"]').click();
}

/** Waits until the panel says both directions are caught up and nothing is waiting. */
/** On a device that just turned sync on: types the clinic's (or the clinician's) passphrase and joins. */
export async function enterSyncPassphrase(page: Page, passphrase: string): Promise<void> {
  await page.locator('resmo-sync-panel input[name="passphrase"]').fill(passphrase);
  await page.locator('resmo-sync-panel button[type="submit"]').click();
}

export async function waitUntilSynced(page: Page, timeout = 90_000): Promise<void> {
  const state = page.locator('resmo-sync-panel .sync-state');
  await state
    .filter({ hasText: /Up to date|Al día/ })
    .filter({ hasText: /Nothing waiting|Nada pendiente/ })
    .waitFor({ timeout });
}

/** Every document the server stores in the clinic database, read over its HTTP API as the admin. */
export async function serverDocuments(server: SyncServer): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${server.url}/_all_docs?include_docs=true`, {
    headers: { authorization: `Basic ${btoa(server.admin)}` },
  });
  const body = (await response.json()) as { rows: { doc: Record<string, unknown> }[] };
  return body.rows.map((row) => row.doc);
}

/** How many rows each of the app's stores holds in this page's profile (sealed or not). */
export function storeCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('resmo');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const counts: Record<string, number> = {};
    for (const store of ['patients', 'sessions', 'samples', 'markers']) {
      counts[store] = await new Promise<number>((resolve) => {
        const request = db.transaction(store).objectStore(store).count();
        request.onsuccess = () => resolve(request.result);
      });
    }
    db.close();
    return counts;
  });
}
