/**
 * `npm run bench`: ResmoNet's pipeline (the production worker) against Human's face + emotion
 * pipeline, per backend, in one Chromium run on the same frames: 640×480 scenes with one FER2013
 * face each, every scene shown for a run of consecutive frames as a still camera would. Each side
 * runs in named configurations (`pairings.ts`), and the bench prints the pairings side by side:
 * no reuse on either side, both reusing boxes (the headline), the pairing published before, and
 * each as shipped. ResmoNet's worker first sees each scene for one untimed search cycle, so its
 * timed frames are those of a settled consultation. BENCH_FRAMES scales the number of timed frames
 * per backend; BENCH_BACKENDS (e.g. `wasm`) picks the backends.
 */
import { it } from 'vitest';
import type { BackendName, ResultMessage } from '../../src/shared/protocol';
import { launchChromium } from '../../test/support/browser';
import { findWorkerChunk, InferencePage } from '../../test/support/inference-page';
import { loadFer2013, makeScenes, type Scene } from '../../test/support/scenes';
import { serveDist } from '../../test/support/serve-dist';
import { RegionPlanner } from '../../src/worker/regions';
import { HumanPage, type HumanConfig, type HumanResult } from './human-page';
import { busyProcesses, loadAverage } from './machine';
import { type BackendRun, detailTable, legend, pairingTable, quantile, type ResmoConfig, type Side } from './pairings';

const SCALE = Number(process.env.BENCH_FRAMES ?? 1);
const ONLY = process.env.BENCH_BACKENDS?.split(',');
/** Timed frames and scenes per backend; the slow software backends see one scene. */
const PLAN: { backend: BackendName; frames: number; scenes: number }[] = [
  { backend: 'wasm', frames: 160, scenes: 4 },
  { backend: 'webgl', frames: 24, scenes: 1 },
  { backend: 'webgpu', frames: 12, scenes: 1 },
  { backend: 'cpu', frames: 16, scenes: 1 },
].filter((p) => ONLY === undefined || ONLY.includes(p.backend)) as typeof PLAN;
const WARM_UP = 3;
/** Untimed frames before each scene's timed run: one search cycle of a 640×480 frame, and two more. */
const SETTLE = new RegionPlanner().searchCycle(640, 480) + 2;

async function timeScenes<T>(
  scenes: Scene[],
  frames: number,
  run: (scene: Scene, n: number) => Promise<T[]>,
  settle?: (scene: Scene) => Promise<unknown>,
): Promise<{ results: T[]; fps: number }> {
  await run(scenes[0] as Scene, WARM_UP);
  const per = Math.max(1, Math.round(frames / scenes.length));
  const results: T[] = [];
  let wall = 0;
  for (const scene of scenes) {
    await settle?.(scene);
    const t0 = performance.now();
    results.push(...(await run(scene, per)));
    wall += performance.now() - t0;
  }
  return { results, fps: (1000 * results.length) / wall };
}

const mean = (values: number[]): number => values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);

async function resmoSide(
  page: InferencePage,
  config: ResmoConfig,
  scenes: Scene[],
  frames: number,
): Promise<{ side: Side; classify: number[] }> {
  await page.post({ type: 'set-tracking', refreshInterval: config === 'no-reuse' ? 1 : 8 });
  await page.post({ type: 'set-mirror', mirror: config === 'shipped' });
  const { results, fps } = await timeScenes<ResultMessage>(
    scenes,
    frames,
    (s, n) => page.run(s, n, 300_000, 'ImageBitmap', true),
    (s) => page.run(s, SETTLE, 300_000),
  );
  const withFace = results.filter((r) => r.result.faces.length > 0);
  const timings = results.map((r) => r.result.timings);
  const side: Side = {
    fps,
    total: timings.map((t) => t.total),
    detect: timings.map((t) => t.detect),
    background: timings.flatMap((t) => (t.background === undefined ? [] : [t.background])),
    passes: mean(results.map((r) => r.result.detectorPasses ?? 0)),
    emotionsPerFrame: withFace.filter((r) => r.result.timings.classify > 0).length / Math.max(1, withFace.length),
    facesPerFrame: mean(results.map((r) => r.result.faces.length)),
  };
  return { side, classify: timings.map((t) => t.classify) };
}

async function humanSide(
  open: (config: HumanConfig) => ReturnType<typeof HumanPage.open>,
  config: HumanConfig,
  scenes: Scene[],
  frames: number,
): Promise<{ side: Side; emotionMs: number[]; ran: string }> {
  const { page, ready } = await open(config);
  try {
    const { results, fps } = await timeScenes<HumanResult>(scenes, frames, (s, n) => page.run(s, n));
    const withFace = results.filter((r) => r.faces > 0);
    const side: Side = {
      fps,
      total: results.map((r) => r.ms),
      emotionsPerFrame: mean(withFace.map((r) => Math.min(1, r.emotions / r.faces))),
      facesPerFrame: mean(results.map((r) => r.faces)),
    };
    return { side, emotionMs: config === 'no-reuse' ? await page.timeEmotion(20) : [], ran: ready.backend };
  } finally {
    await page.close();
  }
}

it('benchmarks the inference pipeline against Human', async () => {
  const split = loadFer2013('val');
  const allScenes = makeScenes(split, { count: 4, sizes: [96, 128, 160, 192], facesPerScene: 1, seed: 77 });
  const server = await serveDist();
  const browser = await launchChromium(['--enable-unsafe-webgpu']);
  const runs: BackendRun[] = [];
  const notes: string[] = [];
  const started = { load: loadAverage(), busy: busyProcesses() };
  try {
    for (const { backend, frames: base, scenes: sceneCount } of PLAN) {
      const frames = Math.max(4, Math.round(base * SCALE));
      const scenes = allScenes.slice(0, sceneCount);
      const run: BackendRun = { backend, ran: backend, resmo: {}, human: {} };
      const ours = await InferencePage.open(browser, server.url, findWorkerChunk());
      try {
        run.ran = (await ours.init(backend, 4, 300_000)).backend;
        for (const config of ['no-reuse', 'reuse', 'shipped'] as const) {
          const { side, classify } = await resmoSide(ours, config, scenes, frames);
          run.resmo[config] = side;
          if (config !== 'no-reuse')
            notes.push(`${backend}: ResmoNet ${config} classify stage median ${quantile(classify, 0.5).toFixed(1)} ms`);
        }
      } catch (e) {
        process.stdout.write(`ResmoNet on ${backend} failed: ${String(e)}\n`);
        continue;
      } finally {
        await ours.close();
      }
      for (const config of ['no-reuse', 'reuse', 'shipped'] as const) {
        try {
          const open = (c: HumanConfig) => HumanPage.open(browser, server.url, backend, 5, c);
          const { side, emotionMs } = await humanSide(open, config, scenes, frames);
          run.human[config] = side;
          if (emotionMs.length > 0)
            notes.push(`${backend}: Human emotion model median ${quantile(emotionMs, 0.5).toFixed(1)} ms`);
        } catch (e) {
          process.stdout.write(`Human (${config}) on ${backend} failed: ${String(e)}\n`);
        }
      }
      runs.push(run);
      process.stdout.write(`\n${pairingTable(runs)}\n`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  process.stdout.write(
    `\nPairings (frames per second from the page, capture and transfer included):\n\n${pairingTable(runs)}\n\n` +
      `Per side:\n\n${detailTable(runs)}\n\nConfigurations:\n${legend()}\n\n${notes.join('\n')}\n\n` +
      `Load average at start ${started.load.join(' ')}, at end ${loadAverage().join(' ')}; ` +
      `other busy processes at start: ${started.busy.join('; ') || 'none'}\n`,
  );
});
