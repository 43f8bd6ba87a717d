import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { setUpClinicDatabase, startSyncServer, type SyncServer } from '../../scripts/sync-server.mjs';
import { launchChromium } from '../support/browser';
import { skipWelcome } from '../support/first-run';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium-flags';
import { importThroughUi } from '../support/import-through-ui';
import { sampleExport } from '../support/sample-export';
import { freePort, serveDist, type DistServer } from '../support/serve-dist';
import { storeCounts, turnOnSyncThroughUi, waitUntilSynced } from '../support/sync-page';
import { PASSPHRASE, setUpEncryption, unlockThroughUi } from '../support/vault-ui';

/** Two one-hour sessions: enough that a device joining takes a while to take them all in. */
const SECONDS = 3_600;

async function joinThroughUi(page: Page, base: string, server: SyncServer): Promise<void> {
  await turnOnSyncThroughUi(page, base, server);
  const panel = page.locator('resmo-sync-panel');
  await panel.locator('input[name="passphrase"]').fill(PASSPHRASE);
  await panel.locator('button[type="submit"]').click();
}

function syncState(page: Page) {
  return page.locator('resmo-sync-panel .sync-state');
}

describe('sync when things go wrong', () => {
  let app: DistServer;
  let server: SyncServer;
  let browser: Browser;
  let onA: Record<string, number>;
  const contexts: BrowserContext[] = [];
  const dirs: string[] = [];

  async function device(): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-US' });
    contexts.push(context);
    return context.newPage();
  }

  async function persistentDevice(dir: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      locale: 'en-US',
    });
    await skipWelcome(context);
    return { context, page: context.pages()[0] ?? (await context.newPage()) };
  }

  beforeAll(async () => {
    [app, server] = await Promise.all([serveDist(), freePort().then((port) => startSyncServer({ port }))]);
    browser = await launchChromium();
    const a = await device();
    await setUpEncryption(a, app.url);
    await a.goto(`${app.url}#/patients`);
    expect(await importThroughUi(a, 'hours.json', JSON.stringify(sampleExport(21, SECONDS)))).toBe('done');
    await turnOnSyncThroughUi(a, app.url, server);
    await waitUntilSynced(a, 170_000);
    onA = await storeCounts(a);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await Promise.all([app?.close(), server?.close()]);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('a wrong password gets a clear message and leaves the device as it was', async () => {
    const d = await device();
    await setUpEncryption(d, app.url);
    await d.goto(`${app.url}#/patients`);
    expect(await importThroughUi(d, 'own.json', JSON.stringify(sampleExport(5)))).toBe('done');
    const before = await storeCounts(d);
    await turnOnSyncThroughUi(d, app.url, server, 'not the password');
    const alert = d.locator('resmo-sync-panel [role="alert"]');
    await expect.poll(() => alert.textContent()).toContain('did not accept this account name and password');
    expect(await d.locator('resmo-sync-panel input[name="url"]').isVisible()).toBe(true);
    expect(await storeCounts(d)).toEqual(before);
  });

  it('a device closed in the middle of taking in the records finishes after it reopens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resmo-sync-profile-'));
    dirs.push(dir);
    const first = await persistentDevice(dir);
    await joinThroughUi(first.page, app.url, server);
    await expect
      .poll(async () => (await storeCounts(first.page)).samples ?? 0, { timeout: 60_000, interval: 50 })
      .toBeGreaterThan(0);
    const partial = await storeCounts(first.page);
    await first.context.close();
    expect(partial.samples).toBeLessThan(onA.samples!);

    const again = await persistentDevice(dir);
    contexts.push(again.context);
    await again.page.goto(`${app.url}#/settings`);
    await unlockThroughUi(again.page);
    await waitUntilSynced(again.page);
    await expect.poll(() => storeCounts(again.page), { timeout: 30_000 }).toEqual(onA);
  });

  it('a device that goes offline mid-sync says so and finishes when the network is back', async () => {
    const b = await device();
    await joinThroughUi(b, app.url, server);
    await b.context().setOffline(true);
    await syncState(b).filter({ hasText: 'Offline' }).waitFor({ timeout: 60_000 });
    await b.context().setOffline(false);
    await waitUntilSynced(b);
    await expect.poll(() => storeCounts(b), { timeout: 30_000 }).toEqual(onA);
  });

  it('a revoked account gets a clear message and keeps its records', async () => {
    const c = await device();
    await joinThroughUi(c, app.url, server);
    await waitUntilSynced(c);
    // An empty member list would open the database to every account: the clinic lists the others.
    await setUpClinicDatabase(server.origin, 'resmo', server.admin, ['another-clinician']);
    await c.locator('resmo-sync-panel').getByRole('button', { name: 'Sync now' }).click();
    const alert = c.locator('resmo-sync-panel [role="alert"]');
    await expect.poll(() => alert.textContent(), { timeout: 60_000 }).toMatch(/may not use|did not accept/);
    expect(await storeCounts(c)).toEqual(onA);
  });
});
