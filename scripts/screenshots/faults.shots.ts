/**
 * Screenshots of what the clinician sees when a consultation meets a fault, at 320, 390 and 1024
 * px, in English and Spanish, into SHOTS_DIR (default /tmp/resmo-shots): a corrupt file and a
 * hostile file refused by the import, a file whose patient clashes with one on the device, the
 * graphics processor lost mid-reading (the GPU process crashed through the DevTools protocol),
 * the same patient recorded in a second tab, the storage filling up mid-recording (a quota set
 * through the DevTools protocol) and the camera going away.
 * `npx vitest run --config scripts/screenshots/vitest.config.ts scripts/screenshots/faults.shots.ts`
 * after `npm run build`.
 */
import { it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../../test/support/browser';
import { serveDist, type DistServer } from '../../test/support/serve-dist';
import { confidentFaceVideo } from '../../test/support/fake-camera';
import { importThroughUi } from '../../test/support/import-through-ui';
import { sampleExport } from '../../test/support/sample-export';
import { CONTROLS, startRecording } from '../../test/support/recording-page';

const DIR = process.env.SHOTS_DIR ?? '/tmp/resmo-shots';
const WIDTHS = [320, 390, 1024];
const LOCALES = [
  ['en', 'en-US'],
  ['es', 'es-MX'],
] as const;
const IMPORT = 'resmo-patients-view resmo-import-button';
const VIEW = 'resmo-consultation-view';

const seed = sampleExport();
const patientId = seed.patients[0]?.id ?? '';

/** The same file, cut short: what a broken download or a full card leaves. */
const corrupt = JSON.stringify(seed).slice(0, 900);
/** A patient code that tries to run a script. */
const hostile = JSON.stringify({
  ...seed,
  patients: [{ ...seed.patients[0], id: crypto.randomUUID(), code: '<img src=x onerror=alert(1)>' }],
});
/** Another person under an id the device already holds. */
const clash = JSON.stringify({
  ...seed,
  patients: [{ ...seed.patients[0], code: 'P-OTHER01', name: 'Otra Persona', sessions: [] }],
});

/** Keeps every camera stream the app opens, so the script can end its track as a lost camera would. */
function keepStreams(): void {
  const kept: MediaStream[] = [];
  (window as unknown as { keptStreams: MediaStream[] }).keptStreams = kept;
  const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    kept.push(stream);
    return stream;
  };
}

async function shot(target: Page | Locator, name: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 400));
  await target.screenshot({ path: `${DIR}/${name}.png` });
}

async function imports(page: Page, tag: string): Promise<void> {
  const status = page.locator(`${IMPORT} [role="status"]`);
  for (const [scene, content] of [
    ['import-corrupt', corrupt],
    ['import-hostile', hostile],
  ] as const) {
    await importThroughUi(page, `${scene}.json`, content);
    await status.scrollIntoViewIfNeeded();
    await shot(page, `${scene}-${tag}`);
  }
  await page.locator(`${IMPORT} input[type="file"]`).setInputFiles({
    name: 'clash.json',
    mimeType: 'application/json',
    buffer: Buffer.from(clash),
  });
  const dialog = page.locator(`${IMPORT} resmo-import-clash-dialog dialog[open]`);
  await dialog.waitFor({ timeout: 30_000 });
  await shot(page, `import-clash-${tag}`);
  await page.keyboard.press('Escape');
}

let server: DistServer;

async function gpuLost(browser: Browser, page: Page, tag: string): Promise<void> {
  await startRecording(page, server.url, patientId);
  await page.locator('resmo-face-overlay rect').first().waitFor({ timeout: 180_000 });
  await page.waitForTimeout(1_000);
  await (await browser.newBrowserCDPSession()).send('Browser.crashGpuProcess');
  await page
    .locator(`${VIEW} resmo-status-strip`)
    .filter({ hasText: /another engine|otro motor/i })
    .waitFor({ timeout: 60_000 });
  await shot(page, `gpu-lost-${tag}`);
}

async function twoTabs(page: Page, tag: string): Promise<void> {
  const second = await page.context().newPage();
  await second.setViewportSize(page.viewportSize() ?? { width: 390, height: 900 });
  await second.goto(`${server.url}#/consultation`);
  await second.locator(CONTROLS).locator('select[name="patient"]').selectOption(patientId);
  await second.locator(CONTROLS).locator('button.start').click();
  await second.locator(`${CONTROLS} p.error[role="alert"]`).waitFor({ timeout: 30_000 });
  await shot(second, `two-tabs-${tag}`);
  await second.close();
}

async function storageFull(page: Page, tag: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const at = new URL(server.url).origin;
  const { usage } = (await cdp.send('Storage.getUsageAndQuota', { origin: at })) as { usage: number };
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: at, quotaSize: usage + 1 });
  await page.locator(`${CONTROLS} .unsaved`).waitFor({ timeout: 60_000 });
  await shot(page, `storage-full-${tag}`);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: at });
  await page.locator(`${CONTROLS} .ended`).waitFor({ timeout: 60_000 });
}

async function cameraLost(page: Page, tag: string): Promise<void> {
  await page.evaluate(() => {
    const kept = (window as unknown as { keptStreams: MediaStream[] }).keptStreams;
    for (const s of kept) for (const t of s.getVideoTracks()) t.dispatchEvent(new Event('ended'));
  });
  await page.locator(`${VIEW} [role="alert"]`).first().waitFor({ timeout: 30_000 });
  await shot(page, `camera-lost-${tag}`);
}

it('takes the fault screenshots', async () => {
  mkdirSync(DIR, { recursive: true });
  const video = await confidentFaceVideo('happy');
  server = await serveDist();
  try {
    for (const [short, locale] of LOCALES) {
      for (const width of WIDTHS) {
        const tag = `${short}-${width}`;
        // A browser each time: Chromium stops offering the GPU after a few GPU process crashes.
        const browser = await launchChromium([
          '--use-fake-device-for-media-stream',
          '--use-fake-ui-for-media-stream',
          `--use-file-for-fake-video-capture=${video.path}`,
        ]);
        try {
          const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
          await context.grantPermissions(['camera'], { origin: server.url });
          await context.addInitScript(keepStreams);
          await context.addInitScript(() =>
            localStorage.setItem('resmo.preferences', JSON.stringify({ backend: 'webgl' })),
          );
          const page = await context.newPage();
          await page.goto(`${server.url}#/patients`);
          if ((await importThroughUi(page, 'seed.json', JSON.stringify(seed))) !== 'done')
            throw new Error('seed refused');
          await imports(page, tag);
          await gpuLost(browser, page, tag);
          await twoTabs(page, tag);
          await storageFull(page, tag);
          await cameraLost(page, tag);
        } finally {
          await browser.close();
        }
      }
    }
  } finally {
    await server.close();
  }
});
