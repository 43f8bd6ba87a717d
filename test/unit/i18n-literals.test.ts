import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const COMPONENTS = new URL('../../src/components/', import.meta.url);

/** Text that is the same in every language. */
const ALLOWED = new Set(['Resmo', '%', '×', '—', '·', 'CSV', 'JSON', 'fps', 'ms']);

/** The literal text of each html`` template in a source file, with every ${…} expression removed. */
function templateTexts(source: string): string[] {
  const texts: string[] = [];
  let index = source.indexOf('html`');
  while (index !== -1) {
    let i = index + 5;
    let text = '';
    while (i < source.length && source[i] !== '`') {
      if (source[i] === '$' && source[i + 1] === '{') {
        i = skipExpression(source, i + 2);
        text += ' ';
      } else {
        text += source[i];
        i += 1;
      }
    }
    texts.push(text);
    index = source.indexOf('html`', i);
  }
  return texts;
}

/** Index just past the `}` that closes an expression opened before `start`, nested templates included. */
function skipExpression(source: string, start: number): number {
  let depth = 1;
  let i = start;
  while (i < source.length && depth > 0) {
    const c = source[i];
    if (c === '`') i = skipTemplate(source, i + 1);
    else {
      if (c === '{') depth += 1;
      if (c === '}') depth -= 1;
      i += 1;
    }
  }
  return i;
}

function skipTemplate(source: string, start: number): number {
  let i = start;
  while (i < source.length && source[i] !== '`') {
    i = source[i] === '$' && source[i + 1] === '{' ? skipExpression(source, i + 2) : i + 1;
  }
  return i + 1;
}

/** Words a person would read: text between tags and the values of attributes people hear or see. */
export function userFacingLiterals(source: string): string[] {
  const found: string[] = [];
  for (const text of templateTexts(source)) {
    for (const match of text.matchAll(/(?:aria-label|title|placeholder|alt|label)="([^"]*)"/g)) {
      if (/[A-Za-z]{2,}/.test(match[1] ?? '')) found.push((match[1] ?? '').trim());
    }
    const between = text.replace(/<[^>]*>/g, '\n');
    for (const piece of between.split('\n')) {
      const words = piece.trim();
      if (/[A-Za-z]{2,}/.test(words) && !ALLOWED.has(words)) found.push(words);
    }
  }
  return found;
}

describe('user-facing text in src/components goes through msg()', () => {
  it('finds a literal when there is one (the scanner works)', () => {
    expect(userFacingLiterals('html`<p>Hello there</p><b aria-label="Close">${msg("ok")}</b>`')).toEqual([
      'Close',
      'Hello there',
    ]);
    expect(userFacingLiterals('html`<p>${msg(`A ${"b"}`)}</p><i>${x ? html`<b>${y}</b>` : nothing}</i>`')).toEqual([]);
  });

  const files = readdirSync(COMPONENTS, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
  it.each(files)('%s has no literal outside msg()', (name) => {
    const source = readFileSync(join(COMPONENTS.pathname, name), 'utf8');
    expect(userFacingLiterals(source)).toEqual([]);
  });
});
