import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/model-files';

/**
 * training.research.compare_worker: the comparison runs take many hours, so the queue must survive being
 * stopped. A tiny queue (--smoke: 256 images, ResmoNet, two learning rates in the short check, 2 epochs) is run
 * once straight through, and once stopped after every job (--max-jobs 1) and started again each time. Both
 * must pick the same learning rate and log the same epochs with the same loss and val figures, and the
 * checkpoints must stay in the cache folder, not next to the logs. Since every epoch starts from the checkpoint
 * of the one before, both are also checked against the same two epochs trained in memory, without checkpoints
 * (a state that a checkpoint drops, such as the optimiser's momentum, would show there).
 */
const IN_MEMORY = (dir: string, lr: number): string => `
import json, torch
import training.research.compare_train as C
import training.research.compare_worker as W
from training.evaluate import recalibrate_bn
W.smoke(${JSON.stringify(dir)})
torch.set_num_threads(1)
data = C.Data(256)
model, opt = C.new_model("resmonet", ${lr})
out = []
for epoch in range(2):
    loss = C.train_epoch(model, opt, data.x, data.targets, data.weights, epoch, 2, ${lr}, 1)
    recalibrate_bn(model, data.x)
    out.append({"loss": loss, "accuracy": C.val_metrics(model, data.val)["plain"]["accuracy"]})
print(json.dumps(out))
`;
interface Epoch {
  epoch: number;
  loss: number;
  val: { plain: { accuracy: number; ece_calibrated: number }; mirror: { accuracy: number } };
}

function queue(dir: string, extra: string[] = []): void {
  execFileSync('/usr/bin/python3', ['-m', 'training.research.compare_worker', '--smoke', dir, '--worker', ...extra], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 240_000,
  });
}

function logs(dir: string): { lr: number; history: Epoch[] } {
  const state = JSON.parse(readFileSync(join(dir, 'logs', 'resmonet.json'), 'utf8')) as { history: Epoch[] };
  const check = JSON.parse(readFileSync(join(dir, 'logs', 'lr-check.json'), 'utf8')) as { chosen: number };
  return { lr: check.chosen, history: state.history };
}

describe('comparison queue (PyTorch)', () => {
  it('resumes a stopped queue to the same results as an uninterrupted one', () => {
    const straight = mkdtempSync(join(tmpdir(), 'resmo-queue-a-'));
    const stopped = mkdtempSync(join(tmpdir(), 'resmo-queue-b-'));
    queue(straight);
    for (let job = 0; job < 4; job++) queue(stopped, ['--max-jobs', '1']); // 2 short runs + 2 epochs
    const a = logs(straight);
    const b = logs(stopped);
    expect(b.history.map((e) => e.epoch)).toEqual([1, 2]);
    expect(b.lr).toBe(a.lr);
    for (const [i, e] of a.history.entries()) {
      expect(b.history[i]?.loss).toBeCloseTo(e.loss, 6);
      expect(b.history[i]?.val.plain.accuracy).toBe(e.val.plain.accuracy);
      expect(b.history[i]?.val.mirror.accuracy).toBe(e.val.mirror.accuracy);
    }
    const ref = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', IN_MEMORY(mkdtempSync(join(tmpdir(), 'resmo-queue-c-')), a.lr)], {
        cwd: REPO,
        encoding: 'utf8',
        timeout: 240_000,
      })
        .trim()
        .split('\n')
        .at(-1) ?? '[]',
    ) as { loss: number; accuracy: number }[];
    for (const [i, e] of ref.entries()) {
      expect(a.history[i]?.loss).toBeCloseTo(e.loss, 6);
      expect(a.history[i]?.val.plain.accuracy).toBe(e.accuracy);
    }
    expect(readdirSync(join(stopped, 'cache', 'resmonet')).sort()).toEqual(['best.pt', 'last.pt']);
    expect(readdirSync(join(stopped, 'logs')).filter((f) => f.endsWith('.pt'))).toEqual([]);
  }, 600_000);
});
