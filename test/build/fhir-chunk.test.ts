import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, distFiles, precacheManifest } from '../support/dist';

describe('the FHIR export in the build (dist/)', () => {
  const scripts = distFiles().filter((f) => f.endsWith('.js'));
  const text = (file: string) => readFileSync(join(DIST, file), 'utf8');

  it('ships no validator: Medplum is for the tests only', () => {
    for (const file of scripts) expect(text(file)).not.toMatch(/medplum|indexStructureDefinitionBundle/i);
  });

  it('keeps the Bundle builder in its own chunk, loaded on first export and precached for offline use', () => {
    const chunks = scripts.filter((f) => !f.includes('worker') && text(f).includes('248148002'));
    expect(chunks).toHaveLength(1);
    const chunk = chunks[0]!;
    expect(precacheManifest().map((e) => e.url)).toContain(chunk);
    const entry = scripts.find((f) => /^assets\/index-.*\.js$/.test(f));
    expect(text(entry!)).not.toContain('248148002');
  });
});
