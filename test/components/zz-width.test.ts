import { it } from 'vitest';
import '../../src/components/consultation/resmo-live-readings';
import '../../src/components/review/resmo-session-readings';
import { longSession } from '../support/long-session';
it('widths', async () => {
  const s = longSession(600, 120);
  const a = document.createElement('resmo-session-readings');
  a.style.width = '288px'; a.style.display = 'block';
  a.readings = s.readings; a.markers = s.markers;
  const b = document.createElement('resmo-live-readings');
  b.style.width = '288px'; b.style.display = 'block';
  b.points = s.readings.slice(0, 60).map((p, i) => ({ t: i * 1000, p }));
  document.body.append(a, b);
  await a.updateComplete; await b.updateComplete;
  await new Promise((r) => setTimeout(r, 500));
  const report = (el: Element, depth = 0): void => {
    const root = el.shadowRoot ?? el;
    for (const c of root.querySelectorAll('*')) {
      const w = (c as HTMLElement).scrollWidth;
      if (w > 290 && depth < 4) console.log('WIDE', depth, c.tagName, c.className, w);
      if (c.shadowRoot) report(c, depth + 1);
    }
  };
  console.log('WIDE-A', a.scrollWidth, 'WIDE-B', b.scrollWidth);
  report(a); report(b);
});
