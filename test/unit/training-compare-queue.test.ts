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
/** One epoch stopped in its middle (after a partial save) and resumed in a fresh process-like state, against the
 * same epoch straight through: the same loss and the same weights. */
const MID_EPOCH = (dir: string): string => `
import json, os, torch
import training.research.compare_train as C
import training.research.compare_worker as W
W.smoke(${JSON.stringify(dir)})
torch.set_num_threads(1)
data = C.Data(384)
path = os.path.join(${JSON.stringify(dir)}, "partial.pt")

class Stop(Exception):
    pass

class SaveThenStop(C.PartialSave):
    def due(self):
        return True
    def __call__(self, progress):
        super().__call__(progress)
        raise Stop()

def run(resume=None, save=None, model=None, opt=None):
    if model is None:
        model, opt = C.new_model("resmonet", 0.02)
    loss = C.train_epoch(model, opt, data.x, data.targets, data.weights, 0, 2, 0.02, 1, resume, save)
    return loss, model

straight, m1 = run()
model, opt = C.new_model("resmonet", 0.02)
try:
    run(save=SaveThenStop(path, model, opt, 0, 0.0), model=model, opt=opt)
except Stop:
    pass
p = torch.load(path)
model, opt = C.new_model("resmonet", 0.02)
torch.manual_seed(12345)  # a fresh process: the global generator is elsewhere
model.load_state_dict(p["model"]); opt.load_state_dict(p["optimizer"])
resumed, m2 = run(resume=p["progress"], model=model, opt=opt)
diff = max((a - b).abs().max().item() for a, b in zip(m1.state_dict().values(), m2.state_dict().values()))
print(json.dumps({"straight": straight, "resumed": resumed, "step": p["progress"]["step"], "diff": diff}))
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

  it('resumes an epoch stopped in its middle to the same loss and weights', () => {
    const out = execFileSync('/usr/bin/python3', ['-c', MID_EPOCH(mkdtempSync(join(tmpdir(), 'resmo-queue-d-')))], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 240_000,
    });
    const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
      straight: number;
      resumed: number;
      step: number;
      diff: number;
    };
    expect(r.step).toBe(1);
    expect(r.resumed).toBeCloseTo(r.straight, 6);
    expect(r.diff).toBeLessThan(1e-6);
  }, 300_000);
});
