import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import { dumpPageDatabase } from '../support/page-database';
import { importThroughUi } from '../support/import-through-ui';
import { basePatientFile, fuzzedImports, type FuzzedImport } from '../support/plausibility-fuzz';
import { senseProblems } from '../support/sense-check';
import type { Patient, Session } from '../../src/storage/schema';

const SEED = 18;
const PER_FAMILY = 100;
const DIALOG = 'resmo-patients-view resmo-import-button resmo-import-clash-dialog dialog';

/** Imports through the real input; answers the clash question when it is asked. */
async function importFuzzed(page: Page, c: FuzzedImport, i: number): Promise<{ outcome: string; asked: boolean }> {
  const done = importThroughUi(page, `fuzzed-${i}.json`, c.content);
  let asked = false;
  if (c.answer) {
    const dialog = page.locator(`${DIALOG}[open]`);
    asked = await Promise.race([dialog.waitFor({ timeout: 30_000 }).then(() => true), done.then(() => false)]);
    if (asked) await dialog.locator(`button[value="${c.answer}"]`).click();
  }
  return { outcome: await done, asked };
}

/**
 * 500 generated files with a fixed seed, in five families (birth dates, session lengths,
 * timestamps, ids that differ only by case, a patient id used for somebody else), chosen in the
 * real import input of the production build. Files that make no sense are refused and change
 * nothing; after every accepted file the whole database still makes sense; a clashing patient is
 * never merged without asking.
 */
describe('imports accept only what makes sense, in Chromium', () => {
  let server: DistServer;
  let browser: Browser;
  let page: Page;
  const base = basePatientFile();
  const seeded = base.patients[0];

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await page.goto(`${server.url}#/patients`);
    await page.locator('resmo-patients-view h1').waitFor();
    expect(await importThroughUi(page, 'seed.json', JSON.stringify(base))).toBe('done');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses the implausible, keeps the rest sensible and asks before merging', { timeout: 900_000 }, async () => {
    const now = Date.now();
    const cases = fuzzedImports(SEED, PER_FAMILY, now);
    expect(cases).toHaveLength(500);
    const wrong: string[] = [];
    let after = await dumpPageDatabase(page);
    for (const [i, c] of cases.entries()) {
      const before = after;
      const { outcome, asked } = await importFuzzed(page, c, i);
      after = await dumpPageDatabase(page);
      const accepted = outcome === 'done';
      if (c.expect === 'accept' && !accepted) wrong.push(`${c.family}: ${c.name}: refused`);
      if (c.expect === 'refuse' && accepted) wrong.push(`${c.family}: ${c.name}: accepted`);
      if (!accepted && JSON.stringify(after) !== JSON.stringify(before)) wrong.push(`${c.name}: refused but changed`);
      if (c.answer && !asked) wrong.push(`${c.name}: merged without asking`);
      if (accepted) senseProblems(after, now).forEach((p) => wrong.push(`${c.family}: ${c.name}: ${p}`));
      const mine = (after.patients as Patient[]).find((p) => p.id === seeded?.id);
      if (mine?.code !== seeded?.code || mine?.name !== seeded?.name) wrong.push(`${c.name}: seeded patient changed`);
      if (accepted && c.answer === 'keep-both') {
        const added = (after.sessions as Session[]).filter(
          (s) => !(before.sessions as Session[]).some((b) => b.id === s.id),
        );
        if (added.some((s) => s.patientId === seeded?.id))
          wrong.push(`${c.name}: kept both, but added to the seeded patient`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
