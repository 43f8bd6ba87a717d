/**
 * `npm run bench` (this file alone: `npx vitest run --config scripts/bench/vitest.config.ts
 * scripts/bench/review.run.ts` after `npm run build`): how long the production app takes to open
 * the review of an 8-hour session (28,800 seconds, 19 markers) until every chart is drawn; how much
 * of that is reading the samples from IndexedDB; the readings element alone rendering the same
 * 28,800 seconds from memory; and the JavaScript heap, garbage collected, before and with the
 * review open; for samples stored one record per second (databases from before minute blocks) and
 * in minute blocks. Printed, never asserted.
 */
import { it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../../test/support/browser';
import { serveDist } from '../../test/support/serve-dist';
import { seedPageSession, syntheticSession, type SampleLayout } from '../../test/support/seed-page-session';

const RUNS = 5;
const LAYOUT: Record<SampleLayout, string> = {
  seconds: 'one record per second (before)',
  blocks: 'minute blocks (now)',
};

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

const DEEP = `(root, selector) => {
  const walk = (r) => [...r.querySelectorAll(selector), ...[...r.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? walk(el.shadowRoot) : []))];
  return walk(root);
}`;

/** Resolves with the ms from `start()` until both charts, every marker tag (twice) and every table are drawn. */
function untilDrawn(page: Page, markers: number, start: string): Promise<number> {
  return page.evaluate(
    ({ markers, start, deepSource }) =>
      new Promise<number>((resolve) => {
        const deep = new Function(`return ${deepSource}`)() as (root: ParentNode, s: string) => Element[];
        const t0 = performance.now();
        new Function(start)();
        const poll = () => {
          const charts = deep(document, 'resmo-elapsed-chart').filter((c) => c.shadowRoot?.querySelector('canvas'));
          if (
            charts.length >= 2 &&
            deep(document, '.tag').length >= 2 * markers &&
            deep(document, 'section.marker').length >= markers
          )
            resolve(performance.now() - t0);
          else requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      }),
    { markers, start, deepSource: DEEP },
  );
}

/** The session's sample rows read from IndexedDB as the review reads them (one getAll): ms and rows. */
function readSamples(page: Page, sessionId: string): Promise<{ ms: number; rows: number }> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('resmo');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const t0 = performance.now();
    const rows = await new Promise<unknown[]>((resolve) => {
      const request = db
        .transaction('samples')
        .objectStore('samples')
        .getAll(IDBKeyRange.bound([id, 0], [id, Infinity]));
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return { ms: performance.now() - t0, rows: rows.length };
  }, sessionId);
}

/** The readings element alone, given the 28,800 readings in memory: render and draw, no storage. */
async function renderOnly(page: Page, seeded: ReturnType<typeof syntheticSession>): Promise<number> {
  await page.evaluate(
    ({ samples, markers }) => {
      const el = document.createElement('resmo-session-readings');
      el.readings = samples.map((s) => s.probabilities?.map((p) => p / 100) ?? null);
      el.markers = markers.map((m, i) => ({ at: m.t / 1000, n: i + 1, label: m.label }));
      el.id = 'bench-readings';
      (window as unknown as { benchElement: HTMLElement }).benchElement = el;
    },
    { samples: seeded.samples, markers: seeded.markers },
  );
  const ms = await untilDrawn(page, seeded.markers.length, 'document.body.append(window.benchElement)');
  await page.evaluate(() => document.getElementById('bench-readings')?.remove());
  return ms;
}

it('renders the review of an 8-hour session', async () => {
  const server = await serveDist();
  const browser = await launchChromium();
  try {
    const seeded = syntheticSession(8 * 3600, 24 * 60);
    const rows: string[] = [];
    // BENCH_LAYOUTS=blocks skips the slow per-second layout (only kept to compare with older databases).
    const only = process.env['BENCH_LAYOUTS'];
    const runs = (
      [
        ['seconds', 1024],
        ['blocks', 1024],
        ['blocks', 390],
      ] as [SampleLayout, number][]
    ).filter(([layout]) => !only || only.split(',').includes(layout));
    for (const [layout, width] of runs) {
      // A fresh context per run: its own empty IndexedDB.
      const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
      const cdp = await page.context().newCDPSession(page);
      await page.goto(`${server.url}#/patients`);
      await page.waitForSelector('resmo-app');
      await seedPageSession(page, seeded, layout);
      let rowsRead = 0;
      const opens: number[] = [];
      const reads: number[] = [];
      const renders: number[] = [];
      let heapBefore = 0;
      let heapAfter = 0;
      for (let run = 0; run < RUNS; run++) {
        await page.evaluate(() => (location.hash = '#/patients'));
        await page.waitForTimeout(300);
        heapBefore = await heapMiB(cdp);
        opens.push(await untilDrawn(page, seeded.markers.length, `location.hash = '#/sessions/${seeded.session.id}'`));
        heapAfter = await heapMiB(cdp);
        const read = await readSamples(page, seeded.session.id);
        reads.push(read.ms);
        rowsRead = read.rows;
        await page.evaluate(() => (location.hash = '#/patients'));
        await page.waitForTimeout(300);
        renders.push(await renderOnly(page, seeded));
      }
      rows.push(
        `| ${LAYOUT[layout]} | ${rowsRead} | ${width} px | ${spread(opens)} | ${spread(reads)} | ${spread(renders)} | ${heapBefore.toFixed(1)} | ${heapAfter.toFixed(1)} |`,
      );
      await page.context().close();
    }
    console.log(
      [
        `8-hour review (28,800 s, ${seeded.markers.length} markers), ${RUNS} openings per width, production build:`,
        'ms as fastest / median / slowest; heap garbage collected, before opening and with the review open.',
        '| samples stored as | records read | viewport | open the review (route to drawn), ms | reading the samples from IndexedDB alone, ms | readings render and draw alone, ms | heap before, MiB | heap with review, MiB |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
      ].join('\n'),
    );
  } finally {
    await browser.close();
    await server.close();
  }
});
