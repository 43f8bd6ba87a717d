import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/model-files';

/**
 * training.train.parse_args with --recipe: `npm run train` names a versioned recipe file instead of two dozen
 * flags. The recipe sets every option of the shipped run, the command line overrides it, and a key that is no
 * option stops the run (a typo must not silently train something else).
 */
const RECIPE = 'training/recipes/resmonet-1.7.0.json';
const PARSE = (argv: string[]): string => `
import json
from training.train import parse_args
print(json.dumps(vars(parse_args(${JSON.stringify(argv)}))))
`;

function parse(argv: string[]): Record<string, unknown> {
  const out = execFileSync('/usr/bin/python3', ['-c', PARSE(argv)], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
}

describe('training recipes (PyTorch)', () => {
  it('npm run train names the 1.7.0 recipe, which sets the shipped schedule', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.train).toContain(`--recipe ${RECIPE}`);
    const args = parse(['--recipe', RECIPE]);
    expect(args).toMatchObject({
      epochs: 100,
      restart_epochs: [30, 25, 15, 15, 15],
      restart_lr: [0.02, 0.01, 0.005, 0.01, 0.01],
      restart_ferplus: 0.1,
      distill: 0.5,
      distill_restarts: 2,
      ship: true,
      recall_floor: 0.5,
    });
    const meta = JSON.parse(readFileSync(join(REPO, 'public/models/resmonet/metadata.json'), 'utf8')) as {
      training: { schedule: { restart_epochs: number[]; restart_lr: number[] }; seed: number };
    };
    expect(args.restart_epochs).toEqual(meta.training.schedule.restart_epochs);
    expect(args.restart_lr).toEqual(meta.training.schedule.restart_lr);
    expect(args.seed).toBe(meta.training.seed);
  }, 60_000);

  it('lets the command line override the recipe', () => {
    const args = parse(['--recipe', RECIPE, '--threads', '1', '--epochs', '3']);
    expect(args.threads).toBe(1);
    expect(args.epochs).toBe(3);
    expect(args.distill).toBe(0.5);
  }, 60_000);

  it('stops on a key that is not an option', () => {
    const dir = mkdtempSync(join(tmpdir(), 'resmo-recipe-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ epochs: 5, restart_lrs: [0.1] }));
    const run = spawnSync('/usr/bin/python3', ['-c', PARSE(['--recipe', join(dir, 'bad.json')])], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('unknown option(s) restart_lrs');
  }, 60_000);
});
