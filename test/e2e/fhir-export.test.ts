import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from 'fhir/r4';
import type { Browser, Page } from 'playwright-core';
import { parseBundle } from '../../src/fhir/parse';
import { probabilitiesOf } from '../../src/fhir/timeline';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import { importThroughUi } from '../support/import-through-ui';
import { sampleExport } from '../support/sample-export';
import { loadFhirDefinitions, validateFhir } from '../support/fhir-validator';
import { EHR_ID, unexplainedWarnings } from '../support/fhir-fixtures';

const original = sampleExport();
const patient = original.patients[0]!;

/** Clicks the FHIR export of `host`, answers the dialog and returns the downloaded Bundle. */
async function exportFhir(page: Page, host: string, identifying: boolean): Promise<{ name: string; bundle: Bundle }> {
  const exporter = page.locator(`${host} resmo-fhir-export`);
  await exporter.getByRole('button', { name: /FHIR/ }).click();
  await exporter.locator('dialog[open]').waitFor();
  await exporter.getByRole('checkbox').setChecked(identifying);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exporter.locator('dialog').getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  const bundle = JSON.parse(await readFile(await download.path(), 'utf8')) as Bundle;
  const report = validateFhir(bundle);
  expect(report.errors).toEqual([]);
  expect(unexplainedWarnings(bundle, report)).toEqual([]);
  return { name: download.suggestedFilename(), bundle };
}

describe('export for the health record (FHIR) from the app in Chromium', () => {
  let server: DistServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    loadFhirDefinitions();
    server = await serveDist();
    browser = await launchChromium();
    page = await (await browser.newContext({ acceptDownloads: true, locale: 'en-US' })).newPage();
    await page.goto(`${server.url}#/patients`);
    await page.locator('resmo-patients-view h1').waitFor();
    expect(await importThroughUi(page, 'seed.json', JSON.stringify(original))).toBe('done');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('saves the clinician in Settings and the health record number on the patient card', async () => {
    await page.goto(`${server.url}#/settings`);
    const panel = page.locator('resmo-clinician-panel');
    await panel.getByLabel('Your name').fill('Dra. Ana López');
    await panel.getByLabel('Identifier system').fill('licence');
    await panel.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('identifier system');
    await panel.getByLabel('Identifier system').fill('urn:oid:2.16.484.101.1');
    await panel.getByLabel(/licence number/).fill('1234567');
    await panel.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('Saved');

    await page.goto(`${server.url}#/patients/${patient.id}`);
    await page.locator('resmo-patient-page').getByRole('button', { name: 'Edit' }).click();
    const dialog = page.locator('resmo-patient-dialog dialog');
    await dialog.getByLabel('Health record system').fill(EHR_ID.system);
    await dialog.getByLabel('Health record number').fill(EHR_ID.value);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('resmo-patient-page .facts').textContent()).toContain(EHR_ID.value);
  });

  it('exports a session, pseudonymous by default, that parses back to the recorded seconds', async () => {
    const session = patient.sessions[0]!;
    await page.goto(`${server.url}#/sessions/${session.id}`);
    const { name, bundle } = await exportFhir(page, 'resmo-session-review', false);
    expect(name).toBe('resmo-P-7K3F9Q-2026-11-02-fhir.json');
    const text = JSON.stringify(bundle);
    expect(text).not.toContain('Núñez');
    expect(text).toContain('Dra. Ana López');
    const parsed = parseBundle(bundle);
    expect(parsed.patient).toEqual({ code: 'P-7K3F9Q', name: '', birthDate: null, ehrIdentifier: EHR_ID });
    expect(parsed.sessions.map((s) => s.id)).toEqual([session.id]);
    expect(parsed.sessions[0]!.seconds).toEqual(session.seconds.map(probabilitiesOf));
    expect(parsed.sessions[0]!.markers).toEqual(session.markers);
    expect(bundle.entry?.find((e) => e.resource?.resourceType === 'Device')?.resource).toMatchObject({
      version: [
        { value: expect.stringMatching(/^\d+\.\d+\.\d+/) },
        { value: expect.stringMatching(/^\d+\.\d+\.\d+$/) },
      ],
    });
  });

  it('exports all sessions of a patient with name and birth date when ticked', async () => {
    await page.goto(`${server.url}#/patients/${patient.id}`);
    const { bundle } = await exportFhir(page, 'resmo-patient-page', true);
    const parsed = parseBundle(bundle);
    expect(parsed.patient).toMatchObject({ name: 'María José Núñez', birthDate: '1984-05-17' });
    expect(parsed.sessions.map((s) => s.id).sort()).toEqual(patient.sessions.map((s) => s.id).sort());
  });

  it('offers the export in Spanish', async () => {
    const es = await (await browser.newContext({ locale: 'es-MX' })).newPage();
    await es.goto(`${server.url}#/patients`);
    await es.locator('resmo-patients-view h1').waitFor();
    expect(await importThroughUi(es, 'seed.json', JSON.stringify(original))).toBe('done');
    await es.goto(`${server.url}#/sessions/${patient.sessions[0]!.id}`);
    await es
      .locator('resmo-session-review resmo-fhir-export')
      .getByRole('button', { name: /expediente/i })
      .click();
    await expect.poll(() => es.locator('resmo-fhir-export dialog').textContent()).toMatch(/datos clínicos/);
    await es.close();
  });
});
