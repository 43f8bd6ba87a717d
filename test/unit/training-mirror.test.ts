import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/model-files';

/**
 * training.tfjs_graph runs the shipped model files (public/models/resmonet/) with torch ops, so that
 * training.mirror can measure the shipped model without its training checkpoints. It must reproduce the
 * parity fixture's logits (the exporter's own reference on synthetic faces). training.mirror.mirror_figures
 * averages the probabilities of a face and its mirror image at one temperature, fitted to the averaged
 * probabilities' NLL: checked on synthetic logits where the mirror row carries the same signal with independent
 * noise, so averaging must help, and the fitted temperature must beat its neighbours.
 */
const CHECK = `
import json, numpy as np, torch
from training.tfjs_graph import TfjsGraph
from training.mirror import MODEL_DIR, averaged, mirror_figures
fx = json.load(open("test/model/resmonet-parity.json"))
x = torch.tensor(fx["pixels"], dtype=torch.float32).reshape(fx["shape"]).unsqueeze(-1) * fx["scale"] + fx["offset"]
got = TfjsGraph(MODEL_DIR)(x).numpy()
want = np.array(fx["logits"], dtype=np.float64).reshape(got.shape)
rs = np.random.RandomState(0)
y = rs.randint(0, 7, 4000)
signal = np.eye(7)[y] * 1.2
z, zm = signal + rs.normal(0, 1, (4000, 7)), signal + rs.normal(0, 1, (4000, 7))
plain, mirror = mirror_figures(z, zm, y, 1.0)
nll = lambda t: float(-np.log(averaged(z, zm, t)[np.arange(len(y)), y]).mean())
print(json.dumps({"max_diff": float(np.abs(got - want).max()), "scale": float(np.abs(want).max()),
                  "plain": plain["accuracy"], "mirror": mirror["accuracy"], "t": mirror["temperature"],
                  "nll_fit": nll(mirror["temperature"]), "nll_near": [nll(mirror["temperature"] * f) for f in (0.8, 1.25)],
                  "recall_keys": sorted(mirror["recall"])}))
`;

describe('the shipped model in torch, and mirror averaging (PyTorch)', () => {
  it('reproduces the parity logits and gains from averaging two noisy views', () => {
    const out = execFileSync('/usr/bin/python3', ['-c', CHECK], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
    const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, number | string[]>;
    expect(r.max_diff).toBeLessThan(1e-4 * Math.max(1, r.scale as number));
    expect(r.mirror).toBeGreaterThan((r.plain as number) + 0.02);
    expect(r.t).toBeGreaterThan(0.3);
    for (const other of r.nll_near as unknown as number[]) expect(r.nll_fit).toBeLessThanOrEqual(other);
    expect(r.recall_keys).toEqual(['angry', 'disgust', 'fear', 'happy', 'neutral', 'sad', 'surprise']);
  }, 120_000);
});
