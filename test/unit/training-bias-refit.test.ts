import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/model-files';

/**
 * training.evaluate.refit_classifier_bias: after training, the seven classifier biases are refitted on clean
 * training images under the training class weights (val is not used). Checked on an untrained ResmoNet with real
 * BN statistics and a unit-scale classifier: only the bias moves, the weighted cross-entropy falls and is at its
 * minimum (zero gradient), the returned change is the bias's change, and a heavier weight on one class makes the
 * net predict that class more often.
 */
const CHECK = `
import json, numpy as np, torch, torch.nn.functional as F
from training.model import ResmoNet
from training.evaluate import predict_logits, recalibrate_bn, refit_classifier_bias
rs = np.random.RandomState(0)
x8 = rs.randint(0, 256, (256, 48, 48)).astype(np.uint8)
x = torch.from_numpy(x8).float().unsqueeze(1) / 127.5 - 1
y = rs.randint(0, 7, 256)
torch.manual_seed(1)
m = ResmoNet()
recalibrate_bn(m, x)
m.classifier.weight.data.normal_(0, 1)
state = {k: v.clone() for k, v in m.state_dict().items()}
def weighted_ce(model, w):
    logits = torch.from_numpy(predict_logits(model, x8, 1 / 127.5, -1)).float()
    return F.cross_entropy(logits, torch.from_numpy(y).long(), weight=torch.tensor(w)).item()
even = [1.0] * 7
before = weighted_ce(m, even)
change = refit_classifier_bias(m, x, y, even)
after = weighted_ce(m, even)
bias = m.classifier.bias.detach().clone().requires_grad_(True)
feats = torch.from_numpy(predict_logits(m, x8, 1 / 127.5, -1)).float() - m.classifier.bias.detach()
F.cross_entropy(feats + bias, torch.from_numpy(y).long()).backward()
refitted = m.classifier.bias.detach().numpy().copy()
moved = [k for k, v in m.state_dict().items() if v.dtype.is_floating_point and not torch.equal(v, state[k])]
share_even = float((predict_logits(m, x8, 1 / 127.5, -1).argmax(1) == 2).mean())
m.load_state_dict(state)
refit_classifier_bias(m, x, y, [1, 1, 4, 1, 1, 1, 1])
share_heavy = float((predict_logits(m, x8, 1 / 127.5, -1).argmax(1) == 2).mean())
print(json.dumps({
    "before": before, "after": after, "grad": bias.grad.abs().max().item(), "moved": moved,
    "change_err": float(np.abs(change - (refitted - state["classifier.bias"].numpy())).max()),
    "change_norm": float(np.abs(change).max()),
    "share_even": share_even, "share_heavy": share_heavy,
}))
`;

describe('classifier bias refit on training images (PyTorch)', () => {
  it('moves only the bias, to the minimum of the class-weighted loss', () => {
    const out = execFileSync('/usr/bin/python3', ['-c', CHECK], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
    const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, number | string[]>;
    expect(r.moved).toEqual(['classifier.bias']);
    expect(r.change_norm).toBeGreaterThan(0.01);
    expect(r.change_err).toBeLessThan(1e-6);
    expect(r.after).toBeLessThan(r.before as number);
    expect(r.grad).toBeLessThan(1e-4);
    expect(r.share_heavy).toBeGreaterThan(r.share_even as number);
  }, 120_000);
});
