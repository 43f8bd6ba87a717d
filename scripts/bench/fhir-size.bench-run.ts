/**
 * `npm run bench:fhir`: size of the FHIR transaction Bundle of one session (realistic seconds from
 * test/support/fake-session, 5 % of them without a face, ten labelled markers, a clinician), plain
 * and gzipped, beside the Resmo JSON export of the same session; and the time to build it.
 */
import { gzipSync } from 'node:zlib';
import { it } from 'vitest';
import { buildBundle, serializeBundle } from '../../src/fhir/bundle';
import { serializeExport } from '../../src/storage/export';
import { fhirInput } from '../../test/support/fhir-fixtures';
import { sampleExport } from '../../test/support/sample-export';

const kib = (bytes: number): string => (bytes / 1024).toFixed(1);

async function row(minutes: number): Promise<string> {
  const seconds = minutes * 60;
  const base = fhirInput(seconds, { practitioner: { name: 'Dra. Ana López' } });
  const markers = Array.from({ length: 10 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    t: Math.round(((i + 0.5) * seconds * 1000) / 10),
    label: `topic ${i + 1}: family and work`,
  }));
  const [first] = base.sessions;
  const [patient] = sampleExport(7, seconds).patients;
  if (!first || !patient) throw new Error('No sample session');
  const session = { ...first, markers };
  const started = performance.now();
  const fhir = new TextEncoder().encode(serializeBundle(await buildBundle({ ...base, sessions: [session] })));
  const ms = performance.now() - started;
  const file = sampleExport(7, seconds);
  const json = new TextEncoder().encode(serializeExport({ ...file, patients: [{ ...patient, sessions: [session] }] }));
  return `| ${minutes} min | ${fhir.length} (${kib(fhir.length)} KiB) | ${gzipSync(fhir).length} (${kib(gzipSync(fhir).length)} KiB) | ${json.length} | ${gzipSync(json).length} | ${ms.toFixed(0)} |`;
}

it('prints FHIR Bundle sizes', async () => {
  const rows = [await row(10), await row(60)];
  console.log(
    [
      '',
      '| session | FHIR bytes | FHIR gzipped | JSON export bytes | JSON gzipped | build ms |',
      '| ------- | ---------- | ------------ | ----------------- | ------------ | -------- |',
      ...rows,
      '',
    ].join('\n'),
  );
});
