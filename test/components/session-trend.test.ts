import { afterEach, describe, expect, it } from 'vitest';
import '../../src/components/patients/resmo-session-trend';
import { labelEvery, sessionLabels } from '../../src/i18n/trend-labels';
import { placeTags, TAG_WIDTH } from '../../src/analysis/index';
import type { TrendSession } from '../../src/components/patients/resmo-session-trend';

const day = (d: number, h: number) => Date.UTC(2026, 10, d, h, 30);

function session(startedAt: number, valence: number, adjusted: number | null): TrendSession {
  const summary = (v: number) => ({ mean: [0, 0, 0, 0, 0, 0, 1], affect: { valence: v, arousal: 0 }, usable: 60 });
  return {
    startedAt,
    raw: summary(valence),
    adjusted: adjusted === null ? null : summary(adjusted),
    baselineAt: adjusted === null ? null : day(1, 9),
  };
}

afterEach(() => document.body.replaceChildren());

describe('trend across sessions', () => {
  it('labels every session distinctly: the time is added when two share a date', () => {
    const labels = sessionLabels([day(2, 9), day(9, 9), day(9, 16), day(16, 9)]);
    expect(new Set(labels).size).toBe(4);
    expect(labels[0]).not.toContain('\n');
    expect(labels[1]).toContain('\n');
    expect(labels[1]?.split('\n')[0]).toBe(labels[2]?.split('\n')[0]);
  });

  it('thins labels so they cannot overlap', () => {
    expect(labelEvery(4, 900, 80)).toBe(1);
    expect(labelEvery(40, 240, 80)).toBe(14);
  });

  it('draws one point per session, relative to the baseline when there is one', async () => {
    const el = document.createElement('resmo-session-trend');
    el.style.width = '390px';
    el.sessions = [session(day(2, 9), 0.5, 0.1), session(day(9, 9), -0.5, -0.2)];
    document.body.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('canvas')).not.toBeNull();
    expect(el.shadowRoot!.querySelector('.mode')?.textContent).toMatch(/^Relative to the resting face/);
    el.shadowRoot!.querySelector<HTMLInputElement>('resmo-baseline-switch')!
      .shadowRoot!.querySelector<HTMLInputElement>('input')!
      .click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.mode')?.textContent).toBe('Raw readings');
  });
});

describe('marker tags', () => {
  it('open leftwards near the right edge and take another row rather than overlap', () => {
    const markers = [0, 10, 20, 95].map((at, i) => ({ at, n: i + 1, label: `m${i}` }));
    const tags = placeTags(markers, (at) => at * 5, 500);
    expect(tags.map((t) => t.lane)).toEqual([0, 1, 2, 0]);
    expect(tags[3]?.flip).toBe(true);
    expect((tags[3]?.x ?? 0) - TAG_WIDTH).toBeGreaterThanOrEqual(0);
  });
});
