/**
 * The bench's pairings of ResmoNet's pipeline with Human's, each side's configuration named, and
 * the tables they print. A pairing's ratio is ResmoNet's frames per second over Human's, both
 * measured in the same Chromium run on the same frames.
 */
import type { BackendName } from '../../src/shared/protocol';
import { HUMAN_CONFIGS, type HumanConfig } from './human-page';

/**
 * How ResmoNet's worker runs: detecting on every frame, or reusing boxes once settled, each reading
 * every face once as Human does; or as shipped, reusing boxes and reading each face with its
 * mirror image (two passes of the emotion model per face, averaged).
 */
export type ResmoConfig = 'no-reuse' | 'reuse' | 'shipped';

export const RESMO_CONFIGS: Record<ResmoConfig, string> = {
  'no-reuse':
    'ResmoNet, no reuse: detector on every frame (set-tracking refreshInterval 1), emotion on every frame, each face read once (set-mirror false)',
  reuse:
    'ResmoNet, reuse: once settled, detector on 1 frame in 8 (and when the face moves), boxes reused between, emotion on every frame, each face read once (set-mirror false)',
  shipped:
    'ResmoNet as shipped: boxes reused as above, emotion on every frame, each face read with its mirror image and the two averaged (mirror averaging, on by default on WASM, WebGL and WebGPU)',
};

export interface Pairing {
  name: string;
  resmo: ResmoConfig;
  human: HumanConfig;
}

/** The like-for-like reuse pairing is the headline. */
export const PAIRINGS: Pairing[] = [
  { name: 'no reuse on either side', resmo: 'no-reuse', human: 'no-reuse' },
  { name: 'both reuse boxes (headline)', resmo: 'reuse', human: 'reuse' },
  { name: 'published before: tracking against no reuse', resmo: 'reuse', human: 'no-reuse' },
  { name: 'each as shipped', resmo: 'shipped', human: 'shipped' },
];

export interface Side {
  fps: number;
  /** Full frame times in ms, as measured inside the worker. */
  total: number[];
  /** Emotions computed per frame with a face (1 = every frame). */
  emotionsPerFrame: number;
  facesPerFrame: number;
  /** ResmoNet only: detector median and p95 ms, detector passes per frame. */
  detect?: number[];
  /** ResmoNet only: the detector worker's passes whose boxes frames took up, ms (the other core). */
  background?: number[];
  passes?: number;
}

export interface BackendRun {
  backend: BackendName;
  ran: string;
  resmo: Partial<Record<ResmoConfig, Side>>;
  human: Partial<Record<HumanConfig, Side>>;
}

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

const fixed = (v: number | undefined, digits = 1): string =>
  v !== undefined && Number.isFinite(v) ? v.toFixed(digits) : '–';
const stat = (values: number[] | undefined): string =>
  values === undefined ? '–' : `${fixed(quantile(values, 0.5))} / ${fixed(quantile(values, 0.95))}`;

export function pairingTable(runs: BackendRun[]): string {
  const lines = [
    '| backend | pairing | ResmoNet fps | Human fps | ratio | emotions per frame (ResmoNet / Human) |',
    '|---|---|---|---|---|---|',
  ];
  for (const run of runs) {
    for (const p of PAIRINGS) {
      const [r, h] = [run.resmo[p.resmo], run.human[p.human]];
      const ratio = r !== undefined && h !== undefined ? r.fps / h.fps : NaN;
      lines.push(
        `| ${run.backend}${run.ran === run.backend ? '' : ` (ran ${run.ran})`} | ${p.name} | ${fixed(r?.fps)} | ${fixed(h?.fps)} | ${fixed(ratio, 2)} | ${fixed(r?.emotionsPerFrame, 2)} / ${fixed(h?.emotionsPerFrame, 2)} |`,
      );
    }
  }
  return lines.join('\n');
}

export function detailTable(runs: BackendRun[]): string {
  const lines = [
    '| backend | side | full frame ms (median / p95) | p95 ÷ median | detect ms (median / p95) | detector worker ms (median / p95) | detector passes per frame | faces per frame |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const run of runs) {
    const sides: [string, Side | undefined][] = [
      ...Object.entries(run.resmo).map(([k, v]): [string, Side] => [`ResmoNet ${k}`, v]),
      ...Object.entries(run.human).map(([k, v]): [string, Side] => [`Human ${k}`, v]),
    ];
    for (const [name, s] of sides) {
      if (s === undefined) continue;
      const spread = quantile(s.total, 0.95) / quantile(s.total, 0.5);
      lines.push(
        `| ${run.backend} | ${name} | ${stat(s.total)} | ${fixed(spread, 1)} | ${stat(s.detect)} | ${stat(s.background?.length ? s.background : undefined)} | ${fixed(s.passes, 2)} | ${fixed(s.facesPerFrame, 2)} |`,
      );
    }
  }
  return lines.join('\n');
}

export function legend(): string {
  const names = [...Object.entries(RESMO_CONFIGS), ...Object.entries(HUMAN_CONFIGS)].map(([, v]) => `- ${v}`);
  return names.join('\n');
}
