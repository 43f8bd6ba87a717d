/**
 * `npm run bench`, video-call source: a 1280×720 call gallery of four FER2013 faces (2×2 tiles,
 * faces of about 100 px, each drifting as people on a call do), offered at 15 frames per second to
 * the production worker, per backend, in two modes: before the patient is chosen (every face of
 * the gallery is detected and read) and once they are (the app sends `set-focus` with the tapped
 * face's box: the worker reads only the patient in a region around them and the whole gallery on
 * one frame in 30). The patient (the face in the top-right tile) is followed by the app's own
 * CallFaceSelector. Printed: the frames per second the worker keeps up with, detector passes per
 * frame, the share of frames with a reading for the patient, and readings per second for the
 * patient (at most 15, the rate of the source). BENCH_FRAMES scales the timed frames;
 * BENCH_BACKENDS picks backends.
 */
import { it } from 'vitest';
import type { BackendName, Box, FrameResult, StageTimings } from '../../src/shared/protocol';
import { CallFaceSelector } from '../../src/live/call-selector';
import { faceAt } from '../../src/live/face-follow';
import { launchChromium } from '../../test/support/browser';
import { FACE_SHARE } from '../../test/support/call-page';
import { drawGallery, drift, galleryTiles, ROOMS } from '../../test/support/call-tiles';
import { findWorkerChunk, InferencePage, type GreyFrame } from '../../test/support/inference-page';
import { loadFer2013 } from '../../test/support/scenes';
import { serveDist } from '../../test/support/serve-dist';

const SCALE = Number(process.env.BENCH_FRAMES ?? 1);
const [WIDTH, HEIGHT, SOURCE_FPS] = [1280, 720, 15];
/** BENCH_BACKENDS=wasm,cpu limits the run to those backends. */
const ONLY = process.env.BENCH_BACKENDS?.split(',');
const PLAN: { backend: BackendName; frames: number }[] = [
  { backend: 'wasm' as const, frames: 150 },
  { backend: 'webgl' as const, frames: 30 },
  { backend: 'webgpu' as const, frames: 15 },
  { backend: 'cpu' as const, frames: 10 },
].filter(({ backend }) => ONLY?.includes(backend) ?? true);
const PATIENT_TILE = 1;
/** Two seconds of the call; the bench cycles through them. */
const CLIP = 2 * SOURCE_FPS;

function callClip(): GreyFrame[] {
  const split = loadFer2013('val');
  const people = ROOMS.map((room, k) => ({ index: split.faces[100 + 37 * k] ?? 0, room }));
  const tiles = galleryTiles(WIDTH, HEIGHT);
  return Array.from({ length: CLIP }, (_, f) => {
    const poses = people.map((_, k) => drift(k, f / SOURCE_FPS));
    const rgba = drawGallery(split, people, tiles, WIDTH, HEIGHT, { faceShare: FACE_SHARE, poses });
    const grey = new Uint8Array(WIDTH * HEIGHT);
    for (let i = 0; i < grey.length; i++)
      grey[i] = 0.299 * (rgba[4 * i] ?? 0) + 0.587 * (rgba[4 * i + 1] ?? 0) + 0.114 * (rgba[4 * i + 2] ?? 0);
    return { width: WIDTH, height: HEIGHT, grey };
  });
}

/** The patient's readings over the results, as the consultation screen would take them. */
function patientReadings(results: FrameResult[]): number {
  const tile = galleryTiles(WIDTH, HEIGHT)[PATIENT_TILE];
  if (tile === undefined) return 0;
  const selector = new CallFaceSelector();
  let chosen = false;
  let readings = 0;
  results.forEach((result, f) => {
    const now = (f * 1000) / SOURCE_FPS;
    const selection = selector.select(result.faces, now);
    if (!chosen) {
      const index = selector.faceAt(tile.x + tile.width / 2, tile.y + tile.height * 0.45);
      if (index !== null) selector.choose(index, now);
      chosen = index !== null;
    } else if (selection.face !== null && selection.issues.length === 0) readings++;
  });
  return readings / Math.max(1, results.length - 1);
}

/** The patient's box in a frame's result, where a tap on their tile finds it. */
function patientBox(result: FrameResult | undefined): Box | null {
  const tile = galleryTiles(WIDTH, HEIGHT)[PATIENT_TILE];
  if (result === undefined || tile === undefined) return null;
  const index = faceAt(result.faces, tile.x + tile.width / 2, tile.y + tile.height * 0.45);
  return index === null ? null : (result.faces[index]?.box ?? null);
}

it('benchmarks the video-call source', async () => {
  const clip = callClip();
  const server = await serveDist();
  const browser = await launchChromium(['--enable-unsafe-webgpu']);
  const lines = [
    '| backend, mode | fps kept up (source 15) | detector passes per frame | frames with a patient reading | patient readings per s | median ms: decode / detect / crop / classify / frame |',
    '|---|---|---|---|---|---|',
  ];
  try {
    for (const { backend, frames } of PLAN) {
      for (const focused of [false, true]) {
        const page = await InferencePage.open(browser, server.url, findWorkerChunk());
        try {
          const ready = await page.init(backend, 4, 300_000);
          const warm = await page.run(clip, CLIP, 300_000);
          const box = focused ? patientBox(warm.at(-1)?.result) : null;
          if (focused && box === null) throw new Error('the patient was not found');
          if (box !== null) await page.post({ type: 'set-focus', box });
          const n = Math.max(6, Math.round(frames * SCALE));
          const t0 = performance.now();
          const results = (await page.run(clip, n, 600_000, 'ImageBitmap', true)).map((m) => m.result);
          const fps = (1000 * n) / (performance.now() - t0);
          const passes = results.reduce((s, r) => s + (r.detectorPasses ?? 0), 0) / n;
          const share = patientReadings(results);
          const perSecond = Math.min(fps, SOURCE_FPS) * share;
          const median = (pick: (t: StageTimings) => number): string =>
            (results.map((r) => pick(r.timings)).sort((a, b) => a - b)[Math.floor(n / 2)] ?? NaN).toFixed(0);
          const stages = [median((t) => t.decode), median((t) => t.detect), median((t) => t.crop)];
          const total = [...stages, median((t) => t.classify), median((t) => t.total)].join(' / ');
          const mode = focused ? 'patient chosen' : 'whole gallery';
          const name = `${ready.backend === backend ? backend : `${backend} (ran ${ready.backend})`}, ${mode}`;
          lines.push(
            `| ${name} | ${fps.toFixed(1)} | ${passes.toFixed(2)} | ${Math.round(share * 100)} % | ${perSecond.toFixed(1)} | ${total} |`,
          );
        } catch (e) {
          lines.push(
            `| ${backend}, ${focused ? 'patient chosen' : 'whole gallery'} | failed: ${String(e).slice(0, 120)} | | | | |`,
          );
        } finally {
          await page.close();
        }
      }
      process.stdout.write(`\nVideo call, 1280×720, four tiles, faces of about 100 px:\n${lines.join('\n')}\n`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
});
