/**
 * `npm run bench`: ResmoNet's pipeline (the production worker) against Human's face + emotion
 * pipeline, per backend, in one Chromium run on the same frames: 640×480 scenes with one FER2013
 * face each, every scene shown for a run of consecutive frames as a still camera would. ResmoNet's
 * worker first sees each scene for one untimed search cycle, so the timed frames are those of a
 * settled consultation (faces followed, boxes refreshed on some frames); Human keeps no state
 * between frames. BENCH_FRAMES scales the number of timed frames per backend.
 */
import { it } from 'vitest';
import type { BackendName, StageTimings } from '../../src/shared/protocol';
import { launchChromium } from '../../test/support/browser';
import { findWorkerChunk, InferencePage } from '../../test/support/inference-page';
import { loadFer2013, makeScenes, type Scene } from '../../test/support/scenes';
import { serveDist } from '../../test/support/serve-dist';
import { RegionPlanner } from '../../src/worker/regions';
import { HumanPage } from './human-page';

const SCALE = Number(process.env.BENCH_FRAMES ?? 1);
/** Timed frames and scenes per backend; the slow software backends see one scene. */
const PLAN: { backend: BackendName; frames: number; scenes: number }[] = [
  { backend: 'wasm', frames: 160, scenes: 4 },
  { backend: 'webgl', frames: 24, scenes: 1 },
  { backend: 'webgpu', frames: 12, scenes: 1 },
  { backend: 'cpu', frames: 16, scenes: 1 },
];
const WARM_UP = 3;
/** Untimed frames before each scene's timed run: one search cycle of a 640×480 frame, and two more. */
const SETTLE = new RegionPlanner().searchCycle(640, 480) + 2;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : '–');
const stat = (values: number[]): string => `${ms(quantile(values, 0.5))} / ${ms(quantile(values, 0.95))}`;

interface Row {
  backend: BackendName;
  ran: string;
  detect: number[];
  classify: number[];
  total: number[];
  fps: number;
  faces: number;
  /** Share of timed frames on which the detector ran. */
  detected: number;
  /** Per-stage medians of ResmoNet's frames without detection: decode, crop, classify. */
  reused: { decode: number; crop: number; classify: number; total: number };
  human: {
    ran: string;
    total: number[];
    /** Human's emotion model alone, timed after its frames, as ResmoNet's classify stage is timed between them. */
    emotion: number[];
    /** The same, timed right after loading, before any frame. */
    emotionAtStart: number[];
    fps: number;
    faces: number;
  } | null;
}

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

function medians(timings: StageTimings[]): Row['reused'] {
  const q = (pick: (t: StageTimings) => number): number => quantile(timings.map(pick), 0.5);
  return {
    decode: q((t) => t.decode),
    crop: q((t) => t.crop),
    classify: q((t) => t.classify),
    total: q((t) => t.total),
  };
}

function print(rows: Row[]): void {
  const lines = [
    '| backend | ResmoNet detect ms (median / p95) | ResmoNet classify stage ms | ResmoNet full frame ms | frames with detection | ResmoNet fps | Human full frame ms | Human emotion model ms | Human fps | classify ÷ Human emotion (target ≤ 0.5) | fps ÷ Human fps (target ≥ 2) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const h = r.human;
    const classifyRatio = h ? quantile(r.classify, 0.5) / quantile(h.emotion, 0.5) : NaN;
    const fpsRatio = h ? r.fps / h.fps : NaN;
    lines.push(
      `| ${r.backend}${r.ran === r.backend ? '' : ` (ran ${r.ran})`} | ${stat(r.detect)} | ${stat(r.classify)} | ${stat(r.total)} | ${Math.round(r.detected * 100)} % | ${r.fps.toFixed(1)} | ` +
        (h ? `${stat(h.total)} | ${stat(h.emotion)} | ${h.fps.toFixed(1)} | ` : 'failed | – | – | ') +
        `${Number.isFinite(classifyRatio) ? classifyRatio.toFixed(2) : '–'} | ${Number.isFinite(fpsRatio) ? fpsRatio.toFixed(2) : '–'} |`,
    );
  }
  const faces = rows
    .map((r) => `${r.backend}: ResmoNet ${r.faces.toFixed(2)}, Human ${r.human?.faces.toFixed(2) ?? '–'}`)
    .join('; ');
  const reused = rows
    .map(
      ({ backend, reused: t }) =>
        `${backend}: decode ${ms(t.decode)}, crop ${ms(t.crop)}, classify ${ms(t.classify)}, total ${ms(t.total)}`,
    )
    .join('; ');
  const atStart = rows
    .map(({ backend, human }) => `${backend}: ${human ? stat(human.emotionAtStart) : '–'}`)
    .join('; ');
  process.stdout.write(
    `\n${lines.join('\n')}\n\nFaces per frame (1 expected): ${faces}\n` +
      `ResmoNet frames that reuse boxes, median ms: ${reused}\n` +
      `Human emotion model timed at start-up instead, before any frame (median / p95 ms): ${atStart}\n\n`,
  );
}

it('benchmarks the inference pipeline against Human', async () => {
  const split = loadFer2013('val');
  const allScenes = makeScenes(split, { count: 4, sizes: [96, 128, 160, 192], facesPerScene: 1, seed: 77 });
  const server = await serveDist();
  const browser = await launchChromium(['--enable-unsafe-webgpu']);
  const rows: Row[] = [];
  try {
    for (const { backend, frames: base, scenes: sceneCount } of PLAN) {
      const frames = Math.max(4, Math.round(base * SCALE));
      const scenes = allScenes.slice(0, sceneCount);
      const ours = await InferencePage.open(browser, server.url, findWorkerChunk());
      let row: Row;
      try {
        const ready = await ours.init(backend, 4, 300_000);
        const { results, fps } = await timeScenes(
          scenes,
          frames,
          (s, n) => ours.run(s, n, 300_000, 'ImageBitmap', true),
          (s) => ours.run(s, SETTLE, 300_000),
        );
        const timings = results.map((r) => r.result.timings);
        row = {
          backend,
          ran: ready.backend,
          detect: timings.map((t) => t.detect),
          classify: timings.map((t) => t.classify),
          total: timings.map((t) => t.total),
          fps,
          faces: results.reduce((s, r) => s + r.result.faces.length, 0) / results.length,
          detected: timings.filter((t) => t.detect > 0).length / timings.length,
          reused: medians(timings.filter((t) => t.detect === 0)),
          human: null,
        };
      } catch (e) {
        process.stdout.write(`ResmoNet on ${backend} failed: ${String(e)}\n`);
        continue;
      } finally {
        await ours.close();
      }
      try {
        const emotionRuns = Math.max(5, Math.round(frames / 2));
        const { page, ready } = await HumanPage.open(browser, server.url, backend, emotionRuns);
        const { results, fps } = await timeScenes(scenes, frames, (s, n) => page.run(s, n));
        row.human = {
          ran: ready.backend,
          total: results.map((r) => r.ms),
          emotion: await page.timeEmotion(emotionRuns),
          emotionAtStart: ready.emotionMs,
          fps,
          faces: results.reduce((s, r) => s + r.faces, 0) / results.length,
        };
        await page.close();
      } catch (e) {
        process.stdout.write(`Human on ${backend} failed: ${String(e)}\n`);
      }
      rows.push(row);
      print(rows);
    }
  } finally {
    await browser.close();
    await server.close();
  }
});
