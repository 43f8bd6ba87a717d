import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

/** Commands a shell script runs, comments and blank lines left out. */
const commands = (script: string): string[] =>
  script
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

describe('one gate in CI', () => {
  it('CI runs `npm run verify`, then prints the summary line', () => {
    const run = commands(read('.ci/run'));
    const verify = run.indexOf('npm run verify');
    expect(verify).toBeGreaterThan(run.indexOf('npm ci --no-audit --no-fund'));
    expect(run.slice(verify).some((line) => line.startsWith('node scripts/test-summary.mjs'))).toBe(true);
  });

  it('verify checks types, lint and format, then runs the tests with the README command', () => {
    expect(scripts.verify?.split(' && ')).toEqual([
      'npm run typecheck',
      'npm run lint',
      'npm run format:check',
      'npm test',
    ]);
    expect(read('README.md')).toContain('```sh\nnpm test\n```');
  });
});
