/** How the live display is steadied so it does not flicker from frame to frame. */
export type Smoothing =
  { kind: 'exponential'; halfLifeMs: number } | { kind: 'window'; windowMs: number } | { kind: 'off' };

export const DEFAULT_SMOOTHING: Smoothing = { kind: 'exponential', halfLifeMs: 800 };

interface Reading {
  t: number;
  probabilities: readonly number[];
}

/**
 * Smooths probability vectors over time. Exponential smoothing weighs by elapsed time rather than by
 * frame count, so a slow device and a fast one show the same steadiness. A missing face (null)
 * is not averaged in: after a gap longer than the smoothing horizon the display starts afresh.
 */
export class EmotionSmoother {
  private state: number[] | null = null;
  private lastT = 0;
  private window: Reading[] = [];

  constructor(private smoothing: Smoothing = DEFAULT_SMOOTHING) {}

  configure(smoothing: Smoothing): void {
    this.smoothing = smoothing;
    this.reset();
  }

  reset(): void {
    this.state = null;
    this.window = [];
  }

  /** Adds the reading at time `t` (ms) and returns the smoothed probabilities, or null without a face. */
  push(t: number, probabilities: readonly number[] | null): number[] | null {
    if (!probabilities) {
      if (t - this.lastT > this.horizonMs()) this.reset();
      return null;
    }
    const result =
      this.smoothing.kind === 'window' ? this.pushWindow(t, probabilities) : this.pushEma(t, probabilities);
    this.lastT = t;
    return result;
  }

  private horizonMs(): number {
    switch (this.smoothing.kind) {
      case 'exponential':
        return this.smoothing.halfLifeMs * 4;
      case 'window':
        return this.smoothing.windowMs;
      case 'off':
        return 0;
    }
  }

  private pushEma(t: number, p: readonly number[]): number[] {
    const halfLife = this.smoothing.kind === 'exponential' ? this.smoothing.halfLifeMs : 0;
    if (!this.state || halfLife <= 0) {
      this.state = [...p];
      return [...p];
    }
    const keep = Math.pow(2, -Math.max(0, t - this.lastT) / halfLife);
    const state = this.state.map((old, i) => keep * old + (1 - keep) * (p[i] ?? 0));
    this.state = state;
    return [...state];
  }

  private pushWindow(t: number, p: readonly number[]): number[] {
    const windowMs = this.smoothing.kind === 'window' ? this.smoothing.windowMs : 0;
    this.window.push({ t, probabilities: p });
    this.window = this.window.filter((r) => t - r.t <= windowMs);
    const sum = new Array<number>(p.length).fill(0);
    for (const r of this.window) r.probabilities.forEach((v, i) => (sum[i] = (sum[i] ?? 0) + v));
    return sum.map((v) => v / this.window.length);
  }
}
