import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORK = join(ROOT, 'node_modules/.tmp/i18n-check');
const CLI = join(ROOT, 'node_modules/@lit/localize-tools/bin/lit-localize.js');

/** Runs lit-localize on the real sources, but against a copy of the translations, so the check writes nothing. */
function runLocalize(command: 'extract' | 'build'): void {
  const config = JSON.parse(readFileSync(join(ROOT, 'lit-localize.json'), 'utf8')) as Record<string, unknown>;
  const work = {
    ...config,
    tsConfig: join(ROOT, 'tsconfig.app.json'),
    output: { mode: 'runtime', outputDir: join(WORK, 'locales'), localeCodesModule: join(WORK, 'locale-codes.ts') },
    interchange: { format: 'xliff', xliffDir: join(WORK, 'xliff') },
  };
  writeFileSync(join(WORK, 'lit-localize.json'), JSON.stringify(work));
  execFileSync(process.execPath, [CLI, command, '--config', join(WORK, 'lit-localize.json')], { stdio: 'pipe' });
}

describe('Spanish translation', () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  cpSync(join(ROOT, 'xliff'), join(WORK, 'xliff'), { recursive: true });

  it('has a target for every message in the source', () => {
    runLocalize('extract');
    const xlf = readFileSync(join(WORK, 'xliff/es.xlf'), 'utf8');
    const units = [...xlf.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
    expect(units.length).toBeGreaterThan(20);
    const untranslated = units
      .filter(([, , body]) => !body?.includes('<target>'))
      .map(([, id, body]) => `${id}: ${body}`);
    expect(untranslated).toEqual([]);
  }, 60_000);

  it('matches the committed runtime module (run `npm run i18n` after editing xliff/es.xlf)', () => {
    runLocalize('build');
    const built = readFileSync(join(WORK, 'locales/es.ts'), 'utf8');
    const committed = readFileSync(join(ROOT, 'src/generated/locales/es.ts'), 'utf8');
    expect(committed).toBe(built);
  }, 60_000);
});
