/**
 * Where the time goes when the readings of an 8-hour session (28,800 s) render and draw: a
 * sampling CPU profile (DevTools protocol) of the readings element appended with its readings in
 * memory, summed per function (self time). Printed, never asserted. Build unminified to read the
 * names: `npx vite build --minify false --outDir /tmp/resmo-profile-dist`, then
 * `PROFILE_DIST=/tmp/resmo-profile-dist npx vitest run --config scripts/bench/vitest.config.ts
 * scripts/bench/readings-profile.run.ts`.
 */
import { it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { launchChromium } from '../../test/support/browser';
import { freePort } from '../../test/support/serve-dist';
import { syntheticSession } from '../../test/support/seed-page-session';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

it('profiles the readings of an 8-hour session', async () => {
  const port = await freePort();
  const outDir = process.env['PROFILE_DIST'] ?? 'dist';
  const server = await preview({
    root: fileURLToPath(new URL('../..', import.meta.url)),
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1024, height: 900 } })).newPage();
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`http://127.0.0.1:${port}/#/patients`);
    await page.waitForSelector('resmo-app');
    const seeded = syntheticSession(8 * 3600, 24 * 60);
    await page.evaluate(
      ({ samples, markers }) => {
        const w = window as unknown as { bench: { readings: unknown[]; markers: unknown[] } };
        w.bench = {
          readings: samples.map((s) => s.probabilities?.map((p) => p / 100) ?? null),
          markers: markers.map((m, i) => ({ at: m.t / 1000, n: i + 1, label: m.label })),
        };
      },
      { samples: seeded.samples, markers: seeded.markers },
    );
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    for (const round of ['warm-up', 'profiled']) {
      if (round === 'profiled') {
        await cdp.send('Profiler.start');
        await cdp.send('Tracing.start', {
          categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
          transferMode: 'ReturnAsStream',
        });
      }
      const ms = await page.evaluate(
        (count) =>
          new Promise<number>((resolve) => {
            const w = window as unknown as { bench: { readings: unknown[]; markers: unknown[] } };
            document.querySelector('resmo-session-readings')?.remove();
            const el = Object.assign(document.createElement('resmo-session-readings'), w.bench);
            const t0 = performance.now();
            document.body.append(el);
            const poll = () => {
              const charts = [...(el.shadowRoot?.querySelectorAll('*') ?? [])].flatMap((c) =>
                c.shadowRoot ? [c, ...[...c.shadowRoot.querySelectorAll('*')].filter((d) => d.shadowRoot)] : [],
              );
              const drawn = charts.filter(
                (c) => c.localName === 'resmo-elapsed-chart' && c.shadowRoot?.querySelector('canvas'),
              );
              const tags = drawn.reduce((n, c) => n + (c.shadowRoot?.querySelectorAll('.tag').length ?? 0), 0);
              if (drawn.length >= 2 && tags >= 2 * count) resolve(performance.now() - t0);
              else requestAnimationFrame(poll);
            };
            requestAnimationFrame(poll);
          }),
        seeded.markers.length,
      );
      console.log(`${round}: ${ms.toFixed(0)} ms to drawn`);
    }
    const { profile } = await cdp.send('Profiler.stop');
    const stream = await new Promise<string>((resolve) => {
      cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? ''));
      void cdp.send('Tracing.end');
    });
    let trace = '';
    for (;;) {
      const chunk = await cdp.send('IO.read', { handle: stream });
      trace += chunk.data;
      if (chunk.eof) break;
    }
    const events = (JSON.parse(trace) as { traceEvents: { name: string; ph: string; dur?: number }[] }).traceEvents;
    const byName = new Map<string, [number, number]>();
    for (const e of events)
      if (e.ph === 'X' && e.dur) {
        const [ms, n] = byName.get(e.name) ?? [0, 0];
        byName.set(e.name, [ms + e.dur / 1000, n + 1]);
      }
    console.log(
      ['| trace event | ms (nested counted twice) | count |', '| --- | --- | --- |']
        .concat(
          [...byName]
            .sort((a, b) => b[1][0] - a[1][0])
            .slice(0, 25)
            .map(([k, [ms, n]]) => `| ${k} | ${ms.toFixed(1)} | ${n} |`),
        )
        .join('\n'),
    );
    const nodes = new Map((profile.nodes as ProfileNode[]).map((n) => [n.id, n]));
    const deltas = profile.timeDeltas ?? [];
    const self = new Map<string, number>();
    (profile.samples ?? []).forEach((id, i) => {
      const f = nodes.get(id)?.callFrame;
      const key = f ? `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}` : '?';
      self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
    });
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 30);
    console.log(
      ['| self ms | function |', '| --- | --- |', ...top.map(([k, v]) => `| ${v.toFixed(1)} | ${k} |`)].join('\n'),
    );
  } finally {
    await browser.close();
    await server.close();
  }
});
