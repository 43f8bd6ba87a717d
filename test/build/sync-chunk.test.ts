import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, distFiles, precacheManifest } from '../support/dist';
import { ON_FIRST_USE } from '../../src/shared/on-first-use';

describe('the sync code in the build (dist/)', () => {
  const scripts = distFiles().filter((f) => f.endsWith('.js'));
  const text = (file: string) => readFileSync(join(DIST, file), 'utf8');
  const withPouch = scripts.filter((f) => text(f).includes('_pouch_'));

  it('keeps PouchDB in one lazily loaded chunk of its own', () => {
    expect(withPouch).toHaveLength(1);
    expect(withPouch[0]).toMatch(/^assets\/sync-.*\.js$/);
  });

  it('leaves it out of the precache (a clinic without sync never downloads it) and caches it on first use', () => {
    const precached = precacheManifest().map((e) => e.url);
    expect(precached.filter((url) => url.startsWith('assets/sync-'))).toEqual([]);
    const chunk = distFiles().find((f) => /^assets\/sync-.*\.js$/.test(f)) ?? '';
    expect(ON_FIRST_USE.test(`/${chunk}`)).toBe(true);
  });
});
