import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/model-files';

/**
 * training.evaluate.recalibrate_bn replaces the batch-norm statistics of augmented training batches with
 * those of clean images. Checked on an untrained ResmoNet: the first BN layer's mean and variance must be
 * the statistics of the stem conv's output over all images, every BN layer must have seen each chunk once,
 * the BN momentum must be restored, and the global RNG must be untouched (so training replays the same).
 */
const CHECK = `
import json, torch
from training.model import ResmoNet
from training.evaluate import recalibrate_bn
torch.manual_seed(0)
model = ResmoNet()
x = torch.rand(1000, 1, 48, 48) * 2 - 0.5
rng_before = torch.get_rng_state()
recalibrate_bn(model, x, batch=300)
conv, bn = model.features[0][0], model.features[0][1]
with torch.no_grad():
    y = conv(x)
mean, var = y.mean((0, 2, 3)), y.var((0, 2, 3), unbiased=True)
print(json.dumps({
    "mean_err": ((bn.running_mean - mean).abs() / var.sqrt()).max().item(),
    "var_rel_err": ((bn.running_var - var).abs() / var).max().item(),
    "moved": min((bn.running_mean.abs().max() - 0).item(), (bn.running_var - 1).abs().max().item()),
    "batches": sorted({m.num_batches_tracked.item() for m in model.modules() if isinstance(m, torch.nn.BatchNorm2d)}),
    "momentum": bn.momentum,
    "training": model.training,
    "rng_unchanged": bool(torch.equal(rng_before, torch.get_rng_state())),
}))
`;

describe('batch-norm recalibration (PyTorch)', () => {
  it('sets BN statistics to those of the given images and leaves training state alone', () => {
    const out = execFileSync('/usr/bin/python3', ['-c', CHECK], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
    const r = JSON.parse(out) as {
      mean_err: number;
      moved: number;
      batches: number[];
      var_rel_err: number;
      momentum: number;
      training: boolean;
      rng_unchanged: boolean;
    };
    expect(r.moved).toBeGreaterThan(0.01); // the statistics left their initial 0 and 1
    expect(r.batches).toEqual([4]); // every BN layer saw the 4 chunks of 250 images
    expect(r.mean_err).toBeLessThan(1e-4); // in standard deviations
    expect(r.var_rel_err).toBeLessThan(1e-2); // mean of per-chunk variances vs the variance over all images
    expect(r.momentum).toBeCloseTo(0.1);
    expect(r.training).toBe(false);
    expect(r.rng_unchanged).toBe(true);
  }, 90_000);
});
