/**
 * `npm run bench:mirror`: the cost of mirror averaging in the production worker, per backend, in one
 * Chromium run. The same 640×480 scenes (one FER2013 face each) go through the pipeline as shipped
 * (boxes reused between detections), once reading each face alone and once with its mirror image
 * (ResmoNet on a batch of two); both runs of a backend alternate in blocks so load drifts hit both.
 * It prints the classify stage and the whole frame, median and 95th percentile, and whether the frame
 * stays within a camera frame (33.3 ms at 30 frames per second). BENCH_BACKENDS picks the backends.
 */
import { it } from 'vitest';
import type { BackendName, ResultMessage } from '../../src/shared/protocol';
import { MIRROR_BACKENDS } from '../../src/worker/mirror-policy';
import { launchChromium } from '../../test/support/browser';
import { findWorkerChunk, InferencePage } from '../../test/support/inference-page';
import { loadFer2013, makeScenes, type Scene } from '../../test/support/scenes';
import { serveDist } from '../../test/support/serve-dist';
import { RegionPlanner } from '../../src/worker/regions';
import { loadAverage } from './machine';
import { quantile } from './pairings';

const ONLY = process.env.BENCH_BACKENDS?.split(',');
/** Timed frames per mode and block; the slow software backends get fewer. */
const PLAN: { backend: BackendName; frames: number; blocks: number }[] = [
  { backend: 'wasm', frames: 40, blocks: 4 },
  { backend: 'webgl', frames: 8, blocks: 2 },
  { backend: 'webgpu', frames: 8, blocks: 2 },
  { backend: 'cpu', frames: 6, blocks: 2 },
].filter((p) => ONLY === undefined || ONLY.includes(p.backend)) as typeof PLAN;
const CAMERA_FRAME_MS = 1000 / 30;
const SETTLE = new RegionPlanner().searchCycle(640, 480) + 2;

interface Times {
  classify: number[];
  total: number[];
  mirrored: number;
}

async function timeMode(page: InferencePage, scenes: Scene[], mirror: boolean, frames: number, into: Times) {
  await page.post({ type: 'set-mirror', mirror });
  for (const scene of scenes) {
    await page.run(scene, SETTLE, 300_000);
    const results: ResultMessage[] = await page.run(scene, frames, 300_000, 'ImageBitmap', true);
    for (const { result } of results.filter((r) => r.result.faces.length > 0)) {
      into.classify.push(result.timings.classify);
      into.total.push(result.timings.total);
      if (result.mirrored) into.mirrored++;
    }
  }
}

const ms = (v: number): string => v.toFixed(1);
const spread = (v: number[]): string => `${ms(quantile(v, 0.5))} (${ms(quantile(v, 0.95))})`;

/** One backend's line. Where the app does not mirror, the second run is plain too: say so, not a cost. */
function row(backend: BackendName, ran: string, plain: Times, mirror: Times): string {
  const head = `| ${backend} (ran ${ran}) | ${plain.total.length} / ${mirror.total.length} | ${spread(plain.classify)} |`;
  if (mirror.mirrored === 0) {
    const fits = quantile(plain.total, 0.5) <= CAMERA_FRAME_MS;
    return `${head} not mirrored by the app | | ${spread(plain.total)} | | ${fits ? 'yes' : 'no, not even without'} | off |`;
  }
  const ratio = quantile(mirror.classify, 0.5) / quantile(plain.classify, 0.5);
  const fits = quantile(mirror.total, 0.5) <= CAMERA_FRAME_MS;
  const policy = MIRROR_BACKENDS.has(backend) ? 'on' : 'off';
  return (
    `${head} ${spread(mirror.classify)} | ${ratio.toFixed(2)}× | ${spread(plain.total)} | ${spread(mirror.total)} | ` +
    `${fits ? 'yes' : 'no'} | ${policy} (${mirror.mirrored} of ${mirror.total.length} frames mirrored) |`
  );
}

it('measures the cost of mirror averaging per backend', async () => {
  const scenes = makeScenes(loadFer2013('val'), { count: 4, sizes: [96, 128, 160, 192], facesPerScene: 1, seed: 77 });
  const server = await serveDist();
  const browser = await launchChromium(['--enable-unsafe-webgpu']);
  const rows: string[] = [];
  const load = loadAverage();
  try {
    for (const { backend, frames, blocks } of PLAN) {
      const page = await InferencePage.open(browser, server.url, findWorkerChunk());
      try {
        const ran = (await page.init(backend, 1, 300_000)).backend;
        const used = backend === 'wasm' ? scenes : scenes.slice(0, 1);
        const plain: Times = { classify: [], total: [], mirrored: 0 };
        const mirror: Times = { classify: [], total: [], mirrored: 0 };
        for (let b = 0; b < blocks; b++) {
          await timeMode(page, used, false, frames, plain);
          await timeMode(page, used, true, frames, mirror);
        }
        rows.push(row(backend, ran, plain, mirror));
      } catch (e) {
        rows.push(`| ${backend} | failed: ${String(e).split('\n')[0]} |`);
      } finally {
        await page.close();
      }
      process.stdout.write(`${rows.at(-1)}\n`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  process.stdout.write(
    `\nMirror averaging in the production worker (frames with a face; milliseconds, median (p95)):\n\n` +
      `| backend | frames plain / mirror | classify, face only | classify, face + mirror | ratio | frame, face only | frame, face + mirror | frame within 33.3 ms | app default |\n` +
      `|---|---:|---:|---:|---:|---:|---:|---|---|\n${rows.join('\n')}\n\n` +
      `Load average at start ${load.join(' ')}, at end ${loadAverage().join(' ')}\n`,
  );
});
