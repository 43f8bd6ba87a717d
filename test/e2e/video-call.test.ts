/**
 * A consultation by video call, with real screen capture in headless Chromium: one tab plays a
 * 2×2 call gallery of FER2013 faces (the clinician's self-view, the patient, two relatives), the
 * app in another tab reads it through getDisplayMedia.
 *
 * Chromium 156 (Debian) shows no picker with `--auto-select-tab-capture-source-by-title=<title>`:
 * getDisplayMedia then returns the tab with that title. `--auto-select-desktop-capture-source=`
 * works too for a tab; `--auto-accept-this-tab-capture` only answers getDisplayMedia with the
 * calling tab itself, which `selfBrowserSurface: 'exclude'` rules out, and
 * `--use-fake-ui-for-media-stream` fails with NotReadableError.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ResmoEmotionBars } from '../../src/components/consultation/resmo-emotion-bars';
import type { ResmoLiveReadings } from '../../src/components/consultation/resmo-live-readings';
import type { ResmoFaceOverlay } from '../../src/components/consultation/resmo-face-overlay';
import { EMOTION_LABELS, type EmotionLabel } from '../../src/shared/emotions';
import { launchChromium } from '../support/browser';
import { CALL_TITLE, startCallPage, type CallPage } from '../support/call-page';
import { galleryTiles } from '../support/call-tiles';
import { confidentFaces } from '../support/fake-camera';
import { dumpPageDatabase } from '../support/page-database';
import { hasFer2013, loadFer2013 } from '../support/scenes';
import { serveDist, type DistServer } from '../support/serve-dist';
import { startWithConsent } from '../support/first-run';

const TILES = galleryTiles(1280, 720);
/** Who sits where at first: tile k shows person k. */
const SELF = 0;
const PATIENT = 1;

async function announced(page: Page): Promise<string | undefined> {
  return (await page.locator('resmo-consultation-view [role="status"][aria-live="polite"]').textContent())?.trim();
}

/** Clicks the middle of the face in `tile` of the captured call, where the app draws it. */
async function tapTile(page: Page, tile: number): Promise<void> {
  const t = TILES[tile];
  if (t === undefined) throw new Error(`no tile ${tile}`);
  const point = await page.locator('resmo-face-overlay').evaluate(
    (el, p) => {
      const svg = el.shadowRoot?.querySelector('svg');
      const m = svg?.getScreenCTM();
      if (!svg || !m) throw new Error('no overlay');
      const q = new DOMPoint(p.x, p.y).matrixTransform(m);
      return { x: q.x, y: q.y };
    },
    { x: t.x + t.width / 2, y: t.y + t.height * 0.45 },
  );
  await page.mouse.click(point.x, point.y);
}

/** The tile under the centre of the analysed face, or -1 when no face is analysed. */
function analysedTile(page: Page): Promise<number> {
  return page.locator('resmo-face-overlay').evaluate((el: ResmoFaceOverlay, tiles) => {
    const face = el.faces[el.analysed];
    if (!face) return -1;
    const [x, y] = [face.box.x + face.box.width / 2, face.box.y + face.box.height / 2];
    return tiles.findIndex((t) => x >= t.x && x <= t.x + t.width && y >= t.y && y <= t.y + t.height);
  }, TILES);
}

/** Seconds of the live timeline with a reading: the same per-second stream the session records. */
const secondsRead = (page: Page): Promise<number> =>
  page.locator('resmo-live-readings').evaluate((el: ResmoLiveReadings) => el.points.filter((p) => p.p).length);

const reason = (page: Page): Promise<string> =>
  page.locator('resmo-emotion-bars').evaluate((el: ResmoEmotionBars) => el.reason);

describe.skipIf(!hasFer2013())('consultation by video call, read from a shared tab', () => {
  let server: DistServer;
  let call: CallPage;
  let browser: Browser;
  let context: BrowserContext;
  let app: Page;
  let callTab: Page;
  let labels: EmotionLabel[];

  beforeAll(async () => {
    const split = loadFer2013('val');
    labels = ['angry', 'happy', 'surprise', 'neutral'];
    const people: number[] = [];
    for (const label of labels) {
      const [best] = await confidentFaces(split, label);
      if (!best) throw new Error(`no confident ${label} face`);
      people.push(best.index);
    }
    server = await serveDist();
    call = await startCallPage(split, people);
    browser = await launchChromium([`--auto-select-tab-capture-source-by-title=${CALL_TITLE}`]);
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 720 } });
    // WebAssembly straight away: measuring every backend first takes minutes on a busy machine.
    await context.addInitScript(() => localStorage.setItem('resmo.preferences', JSON.stringify({ backend: 'wasm' })));
    callTab = await context.newPage();
    await callTab.goto(call.url);
    app = await context.newPage();
    await app.goto(`${server.url}#/patients`);
    await app.getByRole('button', { name: 'New patient' }).click();
    await app.keyboard.press('Enter');
    await app.goto(`${server.url}#/consultation`);
  });

  afterAll(async () => {
    await browser?.close();
    await call?.close();
    await server?.close();
  });

  it('reads the tapped patient, never the ignored self-view, and keeps them after the gallery reshuffles', async () => {
    await app.getByLabel('In a video call').check();
    await app.getByRole('button', { name: 'Share the call window' }).click();
    await expect.poll(() => app.getByText('Reading the call window').count(), { timeout: 20_000 }).toBe(1);
    const rects = app.locator('resmo-face-overlay rect:not(.hit)');
    await expect.poll(() => rects.count(), { timeout: 300_000, interval: 1000 }).toBeGreaterThanOrEqual(4);
    expect(await reason(app)).toBe("Tap the patient's face in the call");
    await app.getByLabel('ignores that face (your own view)').check();
    await tapTile(app, SELF);
    await tapTile(app, PATIENT);
    await expect.poll(() => analysedTile(app), { timeout: 10_000 }).toBe(PATIENT);
    await expect.poll(() => announced(app), { timeout: 30_000 }).toBe('Happiness');
    await app.locator('resmo-patient-picker select').selectOption({ index: 1 });
    await startWithConsent(app, app.getByRole('button', { name: 'Start session' }), app.getByText(/^Recording:/));
    const before = await secondsRead(app);
    await expect.poll(() => secondsRead(app), { timeout: 60_000 }).toBeGreaterThanOrEqual(before + 2);
    // The patient moves to the bottom left, the self-view to the bottom right.
    await callTab.evaluate(() => (window as unknown as { reshuffle(o: number[]): void }).reshuffle([2, 3, 1, 0]));
    await expect.poll(() => analysedTile(app), { timeout: 30_000 }).toBe(2);
    const moved = await secondsRead(app);
    await expect.poll(() => secondsRead(app), { timeout: 60_000 }).toBeGreaterThanOrEqual(moved + 2);
    expect(await analysedTile(app)).toBe(2);
    expect(await announced(app)).toBe('Happiness');
    // The patient leaves and a relative shows in their tile: nobody is read, and the screen asks again.
    await callTab.evaluate(() => (window as unknown as { reshuffle(o: number[]): void }).reshuffle([2, 3, 3, 0]));
    await expect
      .poll(() => reason(app), { timeout: 30_000 })
      .toBe("Resmo lost the patient and is not reading anyone. Tap the patient's face again.");
    expect(await analysedTile(app)).toBe(-1);
    // Back in the gallery, the patient is found again by their look.
    await callTab.evaluate(() => (window as unknown as { reshuffle(o: number[]): void }).reshuffle([2, 3, 1, 0]));
    await expect.poll(() => analysedTile(app), { timeout: 30_000 }).toBe(2);
    // Loading the models and choosing a backend takes minutes on a busy two-core machine.
  }, 400_000);

  it('says "no reliable face" for a frozen tile instead of a reading', async () => {
    await callTab.evaluate(() => (window as unknown as { freeze(k: number): void }).freeze(2));
    await expect.poll(() => reason(app), { timeout: 15_000 }).toBe("The patient's video is frozen: no reliable face");
    await callTab.evaluate(() => (window as unknown as { unfreeze(k: number): void }).unfreeze(2));
    await expect.poll(() => reason(app), { timeout: 15_000 }).toBe('');
  });

  it('pauses when sharing ends, and "Share again" continues the same session with the same patient', async () => {
    await callTab.close();
    await expect.poll(() => app.getByText('sharing ended', { exact: false }).count(), { timeout: 10_000 }).toBe(1);
    await app.waitForTimeout(2000);
    expect(await app.getByText(/^Recording:/).count()).toBe(1);
    callTab = await context.newPage();
    await callTab.goto(call.url);
    await callTab.evaluate(() => (window as unknown as { reshuffle(o: number[]): void }).reshuffle([2, 3, 1, 0]));
    await app.bringToFront();
    await app.getByRole('button', { name: 'Share again' }).click();
    await expect.poll(() => analysedTile(app), { timeout: 120_000 }).toBe(2);
    const again = await secondsRead(app);
    await expect.poll(() => secondsRead(app), { timeout: 60_000 }).toBeGreaterThanOrEqual(again + 1);
    await app.getByRole('button', { name: 'Stop session' }).click();
    await expect.poll(() => app.getByRole('button', { name: 'Start session' }).count()).toBe(1);

    const db = await dumpPageDatabase(app);
    const sessions = db.sessions as { id: string; source?: string; seconds: number }[];
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.source).toBe('video-call');
    const samples = db.samples as { second: number; probabilities: number[] | null }[];
    expect(samples.map((s) => s.second)).toEqual(samples.map((_, i) => i));
    const top = (p: readonly number[]): string => EMOTION_LABELS[p.indexOf(Math.max(...p))] ?? '';
    const read = samples.flatMap((s) => (s.probabilities ? [top(s.probabilities)] : []));
    // Seconds without a reading: at least one while the patient was away from the gallery and one
    // while their tile was frozen (one clean-clone run in three had no third).
    expect(samples.length - read.length).toBeGreaterThanOrEqual(2);
    expect(read.length).toBeGreaterThanOrEqual(1);
    expect(read.filter((t) => t === 'happy')).toEqual(read);
    // The live timeline is fed by the same per-second stream: every second read is the patient's.
    const live = await app
      .locator('resmo-live-readings')
      .evaluate((el: ResmoLiveReadings) => el.points.flatMap((p) => (p.p ? [p.p] : [])));
    expect(live.length).toBeGreaterThanOrEqual(3);
    expect(live.map(top).filter((t) => t === 'happy')).toHaveLength(live.length);
    expect(labels[PATIENT]).toBe('happy');
  }, 300_000);
});
