/**
 * `npm run bench:models:browser`: response time per face of the five networks of the comparison
 * (training/research/compare.py's exports) in headless Chromium, on WebGPU, WebGL, WASM and CPU, each
 * backend in a fresh page and module worker. Writes docs/models-browser.{json,md}.
 * BENCH_BACKENDS and BENCH_NETS (comma lists) narrow a run; a narrowed run only prints.
 * BENCH_BUDGET_MS is the timed budget per backend × network (default 10000); BENCH_NOTE is written
 * into the conditions (e.g. what else was running).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { it } from 'vitest';
import type { BackendName } from '../../src/shared/protocol';
import { launchChromium } from '../../test/support/browser';
import { CHROMIUM_ARGS } from '../../test/support/chromium-flags';
import { REPO } from '../../test/support/model-files';
import { busyProcesses, loadAverage, machine } from './machine';
import type { ModelsReply, ModelsRequest, NetInput, RunPlan } from './models-protocol';
import { summarise, timeTable, writeReport, type BackendRow, type ModelInfo, type Report } from './models-report';
import { modelFiles, serveModelsBench, WORKER_PATH } from './models-server';

interface Net {
  net: string;
  name: string;
  /** The folder under the repository, and the model JSON when it is not `model.json`. */
  folder: string;
  modelJson?: string;
  input: NetInput;
}

const COMPARE = 'training/out/compare';
const SHIPPED = 'public/models/resmonet';
const LAYERS_48: NetInput = { format: 'layers', side: 48 };
const NETS: Net[] = [
  ...(
    [
      ['mobilenet_v1', 'MobileNet v1'],
      ['peleenet', 'PeleeNet'],
      ['ednn', 'EDNN'],
      ['idnn', 'IDNN'],
      ['resmonet', 'ResmoNet'],
    ] as const
  ).map(([net, name]) => ({ net, name, folder: `${COMPARE}/${net}`, input: LAYERS_48 })),
  // The model the app loads: the same network and weights as the ResmoNet row, exported as a
  // fused graph (conv + bias + ReLU in one op).
  {
    net: 'resmonet_shipped',
    name: 'ResmoNet shipped (fused graph)',
    folder: SHIPPED,
    input: { format: 'graph', side: 48 },
  },
  // The peer of `npm run bench`: Human's emotion model (a graph model on 64×64 grey faces), timed
  // here exactly like ResmoNet.
  {
    net: 'human_emotion',
    name: 'Human emotion (peer)',
    folder: 'node_modules/@vladmandic/human/models',
    modelJson: 'emotion.json',
    input: { format: 'graph', side: 64 },
  },
];
const BACKENDS: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
const EXTRA_FLAGS = ['--enable-unsafe-webgpu'];
const PLAN: RunPlan = {
  warmUpRuns: 3,
  budgetMs: Number(process.env.BENCH_BUDGET_MS ?? 10_000),
  minRuns: 5,
  maxRuns: 100,
  slowMs: 1000,
};
const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex').slice(0, 12);

/** The layers topology as stored: what the timing depends on, whatever the weights. */
const topology = (modelJson: string): string =>
  JSON.stringify((JSON.parse(readFileSync(modelJson, 'utf8')) as { modelTopology: unknown }).modelTopology);

const pick = <T extends string>(all: readonly T[], env: string | undefined): T[] =>
  env ? all.filter((x) => env.split(',').includes(x)) : [...all];

async function describeModel({ net, name, folder, modelJson = 'model.json' }: Net): Promise<ModelInfo> {
  const dir = join(REPO, folder);
  if (!existsSync(join(dir, modelJson)))
    throw new Error(`${folder}/${modelJson} is missing: run npm run bench:models (or npm ci for Human's)`);
  const files = await modelFiles(dir, modelJson);
  const info: ModelInfo = {
    net,
    name,
    folder,
    bytes: files.reduce((sum, file) => sum + statSync(join(dir, file)).size, 0),
    topologySha256: sha256(topology(join(dir, modelJson))),
    weightsSha256: sha256(Buffer.concat(files.slice(1).map((file) => readFileSync(join(dir, file))))),
    exported: statSync(join(dir, modelJson)).mtime.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  };
  return net === 'resmonet' ? { ...info, note: shippedNote(dir) } : info;
}

/** Timing depends on the topology only; says whether the shipped model shares this one's. */
function shippedNote(dir: string): string {
  const shipped = join(REPO, SHIPPED);
  const { version, format } = JSON.parse(readFileSync(join(shipped, 'metadata.json'), 'utf8')) as {
    version: string;
    format: string;
  };
  if (topology(join(dir, 'model.json')) === topology(join(shipped, 'model.json')))
    return `same topology as the shipped \`${SHIPPED}\` (version ${version}), so its times apply to the shipped model.`;
  if (format === 'tfjs-graph' && floatWeights(join(dir, 'model.json')) === floatWeights(join(shipped, 'model.json')))
    return (
      `the Keras layers form of the network that \`${SHIPPED}\` (version ${version}) ships as a fused graph ` +
      '(same weight tensors); the row "ResmoNet shipped (fused graph)" times the shipped graph.'
    );
  return `a different topology from the shipped \`${SHIPPED}\` (version ${version}).`;
}

/** The float weight tensors of a model.json, as "name shape" lines: equal for two formats of one network. */
function floatWeights(modelJson: string): string {
  const { weightsManifest } = JSON.parse(readFileSync(modelJson, 'utf8')) as {
    weightsManifest: { weights: { name: string; shape: number[]; dtype: string }[] }[];
  };
  return weightsManifest
    .flatMap((group) => group.weights)
    .filter((w) => w.dtype === 'float32')
    .map((w) => `${w.name} ${w.shape.join('x')}`)
    .sort()
    .join('\n');
}

/** One request to the page's bench worker (created on first use); resolves with its one reply. */
function call(page: Page, request: ModelsRequest): Promise<ModelsReply> {
  return page.evaluate(
    ({ request, path }) =>
      new Promise<ModelsReply>((resolve) => {
        const scope = globalThis as unknown as { benchWorker?: Worker };
        scope.benchWorker ??= new Worker(path, { type: 'module' });
        scope.benchWorker.onmessage = ({ data }: MessageEvent<ModelsReply>) => resolve(data);
        scope.benchWorker.onerror = (e) => resolve({ type: 'error', message: e.message || 'worker failed' });
        scope.benchWorker.postMessage(request);
      }),
    { request, path: WORKER_PATH },
  );
}

const log = (line: string): void => void process.stdout.write(`${line}\n`);

async function benchBackend(browser: Browser, url: string, backend: BackendName, nets: Net[]): Promise<BackendRow> {
  const page = await browser.newPage();
  const row: BackendRow = { backend, nets: [] };
  try {
    await page.goto(url);
    const ready = await call(page, { type: 'init', backend });
    if (ready.type !== 'ready') return { ...row, error: firstLine(ready) };
    if (ready.backend !== backend) return { ...row, error: `tfjs ran ${ready.backend} instead` };
    log(`${backend}: ${ready.device}`);
    row.device = ready.device;
    for (const { net, input } of nets) {
      const url = `/models/${net}/model.json`;
      const reply = await call(page, { type: 'bench', net, url, input, plan: PLAN });
      const result = reply.type === 'result' ? summarise(reply) : { net, error: firstLine(reply) };
      row.nets.push(result);
      log(
        `  ${net}: ${'error' in result ? result.error : `median ${result.medianMs} ms, p95 ${result.p95Ms} ms, n=${result.runs}, first ${result.firstMs} ms, peak ${result.peakBytes} B`}`,
      );
    }
    return row;
  } catch (e) {
    // The page or its worker died (a GPU process crash, say): keep what was measured before.
    return { ...row, error: String(e).split('\n')[0] ?? 'failed' };
  } finally {
    await page.close();
  }
}

function firstLine(reply: ModelsReply): string {
  return reply.type === 'error' ? (reply.message.split('\n')[0] ?? reply.message) : `unexpected ${reply.type} reply`;
}

function method(plan: RunPlan): string {
  return (
    'Each backend runs in a fresh page and module worker set up like the app’s inference worker. Per network: ' +
    `load, one first inference, up to ${plan.warmUpRuns} warm-up inferences, then timed inferences of one random ` +
    'face each (tensor from a Float32Array, `predict`, `await data()`, dispose), timed inside the worker: as many as ' +
    `fit in ${plan.budgetMs / 1000} s at the slowest warm-up’s pace, at least ${plan.minRuns} and at most ` +
    `${plan.maxRuns}; after a warm-up inference over ${plan.slowMs / 1000} s, no further warm-up and ` +
    `${plan.minRuns} timed runs. One network and one backend at a time. This is the classifier alone; ` +
    '`npm run bench` times the whole pipeline (detection, crops, classification) of the app.'
  );
}

it('measures the comparison networks per face in Chromium', async () => {
  const chosen = pick(
    NETS.map(({ net }) => net),
    process.env.BENCH_NETS,
  );
  const nets = NETS.filter(({ net }) => chosen.includes(net));
  const backends = pick(BACKENDS, process.env.BENCH_BACKENDS);
  const models = await Promise.all(nets.map(describeModel));
  const report: Report = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    command: 'npm run bench:models:browser',
    commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim(),
    machine: machine(),
    note: process.env.BENCH_NOTE ?? '',
    chromium: { version: '', flags: [...CHROMIUM_ARGS, ...EXTRA_FLAGS] },
    tfjs: (
      JSON.parse(readFileSync(join(REPO, 'node_modules/@tensorflow/tfjs/package.json'), 'utf8')) as { version: string }
    ).version,
    method: method(PLAN),
    models,
    backends: [],
  };
  log(`Other work on the machine: ${report.machine.busyStart.join('; ') || 'none'}`);
  const server = await serveModelsBench(
    Object.fromEntries(nets.map(({ net, folder, modelJson }) => [net, { dir: join(REPO, folder), modelJson }])),
  );
  const browser = await launchChromium(EXTRA_FLAGS);
  try {
    report.chromium.version = browser.version();
    for (const backend of backends) {
      const row = await benchBackend(browser, server.url, backend, nets);
      if (row.error !== undefined) log(`${backend}: not measured: ${row.error}`);
      report.backends.push(row);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  report.machine.loadAverageEnd = loadAverage();
  report.machine.busyEnd = busyProcesses();
  log(`\nMedian / p95 ms per face:\n\n${timeTable(report).join('\n')}\n`);
  if (nets.length === NETS.length && backends.length === BACKENDS.length) {
    await writeReport(report, join(REPO, 'docs/models-browser.json'), join(REPO, 'docs/models-browser.md'));
    log('Wrote docs/models-browser.json and docs/models-browser.md.');
  }
});
