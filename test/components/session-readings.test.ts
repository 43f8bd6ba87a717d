import { afterEach, describe, expect, it } from 'vitest';
import '../../src/components/review/resmo-session-readings';
import type { ResmoSessionReadings } from '../../src/components/review/resmo-session-readings';
import type { ResmoElapsedChart } from '../../src/components/review/resmo-elapsed-chart';
import { longSession } from '../support/long-session';

async function settle(el: HTMLElement & { updateComplete: Promise<boolean> }): Promise<void> {
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

async function mount(width: number): Promise<{ el: ResmoSessionReadings; session: ReturnType<typeof longSession> }> {
  const session = longSession();
  const el = document.createElement('resmo-session-readings');
  el.style.width = `${width}px`;
  el.readings = session.readings;
  el.markers = session.markers;
  el.startedAt = Date.UTC(2026, 10, 2, 8, 0);
  document.body.append(el);
  await settle(el);
  return { el, session };
}

function charts(el: ResmoSessionReadings): ResmoElapsedChart[] {
  const panel = el.shadowRoot!.querySelector('resmo-readings-panel')!;
  return [
    panel.shadowRoot!.querySelector('resmo-elapsed-chart')!,
    el.shadowRoot!.querySelector('resmo-elapsed-chart')!,
  ];
}

afterEach(() => document.body.replaceChildren());

describe('<resmo-session-readings> with an 8-hour session', () => {
  it('draws both charts over elapsed time, with every marker tag inside the chart', async () => {
    const { el, session } = await mount(1000);
    for (const chart of charts(el)) {
      await settle(chart);
      expect(chart.shadowRoot!.querySelector('canvas')).not.toBeNull();
      const frame = chart.shadowRoot!.querySelector('.frame')!.getBoundingClientRect();
      const tags = [...chart.shadowRoot!.querySelectorAll<HTMLElement>('.tag')];
      expect(tags).toHaveLength(session.markers.length);
      for (const tag of tags) {
        const box = tag.getBoundingClientRect();
        expect(box.left).toBeGreaterThanOrEqual(frame.left - 0.5);
        expect(box.right).toBeLessThanOrEqual(frame.right + 0.5);
      }
      expect(tags[0]?.title).toMatch(/^1\. talked about work, then about the family and the long commute/);
    }
  });

  it('reads the hovered second in h:mm:ss and never changes the record', async () => {
    const { el, session } = await mount(1000);
    const before = JSON.stringify(session.readings.slice(0, 500));
    const [emotions] = charts(el);
    const over = emotions!.shadowRoot!.querySelector<HTMLElement>('.u-over')!;
    const box = over.getBoundingClientRect();
    over.dispatchEvent(
      new MouseEvent('mousemove', { clientX: box.left + box.width * 0.75, clientY: box.top + 20, bubbles: true }),
    );
    await settle(emotions!);
    expect(emotions!.shadowRoot!.querySelector('.readout')?.textContent).toMatch(/^[5-6]:\d\d:\d\d · \S+ \d+\s?%/);
    expect(JSON.stringify(session.readings.slice(0, 500))).toBe(before);
    expect(session.readings).toHaveLength(28_800);
  });

  it('compares before and after each of the 20 markers', async () => {
    const { el } = await mount(390);
    const table = el.shadowRoot!.querySelector('resmo-marker-changes')!;
    await settle(table);
    expect(table.shadowRoot!.querySelectorAll('section.marker')).toHaveLength(20);
    expect(table.shadowRoot!.querySelectorAll('section.marker tbody tr')).toHaveLength(20 * 9);
  });
  it('never widens the page while it narrows, even before the chart redraws at the new width', async () => {
    const wrap = document.createElement('div');
    wrap.style.width = '400px';
    document.body.append(wrap);
    const { el } = await mount(400);
    el.style.width = '';
    wrap.append(el);
    for (const chart of charts(el)) await settle(chart);
    // Narrowed and measured in one task: the resize observer has not redrawn the canvas yet.
    wrap.style.width = '320px';
    expect(wrap.scrollWidth).toBeLessThanOrEqual(320);
  });
});
