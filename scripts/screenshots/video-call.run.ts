/**
 * Screenshots of the video-call source for docs/images/: the source picker, and a call gallery
 * with the patient chosen and the self-view ignored, in English and Spanish at 320, 390 and
 * 1024 px. The call is the e2e test's call page, captured for real (see test/e2e/video-call.test.ts).
 */
import { it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ResmoFaceOverlay } from '../../src/components/consultation/resmo-face-overlay';
import { launchChromium } from '../../test/support/browser';
import { CALL_TITLE, startCallPage } from '../../test/support/call-page';
import { galleryTiles } from '../../test/support/call-tiles';
import { confidentFaces } from '../../test/support/fake-camera';
import { loadFer2013 } from '../../test/support/scenes';
import { serveDist } from '../../test/support/serve-dist';

const OUT = process.env.SCREENSHOT_DIR ?? 'docs/images';
const WIDTHS = [320, 390, 1024];
let browser: Browser;

/** Taps the middle of the face in `tile`; the captured frame may be smaller than the 1280×720 call. */
async function tapTile(page: Page, tile: number): Promise<void> {
  const t = galleryTiles(1280, 720)[tile];
  if (t === undefined) return;
  const point = await page.locator('resmo-face-overlay').evaluate(
    (el: ResmoFaceOverlay, p) => {
      const m = el.shadowRoot?.querySelector('svg')?.getScreenCTM();
      if (!m) throw new Error('no overlay');
      const scale = el.frameWidth / 1280;
      const q = new DOMPoint(p.x * scale, p.y * scale).matrixTransform(m);
      return { x: q.x, y: q.y };
    },
    { x: t.x + t.width / 2, y: t.y + t.height * 0.45 },
  );
  await page.mouse.click(point.x, point.y);
}

it('takes the video-call screenshots', async () => {
  const split = loadFer2013('val');
  const people: number[] = [];
  for (const label of ['neutral', 'happy', 'surprise', 'sad'] as const) {
    const [best] = await confidentFaces(split, label);
    people.push(best?.index ?? 0);
  }
  const server = await serveDist();
  const call = await startCallPage(split, people);
  browser = await launchChromium([`--auto-select-tab-capture-source-by-title=${CALL_TITLE}`]);
  try {
    // The call plays in its own context, so resizing the app never resizes the shared tab.
    const callContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await (await callContext.newPage()).goto(call.url);
    for (const lang of (process.env.SCREENSHOT_LANGS ?? 'en,es').split(',')) await shoot(server.url, lang);
  } finally {
    await browser.close();
    await call.close();
    await server.close();
  }
});

/**
 * One language: the picker at every width, then the call read once, with the patient chosen, at
 * every width. One page per language: a fresh page per width would load the models and warm the
 * worker up six times, which is what made this script run for most of an hour on a busy machine.
 */
async function shoot(url: string, lang: string): Promise<void> {
  const context = await browser.newContext({
    locale: lang === 'en' ? 'en-US' : 'es-MX',
    viewport: { width: 1024, height: 900 },
  });
  context.setDefaultTimeout(60_000);
  await context.addInitScript((l) => {
    localStorage.setItem('resmo.locale', l);
    localStorage.setItem('resmo.preferences', JSON.stringify({ backend: 'wasm' }));
  }, lang);
  const app = await context.newPage();
  const log = (what: string): void => void process.stdout.write(`${lang}: ${what}\n`);
  await app.goto(`${url}#/consultation`);
  await app.locator('resmo-source-picker input[value="video-call"]').check();
  const view = app.locator('resmo-consultation-view');
  for (const width of WIDTHS) {
    await app.setViewportSize({ width, height: 900 });
    await app.waitForTimeout(500);
    await view.screenshot({ path: `${OUT}/call-source-picker-${lang}-${width}.png`, animations: 'disabled' });
  }
  log('picker done');
  await app.setViewportSize({ width: 1024, height: 900 });
  await app.locator('resmo-consultation-view .controls button.source').click();
  const rects = app.locator('resmo-face-overlay rect:not(.hit)');
  for (let i = 0; i < 600 && (await rects.count()) < 4; i++) await app.waitForTimeout(500);
  log(`${await rects.count()} faces`);
  const analysed = (): Promise<number> =>
    app.locator('resmo-face-overlay').evaluate((el: ResmoFaceOverlay) => el.analysed);
  for (let i = 0; i < 20 && (await analysed()) < 0; i++) {
    await app.locator('resmo-call-panel input[name="tap"]').nth(1).check();
    await tapTile(app, 0);
    await tapTile(app, 1);
    await app.waitForTimeout(3000);
  }
  log(`patient ${await analysed()}`);
  for (const width of WIDTHS) {
    await app.setViewportSize({ width, height: 900 });
    await app.waitForTimeout(3000);
    await view.screenshot({ path: `${OUT}/call-gallery-${lang}-${width}.png`, animations: 'disabled' });
  }
  log('gallery done');
  await context.close();
}
