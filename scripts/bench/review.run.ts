/**
 * `npm run bench` (this file alone: `npx vitest run --config scripts/bench/vitest.config.ts
 * scripts/bench/review.run.ts` after `npm run build`): how long the production app takes to open
 * the review of an 8-hour session (28,800 seconds, 20 markers) until every chart is drawn, and the
 * JavaScript heap in use before and after, garbage collected. Printed, never asserted.
 */
import { it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../../test/support/browser';
import { serveDist } from '../../test/support/serve-dist';
import { seedPageSession, syntheticSession } from '../../test/support/seed-page-session';

const RUNS = 5;

function spread(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (i: number) => (sorted[i] ?? NaN).toFixed(0);
  return `${at(0)} / ${at(Math.floor(sorted.length / 2))} / ${at(sorted.length - 1)}`;
}

async function heapMiB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

/**
 * Milliseconds from the route change to the session read from IndexedDB (the readings element
 * exists), and from then to both charts drawn with their marker tags and the before/after table.
 */
function openReview(page: Page, sessionId: string, markers: number): Promise<[number, number]> {
  return page.evaluate(
    ({ id, markers }) =>
      new Promise<[number, number]>((resolve) => {
        let loaded = 0;
        const t0 = performance.now();
        location.hash = `#/sessions/${id}`;
        const deep = (root: ParentNode, selector: string): Element[] => [
          ...root.querySelectorAll(selector),
          ...[...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? deep(el.shadowRoot, selector) : [])),
        ];
        const poll = () => {
          if (!loaded && deep(document, 'resmo-session-readings').length) loaded = performance.now();
          const charts = deep(document, 'resmo-elapsed-chart').filter((c) => c.shadowRoot?.querySelector('canvas'));
          const tags = deep(document, '.tag').length;
          const tables = deep(document, 'section.marker').length;
          if (charts.length >= 2 && tags >= 2 * markers && tables >= markers)
            resolve([loaded - t0, performance.now() - loaded]);
          else requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      }),
    { id: sessionId, markers },
  );
}

it('renders the review of an 8-hour session', async () => {
  const server = await serveDist();
  const browser = await launchChromium();
  try {
    const seeded = syntheticSession(8 * 3600, 24 * 60);
    const rows: string[] = [];
    for (const width of [1024, 390]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const cdp = await page.context().newCDPSession(page);
      await page.goto(`${server.url}#/patients`);
      await page.waitForSelector('resmo-app');
      await seedPageSession(page, seeded);
      const loads: number[] = [];
      const times: number[] = [];
      let heapBefore = 0;
      let heapAfter = 0;
      for (let run = 0; run < RUNS; run++) {
        await page.evaluate(() => (location.hash = '#/patients'));
        await page.waitForTimeout(300);
        heapBefore = await heapMiB(cdp);
        const [load, draw] = await openReview(page, seeded.session.id, seeded.markers.length);
        loads.push(load);
        times.push(draw);
        heapAfter = await heapMiB(cdp);
      }
      rows.push(
        `| ${width} px | ${spread(loads)} | ${spread(times)} | ${heapBefore.toFixed(1)} | ${heapAfter.toFixed(1)} |`,
      );
      await page.close();
    }
    console.log(
      [
        `8-hour review (28,800 s, ${seeded.markers.length} markers), ${RUNS} openings per width, production build:`,
        'ms as fastest / median / slowest; heap garbage collected, before opening and with the review open.',
        '| viewport | read from IndexedDB, ms | render and draw, ms | heap before, MiB | heap with review, MiB |',
        '| --- | --- | --- | --- | --- |',
        ...rows,
      ].join('\n'),
    );
  } finally {
    await browser.close();
    await server.close();
  }
});
