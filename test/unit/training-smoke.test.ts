import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/model-files';
import { hasFer2013 } from '../support/scenes';

interface EpochRecord {
  epoch: number;
  loss: number;
  val_acc: number;
}

/** The training code runs end to end (data, model, augmentation, checkpoint) on 512 images in one epoch. */
describe.skipIf(!hasFer2013())('training smoke run (PyTorch)', () => {
  it('trains one epoch, logs it and writes a resumable checkpoint', () => {
    const out = execFileSync('/usr/bin/python3', ['-m', 'training.train', '--smoke', '--threads', '2'], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 600_000,
    });
    const runDir = /run (\S+): 512 train/.exec(out)?.[1] ?? '';
    expect(runDir).not.toBe('');
    const { history } = JSON.parse(readFileSync(join(runDir, 'history.json'), 'utf8')) as { history: EpochRecord[] };
    expect(history).toHaveLength(1);
    expect(Number.isFinite(history[0]?.loss)).toBe(true);
    expect(history[0]?.val_acc).toBeGreaterThanOrEqual(0);
    expect(existsSync(join(runDir, 'checkpoints', 'last.pt'))).toBe(true);
  }, 660_000); // about 1 min alone; much longer on a machine busy with other jobs
});
