import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/model-files';

/**
 * training.train.selection_score and training.targets.boosted. With --select floor, epochs are chosen by val accuracy after the
 * class offsets that ship with the model, not by raw accuracy. Checked on logits that under-predict one class:
 * the score is the accuracy after the offsets (every recall at the floor), lower than the raw accuracy, and
 * equal to it without a floor. --boost CLASS=FACTOR scales one class weight and rejects unknown classes.
 */
const CHECK = `
import json, numpy as np
from training.evaluate import fit_class_bias, recalls
from training.train import selection_score
from training.targets import boosted
rs = np.random.RandomState(0)
y = rs.randint(0, 7, 2000)
logits = rs.normal(0, 1, (2000, 7))
logits[np.arange(2000), y] += 1.5
logits[:, 2] -= 1.0  # class 2 (fear) is under-predicted
bias = fit_class_bias(logits, y, 0.5)
w = np.arange(1, 8, dtype=np.float32)
print(json.dumps({
    "raw": float((logits.argmax(1) == y).mean()),
    "no_floor": selection_score(logits, y, 0.0),
    "floor": selection_score(logits, y, 0.5),
    "after_offsets": float(((logits + bias).argmax(1) == y).mean()),
    "min_recall_raw": float(recalls(logits, y, 7).min()),
    "min_recall_after": float(recalls(logits + bias, y, 7).min()),
    "boosted": boosted(w, ["fear=2", "angry=0.5"]).tolist(),
    "weights_after": w.tolist(),
}))
`;

describe('epoch selection at the recall floor, and class boosts (PyTorch)', () => {
  it('scores an epoch by its accuracy after the shipped class offsets', () => {
    const out = execFileSync('/usr/bin/python3', ['-c', CHECK], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
    const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, number | number[]>;
    expect(r.min_recall_raw).toBeLessThan(0.5); // the floor has work to do
    expect(r.min_recall_after).toBeGreaterThanOrEqual(0.5);
    expect(r.no_floor).toBe(r.raw);
    expect(r.floor).toBe(r.after_offsets);
    expect(r.floor).not.toBe(r.raw);
    expect(r.boosted).toEqual([0.5, 2, 6, 4, 5, 6, 7]);
    expect(r.weights_after).toEqual([1, 2, 3, 4, 5, 6, 7]); // the class weights themselves are not changed
  }, 60_000);

  it('rejects a boost for a class that does not exist', () => {
    const run = spawnSync(
      '/usr/bin/python3',
      ['-c', 'from training.targets import boosted; boosted([1.0] * 7, ["feer=2"])'],
      {
        cwd: REPO,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("got 'feer=2'");
  }, 60_000);
});
