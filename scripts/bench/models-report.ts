/** Summaries, the printed table and the two docs files of `npm run bench:models:browser`. */
import { writeFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';
import type { BackendName } from '../../src/shared/protocol';
import type { NetResult } from './models-protocol';

export interface ModelInfo {
  net: string;
  name: string;
  folder: string;
  bytes: number;
  /** First 12 hex digits of the SHA-256 of model.json's `modelTopology` (as stored) and of the shards. */
  topologySha256: string;
  weightsSha256: string;
  exported: string;
  note?: string;
}

export interface NetSummary {
  net: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  firstMs: number;
  loadMs: number;
  warmUpRuns: number;
  peakBytes: number;
  leakedTensors: number;
  timesMs: number[];
}

export interface BackendRow {
  backend: BackendName;
  /** Set when the backend initialised. */
  device?: string;
  /** Why the backend, or one network on it, could not be measured. */
  error?: string;
  nets: (NetSummary | { net: string; error: string })[];
}

export interface Report {
  date: string;
  command: string;
  commit: string;
  /** Free text on the conditions, from BENCH_NOTE. */
  note: string;
  machine: {
    cpu: string;
    cores: number;
    memoryGiB: number;
    os: string;
    loadAverageStart: number[];
    loadAverageEnd: number[];
    /** Other processes using a core at the start and at the end of the run. */
    busyStart: string[];
    busyEnd: string[];
  };
  chromium: { version: string; flags: string[] };
  tfjs: string;
  method: string;
  models: ModelInfo[];
  backends: BackendRow[];
}

/** Nearest-rank quantile: with fewer than 20 runs the p95 is the slowest run. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

const round = (v: number): number => Math.round(v * 100) / 100;

export function summarise(result: NetResult): NetSummary {
  return {
    net: result.net,
    runs: result.timesMs.length,
    medianMs: round(quantile(result.timesMs, 0.5)),
    p95Ms: round(quantile(result.timesMs, 0.95)),
    firstMs: round(result.firstMs),
    loadMs: round(result.loadMs),
    warmUpRuns: result.warmUpRuns,
    peakBytes: result.peakBytes,
    leakedTensors: result.leakedTensors,
    timesMs: result.timesMs.map(round),
  };
}

const ms = (v: number): string => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const mib = (bytes: number): string => `${bytes} (${(bytes / 2 ** 20).toFixed(2)} MiB)`;

function cell(row: BackendRow, net: string, show: (s: NetSummary) => string): string {
  const found = row.nets.find((n) => n.net === net);
  if (found === undefined) return row.error === undefined ? '–' : 'skipped';
  return 'error' in found ? 'failed' : show(found);
}

/** tfjs counts logical tensor sizes, so the peak is normally the same on every backend. */
function peak(report: Report, net: string): string {
  const found = report.backends.flatMap((b) =>
    b.nets.flatMap((n) => (n.net === net && !('error' in n) ? [{ backend: b.backend, bytes: n.peakBytes }] : [])),
  );
  if (new Set(found.map((f) => f.bytes)).size === 1) return mib(found[0]?.bytes ?? NaN);
  return found.map((f) => `${f.backend}: ${mib(f.bytes)}`).join(', ') || '–';
}

function table(report: Report, show: (s: NetSummary) => string, peakColumn = false): string[] {
  const header = `| network | ${report.backends.map((b) => b.backend).join(' | ')} |${peakColumn ? ' peak tensor bytes |' : ''}`;
  const rule = `|---|${report.backends.map(() => '---|').join('')}${peakColumn ? '---|' : ''}`;
  const lines = report.models.map(
    (m) =>
      `| ${m.name} | ${report.backends.map((b) => cell(b, m.net, show)).join(' | ')} |` +
      (peakColumn ? ` ${peak(report, m.net)} |` : ''),
  );
  return [header, rule, ...lines];
}

export const timeTable = (report: Report): string[] =>
  table(report, (s) => `${ms(s.medianMs)} / ${ms(s.p95Ms)} (n=${s.runs})`);

function leaks(report: Report): string {
  const leaky = report.backends.flatMap((b) =>
    b.nets.flatMap((n) =>
      'error' in n || n.leakedTensors === 0 ? [] : [`${n.net} on ${b.backend}: ${n.leakedTensors}`],
    ),
  );
  return leaky.length === 0
    ? 'Every measured network left no tensor behind once disposed (`tf.memory().numTensors`).'
    : `Tensors left behind after disposing the model: ${leaky.join(', ')}.`;
}

const busy = (processes: string[]): string =>
  processes.length === 0 ? 'none' : processes.map((p) => `\`${p}\``).join(', ');

function markdown(report: Report): string {
  const m = report.machine;
  const problems = report.backends.flatMap((b) => [
    ...(b.error === undefined ? [] : [`- **${b.backend}** stopped or did not initialise: \`${b.error}\``]),
    ...b.nets.flatMap((n) => ('error' in n ? [`- **${n.net} on ${b.backend}** failed: \`${n.error}\``] : [])),
  ]);
  return [
    '# Response time per face in Chromium',
    '',
    `Written by \`${report.command}\` (scripts/bench/models.browser.ts); the numbers are in`,
    '[models-browser.json](models-browser.json). The other columns of the comparison (parameters, FLOPs,',
    'model bytes, accuracy) are in [models.md](models.md).',
    '',
    `${report.method}`,
    '',
    '## Median / p95 ms per face (batch 1, 48×48×1; Human’s emotion model takes 64×64×1)',
    '',
    ...timeTable(report),
    '',
    'p95 is the nearest-rank 95th percentile, so with fewer than 20 runs it is the slowest run.',
    '',
    '## First inference (ms) and peak tensor bytes',
    '',
    'The first inference includes shader compilation and weight upload. Peak tensor bytes are `tf.profile`’s',
    '`peakBytes` for one inference minus the bytes already held (weights and input): the activations tfjs',
    'keeps alive at once, as tfjs counts them (logical tensor sizes, not GPU texture or buffer sizes), so',
    'they are the same on every backend unless the column says otherwise.',
    '',
    ...table(report, (s) => ms(s.firstMs), true),
    '',
    leaks(report),
    '',
    ...(problems.length > 0 ? ['## Not measured', '', ...problems, ''] : []),
    '## Conditions',
    '',
    `- Date: ${report.date}; commit ${report.commit}.`,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}.`,
    `- Load average (1, 5, 15 min) at start ${m.loadAverageStart.join(', ')}, at end ${m.loadAverageEnd.join(', ')}:`,
    '  anything above 0 is other work sharing the same cores.',
    `- Other processes using a core at the start: ${busy(m.busyStart)}; at the end: ${busy(m.busyEnd)}.`,
    ...(report.note === '' ? [] : [`- ${report.note}`]),
    `- Chromium ${report.chromium.version}, headless, flags \`${report.chromium.flags.join(' ')}\`.`,
    `- tfjs ${report.tfjs}; backends set up by the app's own \`src/worker/backends.ts\`.`,
    ...report.backends.filter((b) => b.device !== undefined).map((b) => `- ${b.backend}: ${b.device ?? ''}.`),
    '',
    '## Models',
    '',
    'Times depend on the topology, not on the weights: they hold for a re-export with other weights (a',
    'trained one, say) whose topology hash is the same. Hashes are the first 12 hex digits of SHA-256, of',
    'model.json’s `modelTopology` as stored and of the weight shards.',
    '',
    '| network | folder | model.json + weights | topology | weights | exported |',
    '|---|---|---|---|---|---|',
    ...report.models.map(
      (x) =>
        `| ${x.name} | \`${x.folder}\` | ${x.bytes} bytes | \`${x.topologySha256}\` | \`${x.weightsSha256}\` | ${x.exported} |`,
    ),
    '',
    ...report.models.filter((x) => x.note !== undefined).map((x) => `${x.name}: ${x.note ?? ''}`),
    '',
  ].join('\n');
}

export async function writeReport(report: Report, jsonPath: string, markdownPath: string): Promise<void> {
  // Formatted as `npm run format` would, so `prettier --check` passes on the committed files.
  const options = (await resolveConfig(markdownPath)) ?? {};
  await writeFile(jsonPath, await format(JSON.stringify(report), { ...options, parser: 'json' }));
  await writeFile(markdownPath, await format(markdown(report), { ...options, parser: 'markdown' }));
}
