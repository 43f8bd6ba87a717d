import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/model-files';

/**
 * training.schedule.schedule: a warm-up and cosine over --epochs, then one cosine cycle per --restart-epochs, each
 * starting at its own --restart-lr and ending near zero. Read at the first and last step of every cycle.
 */
const CHECK = `
import json
from training.train import parse_args
from training.schedule import schedule
args = parse_args(["--epochs", "4", "--warmup", "1", "--lr", "0.08",
                   "--restart-epochs", "3", "2", "--restart-lr", "0.02", "0.01"])
steps = 10
print(json.dumps({f"{e}.{s}": schedule(e * steps + s, args, steps)
                  for e in range(4 + 3 + 2) for s in (0, steps - 1)}))
`;

describe('learning-rate schedule with warm restarts (PyTorch)', () => {
  it('starts each cycle at its own peak and anneals it towards zero', () => {
    const out = execFileSync('/usr/bin/python3', ['-c', CHECK], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
    const lr = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
    const at = (epoch: number, lastStep = false): number => lr[`${epoch}.${lastStep ? 9 : 0}`] ?? NaN;
    expect(at(0)).toBeCloseTo(0.008, 6); // warm-up: step 1 of 10
    expect(at(0, true)).toBeCloseTo(0.08, 6); // warm-up reaches the peak
    expect(at(3, true)).toBeLessThan(0.001); // first cycle anneals
    expect(at(4)).toBeCloseTo(0.02, 6); // second cycle: its own peak
    expect(at(6, true)).toBeLessThan(0.0002);
    expect(at(7)).toBeCloseTo(0.01, 6); // third cycle
    expect(at(8, true)).toBeLessThan(0.0001);
    expect(at(8, true)).toBeGreaterThan(0);
  }, 60_000);
});
