import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/model-files';

/**
 * training.targets.teacher_targets: the snapshot ensemble that the last warm restart distils. Each snapshot's
 * logits are averaged over the face and its mirror image, then over snapshots, before one softmax. Checked on
 * two untrained ResmoNets with different seeds: the targets are distributions, a face and its mirror get the
 * same targets, a snapshot listed twice counts as once, and the pair's log-probabilities are the mean of each
 * snapshot's own log-probabilities up to one constant per face (averaging in logit space, not probabilities).
 */
const CHECK = `
import json, os, tempfile, numpy as np, torch
from training.model import ResmoNet
from training.evaluate import predict_logits, recalibrate_bn
from training.targets import teacher_targets
x = np.random.RandomState(0).randint(0, 256, (64, 48, 48)).astype(np.uint8)
paths = []
tmp = tempfile.mkdtemp()
for seed in (1, 2):
    torch.manual_seed(seed)
    m = ResmoNet()
    # An untrained net answers every image alike: give it real BN statistics and a classifier of unit scale.
    recalibrate_bn(m, torch.from_numpy(x).float().unsqueeze(1) / 127.5 - 1)
    m.classifier.weight.data.normal_(0, 1)
    paths.append(os.path.join(tmp, f"epoch-{seed}.pt"))
    torch.save({"model": m.state_dict(), "config": m.config}, paths[-1])
a, b = teacher_targets(paths[:1], x), teacher_targets(paths[1:], x)
ab = teacher_targets(paths, x)
mirrored = teacher_targets(paths, np.ascontiguousarray(x[:, :, ::-1]))
twice = teacher_targets(paths[:1] * 2, x)
gap = ab.log() - (a.log() + b.log()) / 2
print(json.dumps({
    "row_sum_err": (ab.sum(1) - 1).abs().max().item(),
    "mirror_err": (ab - mirrored).abs().max().item(),
    "twice_err": (twice - a).abs().max().item(),
    "logit_mean_err": (gap - gap.mean(1, keepdim=True)).abs().max().item(),
    "members_differ": (a - b).abs().max().item(),
    "one_view_mirror_gap": float(np.abs(predict_logits(m, x, 1 / 127.5, -1)
                                        - predict_logits(m, np.ascontiguousarray(x[:, :, ::-1]), 1 / 127.5, -1)).max()),
    "prob_mean_gap": (ab - (a + b) / 2).abs().max().item(),
}))
`;

describe('snapshot-ensemble teacher (PyTorch)', () => {
  it('averages mirror views and snapshots in logit space', () => {
    const out = execFileSync('/usr/bin/python3', ['-c', CHECK], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
    const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
    expect(r.members_differ).toBeGreaterThan(0.01); // the two snapshots really disagree
    expect(r.one_view_mirror_gap).toBeGreaterThan(0.1); // and neither is mirror-symmetric by itself
    expect(r.row_sum_err).toBeLessThan(1e-5);
    expect(r.mirror_err).toBeLessThan(1e-5);
    expect(r.twice_err).toBeLessThan(1e-5);
    expect(r.logit_mean_err).toBeLessThan(1e-4);
    expect(r.prob_mean_gap).toBeGreaterThan(1e-4); // not a mean of probabilities
  }, 120_000);
});
