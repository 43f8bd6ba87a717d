import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import { importThroughUi } from '../support/import-through-ui';
import { sampleExport } from '../support/sample-export';
import { PASSPHRASE, lockScreen, unlockThroughUi } from '../support/vault-ui';
import { decryptedDump, rawDump, unwrapDataKey } from '../support/vault-key';

/** Three patients with two ten-minute sessions each: 3,600 seconds to seal, several batches. */
function severalPatients() {
  const files = [1, 2, 3].map((seed) => sampleExport(seed, 600));
  files.forEach((file, i) => (file.patients[0]!.code = `P-MIGR${i}`));
  return { ...files[0]!, patients: files.flatMap((f) => f.patients) };
}

describe('turning encryption on over existing records', () => {
  let server: DistServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finishes after the page is killed halfway, with nothing lost', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${server.url}#/patients`);
    expect(await importThroughUi(page, 'several.json', JSON.stringify(severalPatients()))).toBe('done');
    const before = await rawDump(page);

    await page.goto(`${server.url}#/settings`);
    const panel = page.locator('resmo-privacy-panel');
    await panel.locator('input[name="passphrase"]').fill(PASSPHRASE);
    await panel.locator('input[name="repeat"]').fill(PASSPHRASE);
    await panel.locator('input[name="understood"]').check();
    await panel.locator('resmo-vault-setup button.primary').click();
    await panel.getByText(/Encrypting existing records: [1-9]/).waitFor({ timeout: 60_000 });
    await page.close();

    const reopened = await context.newPage();
    await reopened.goto(`${server.url}#/patients`);
    const halfway = await rawDump(reopened);
    const plainLeft = halfway.samples!.filter((row) => !('ct' in row)).length;
    expect(plainLeft).toBeGreaterThan(0);
    await lockScreen(reopened).waitFor();
    await unlockThroughUi(reopened);

    const after = await rawDump(reopened);
    for (const store of ['patients', 'sessions', 'samples', 'markers'])
      expect(after[store]!.every((row) => 'ct' in row)).toBe(true);
    const key = await unwrapDataKey(reopened, PASSPHRASE);
    const decrypted = await decryptedDump(reopened, key);
    for (const store of ['patients', 'sessions', 'samples', 'markers']) expect(decrypted[store]).toEqual(before[store]);
    await reopened.getByText('P-MIGR2').waitFor();
  }, 180_000);
});
