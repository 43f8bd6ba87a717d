import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import { confidentFaceVideo } from '../support/fake-camera';
import { hasFer2013 } from '../support/scenes';
import { importThroughUi } from '../support/import-through-ui';
import { sampleExport } from '../support/sample-export';
import type { ResmoLiveReadings } from '../../src/components/consultation/resmo-live-readings';

const FAKE_CAMERA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

/** What the report's readings say: the mode on each chart and table, and the before/after tables. */
async function reportText(page: Page): Promise<{ modes: string[]; markers: string[]; happyBefore: string[] }> {
  const readings = page.locator('resmo-session-readings');
  await readings.locator('resmo-marker-changes section.marker').first().waitFor({ timeout: 30_000 });
  const modes = await readings.locator('p.mode').allTextContents();
  const markers = await readings.locator('resmo-marker-changes section.marker').allInnerTexts();
  const happyBefore = await readings
    .locator('resmo-marker-changes section.marker tbody tr:nth-child(4) td:nth-of-type(1)')
    .allTextContents();
  return { modes: modes.map((m) => m.trim()), markers, happyBefore };
}

/** Waits until the live screen has `n` more seconds with a usable face (the machine may be slow). */
async function waitForUsableSeconds(page: Page, n: number): Promise<void> {
  const live = page.locator('resmo-live-readings');
  const count = () => live.evaluate((el: ResmoLiveReadings) => el.points.filter((pt) => pt.p).length);
  const start = await count();
  await expect.poll(count, { timeout: 120_000, interval: 500 }).toBeGreaterThanOrEqual(start + n);
}

/** The numbers in table cells, leaving out empty windows ("—"). */
function numbers(cells: string[]): number[] {
  return cells.filter((c) => c.trim() !== '—').map((c) => Number(c.replace(/[^\d.-]/g, '')));
}

async function addMarker(page: Page, label: string): Promise<void> {
  await page.locator('resmo-session-controls input[name="marker-label"]').fill(label);
  await page.getByRole('button', { name: 'Add marker (M)' }).click();
}

/** Baseline, session, report, export, delete, import: through the production build with a real face on the camera. */
describe.skipIf(!hasFer2013())('a resting baseline and a session with markers', () => {
  let server: DistServer;
  let browser: Browser;
  let page: Page;
  const seed = { ...sampleExport(), patients: [{ ...sampleExport().patients[0]!, sessions: [] }] };
  const patientId = seed.patients[0]!.id;

  beforeAll(async () => {
    const video = await confidentFaceVideo('happy');
    server = await serveDist();
    browser = await launchChromium([...FAKE_CAMERA, `--use-file-for-fake-video-capture=${video.path}`]);
    const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
    await context.grantPermissions(['camera'], { origin: server.url });
    page = await context.newPage();
    await page.goto(`${server.url}#/patients`);
    expect(await importThroughUi(page, 'seed.json', JSON.stringify(seed))).toBe('done');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reads the session relative to the baseline, compares two markers, and survives export, delete and import', async () => {
    await page.goto(`${server.url}#/consultation`);
    await page.locator('resmo-patient-picker select').selectOption(patientId);
    await page.getByRole('button', { name: 'Start camera' }).click();
    await page.locator('resmo-face-overlay rect').first().waitFor({ timeout: 120_000 });

    await page.getByRole('button', { name: 'Record a baseline' }).click();
    await expect.poll(() => page.getByText('Ask the patient to sit at rest').count()).toBe(1);
    await page.getByText('Baseline saved.').waitFor({ timeout: 40_000 });
    await page.getByRole('button', { name: 'Record the baseline again' }).waitFor();
    await expect
      .poll(() => page.locator('resmo-live-readings p.mode').textContent())
      .toContain('Relative to the resting face');

    await page.getByRole('button', { name: 'Start session' }).click();
    await waitForUsableSeconds(page, 6);
    await addMarker(page, 'talked about work');
    await waitForUsableSeconds(page, 6);
    await addMarker(page, 'talked about sleep');
    await waitForUsableSeconds(page, 4);
    await page.getByRole('button', { name: 'Stop session' }).click();
    await page.getByRole('link', { name: 'Open its report' }).click();

    const report = await reportText(page);
    expect(report.modes).toHaveLength(3);
    for (const mode of report.modes) expect(mode).toMatch(/^Relative to the resting face \(baseline of .+\)$/);
    expect(report.markers).toHaveLength(2);
    expect(report.markers[0]).toContain('talked about work');
    expect(report.markers[1]).toContain('talked about sleep');
    // The second marker's "before" window stops at the first marker.
    expect(report.markers[1]).toContain('shortened by another marker');
    // The same happy face at rest and in the session: relative to the baseline, happiness barely moves.
    expect(numbers(report.happyBefore).length).toBeGreaterThan(0);
    for (const value of numbers(report.happyBefore)) expect(Math.abs(value)).toBeLessThan(20);

    await page.locator('resmo-baseline-switch').getByLabel('Raw').check();
    const raw = await page
      .locator('resmo-session-readings resmo-marker-changes section.marker tbody tr:nth-child(4) td:nth-of-type(1)')
      .allTextContents();
    expect(numbers(raw).length).toBeGreaterThan(0);
    for (const value of numbers(raw)) expect(value).toBeGreaterThan(40);
    await page.reload();

    const sessionHash = new URL(page.url()).hash;
    const before = await reportText(page);
    await page.goto(`${server.url}#/patients/${patientId}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('resmo-patient-page resmo-export-buttons').getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const exported = await readFile(await download.path(), 'utf8');
    expect(JSON.parse(exported).patients[0].baselines).toHaveLength(1);

    await page.goto(`${server.url}#/patients`);
    await page.locator(`resmo-patients-view li[data-patient-id="${patientId}"] button.danger`).click();
    await page.locator('resmo-patients-view resmo-confirm-dialog button[value="confirm"]').click();
    await expect.poll(() => page.locator('resmo-patients-view li[data-patient-id]').count()).toBe(0);
    expect(await importThroughUi(page, download.suggestedFilename(), exported)).toBe('done');

    await page.goto(`${server.url}${sessionHash}`);
    expect(await reportText(page)).toEqual(before);
  });
});
