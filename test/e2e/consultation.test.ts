import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import { confidentFaceVideo, type FaceVideo } from '../support/fake-camera';
import { hasFer2013 } from '../support/scenes';
import type { ResmoLiveReadings } from '../../src/components/consultation/resmo-live-readings';

const FAKE_CAMERA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

/** The words the polite live region speaks. */
async function announced(page: Page): Promise<string | undefined> {
  return (await page.locator('resmo-consultation-view [role="status"][aria-live="polite"]').textContent())?.trim();
}

async function startCamera(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/consultation`);
  await page.getByRole('button', { name: 'Start camera' }).click();
}

/** A real face on Chromium's fake camera, through the production build, worker and model. */
describe.skipIf(!hasFer2013())('consultation with a real face on the camera', () => {
  let server: DistServer;
  let browser: Browser;
  let context: BrowserContext;
  let video: FaceVideo;

  beforeAll(async () => {
    video = await confidentFaceVideo('happy');
    server = await serveDist();
    browser = await launchChromium([...FAKE_CAMERA, `--use-file-for-fake-video-capture=${video.path}`]);
    context = await browser.newContext({ locale: 'en-US' });
    await context.grantPermissions(['camera'], { origin: server.url });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws a box on the face and announces its labelled emotion', async () => {
    const page = await context.newPage();
    await startCamera(page, server.url);
    const view = page.locator('resmo-consultation-view');
    await expect
      .poll(() => view.locator('resmo-face-overlay rect').count(), { timeout: 90_000, interval: 500 })
      .toBeGreaterThanOrEqual(1);
    await expect.poll(() => announced(page), { timeout: 30_000 }).toBe('Happiness');
    await expect.poll(() => view.locator('resmo-status-strip .ready').textContent()).toBe('Ready');
    const timeline = view.locator('resmo-live-readings');
    await expect
      .poll(() => timeline.evaluate((el: ResmoLiveReadings) => el.points.filter((pt) => pt.p).length), {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('announces it in Spanish once the language is switched', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}#/settings`);
    await page.locator('resmo-settings-view select#language').selectOption('es');
    await expect.poll(() => page.locator('resmo-app nav').textContent()).toMatch(/Consulta.*Pacientes.*Configuración/s);
    await page.locator('resmo-app nav a[href="#/consultation"]').click();
    await page.getByRole('button', { name: 'Iniciar cámara' }).click();
    await expect.poll(() => announced(page), { timeout: 90_000 }).toBe('Alegría');
    await page.close();
  });
});

describe('consultation when the camera is refused', () => {
  let server: DistServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium(['--use-fake-device-for-media-stream', '--deny-permission-prompts']);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('explains how to allow the camera, and the rest of the app still works', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await startCamera(page, server.url);
    const alert = page.locator('resmo-consultation-view [role="alert"]');
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toMatch(/Camera access was refused/);
    await page.locator('resmo-app nav a[href="#/patients"]').click();
    await expect.poll(() => page.locator('resmo-patients-view h1').count(), { timeout: 10_000 }).toBe(1);
    await page.locator('resmo-app nav a[href="#/settings"]').click();
    await expect.poll(() => page.locator('resmo-settings-view select#language').count()).toBe(1);
    await context.close();
  });

  it('says so in Spanish on a Spanish-language browser', async () => {
    const context = await browser.newContext({ locale: 'es-MX' });
    const page = await context.newPage();
    await page.goto(`${server.url}#/consultation`);
    await page.getByRole('button', { name: 'Iniciar cámara' }).click();
    const alert = page.locator('resmo-consultation-view [role="alert"]');
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toMatch(/Se denegó el acceso a la cámara/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await context.close();
  });
});
