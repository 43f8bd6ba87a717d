import { MAX_IMPORT_BYTES, MAX_SECONDS_PER_SESSION, type ExportFile } from '../../src/shared/export-schema';

/** One file the import must refuse without changing anything. */
export interface HostileImport {
  name: string;
  content: string;
}

type Json = Record<string, unknown>;
type Mutation = [name: string, change: (file: Json) => void];

const json = (value: unknown): string => JSON.stringify(value);

/** Walks to `path` ("patients.0.sessions.0.notes") and replaces the value there. */
function setAt(file: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  const parent = keys.reduce<Json>((node, key) => node[key] as Json, file);
  parent[last] = value;
}

function getAt(file: Json, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Json)[key], file);
}

const P = 'patients.0';
const S = `${P}.sessions.0`;

const HTML = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '<!-- x -->',
  '<?xml version="1.0"?>',
  'a</textarea><b>',
];
const HTML_FIELDS = [`${P}.code`, `${P}.name`, `${P}.notes`, `${S}.notes`, `${S}.markers.0.label`];

const WRONG_TYPES: [string, unknown[]][] = [
  ['version', ['1', null, true]],
  ['exportedAt', [0, 'yesterday', null]],
  ['labels', ['angry', null, ['happy', 'sad']]],
  ['patients', [{}, 'x', null]],
  [`${P}.id`, [1, 'not-a-uuid', null]],
  [`${P}.code`, [42, null, ['P-1']]],
  [`${P}.name`, [null, 7, { first: 'a' }]],
  [`${P}.birthDate`, [19840517, '1984-13-01', '17/05/1984']],
  [`${P}.archived`, ['false', 0, null]],
  [`${P}.createdAt`, [0, '2026-02-30T00:00:00Z', '']],
  [`${P}.sessions`, [{}, 'none', null]],
  [`${S}.startedAt`, [1_700_000_000_000, 'now', null]],
  [`${S}.endedAt`, [0, 'later', false]],
  [`${S}.markers`, [{}, 'x', [1, 2]]],
  [`${S}.markers.0.t`, ['12', -5, 1.5]],
  [`${S}.seconds`, [{}, 'x', [[]]]],
  [`${S}.seconds.0`, [null, 'x', {}]],
];

const BAD_ROWS: unknown[] = [
  [101, 50, 14, 14, 14, 14, 14, 15, 15],
  [100, 50, 14, 14, 14, 14, 14, 15],
  [100, 50, 14, 14, 14, 14, 14, 15, 15, 0],
  [100, 50, -1, 15, 14, 14, 14, 15, 29],
  [100, 50, 14.5, 14, 14, 14, 14, 15, 14.5],
  [100, 50, 90, 90, 0, 0, 0, 0, 0],
  [100, 50, 1, 1, 1, 1, 1, 1, 1],
  [0, 50, 14, 14, 14, 14, 14, 15, 15],
  [1],
  [0, null],
  [100, '50', 14, 14, 14, 14, 14, 15, 15],
  [100, 50, '14', 14, 14, 14, 14, 15, 15],
  [100, 50, 14, 14, 14, null, 14, 15, 15],
  [100, 50, 1e10, 14, 14, 14, 14, 15, 15],
];

function mutations(base: ExportFile): Mutation[] {
  const list: Mutation[] = [];
  HTML_FIELDS.forEach((path) =>
    HTML.forEach((html) => list.push([`markup in ${path}: ${html}`, (f) => setAt(f, path, html)])),
  );
  WRONG_TYPES.forEach(([path, values]) =>
    values.forEach((value) => list.push([`wrong value at ${path}: ${json(value)}`, (f) => setAt(f, path, value)])),
  );
  BAD_ROWS.forEach((row) => list.push([`bad second ${json(row)}`, (f) => setAt(f, `${S}.seconds.3`, row)]));
  list.push(
    ['future schema version', (f) => setAt(f, 'version', 4)],
    ['far-future schema version', (f) => setAt(f, 'version', 99)],
    ['version zero', (f) => setAt(f, 'version', 0)],
    ['missing version', (f) => delete f.version],
    ['other format', (f) => setAt(f, 'format', 'other-app')],
    ['missing format', (f) => delete f.format],
    ['unknown top-level key', (f) => setAt(f, 'extra', 1)],
    ['unknown patient key', (f) => setAt(f, `${P}.isAdmin`, true)],
    ['unknown session key', (f) => setAt(f, `${S}.patientId`, 'x')],
    ['prototype pollution key', (f) => setAt(f, `${P}.constructor`, { prototype: { polluted: true } })],
    ['labels in another order', (f) => setAt(f, 'labels', [...base.labels].reverse())],
    ['labels with an unknown emotion', (f) => setAt(f, 'labels', [...base.labels.slice(0, 6), 'contempt'])],
    ['no patients', (f) => setAt(f, 'patients', [])],
    ['session ending before it starts', (f) => setAt(f, `${S}.endedAt`, '2000-01-01T00:00:00.000Z')],
    ['marker after the recording', (f) => setAt(f, `${S}.markers.0.t`, 10_000_000)],
    ['duplicate session ids', (f) => setAt(f, `${P}.sessions.1.id`, base.patients[0]?.sessions[0]?.id)],
    ['marker id equal to a patient id', (f) => setAt(f, `${S}.markers.0.id`, base.patients[0]?.id)],
    ['control character in a name', (f) => setAt(f, `${P}.name`, 'Ana\u0000')],
    ['newline in a code', (f) => setAt(f, `${P}.code`, 'P-1\nP-2')],
    ['overlong name', (f) => setAt(f, `${P}.name`, 'x'.repeat(10_000))],
    ['overlong notes', (f) => setAt(f, `${P}.notes`, 'x'.repeat(100_000))],
    [
      'too many seconds',
      (f) =>
        setAt(
          f,
          `${S}.seconds`,
          Array.from({ length: MAX_SECONDS_PER_SESSION + 1 }, () => [0]),
        ),
    ],
    // Valid on its own, but its markers' ids are already on the device: the new patient and
    // session are written first, so only an all-or-nothing transaction leaves no trace.
    [
      'new patient whose marker ids are already on the device',
      (f) => {
        setAt(f, `${P}.id`, '0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b');
        setAt(f, `${S}.id`, '1e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b');
        setAt(f, `${P}.sessions`, [getAt(f, S)]);
      },
    ],
  );
  return list;
}

function notJson(valid: string): HostileImport[] {
  const raw = [
    '',
    ' ',
    '\uFEFF',
    'null',
    '[]',
    '42',
    '"resmo"',
    'true',
    '{',
    '{"format":"resmo"',
    'NaN',
    '<html><body>resmo</body></html>',
    '\u0000\u0001\u0002',
  ];
  const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  return [
    ...raw.map((content) => ({ name: `not an export: ${json(content.slice(0, 20))}`, content })),
    {
      name: 'own __proto__ key in a patient',
      content: valid.replace('"patients":[{', '"patients":[{"__proto__":{"archived":true},'),
    },
    { name: 'deeply nested arrays', content: deep },
    { name: 'larger than the import limit', content: valid + ' '.repeat(MAX_IMPORT_BYTES) },
  ];
}

/** `count` truncations spread evenly over the valid file (a download cut short). */
function truncations(valid: string, count: number): HostileImport[] {
  return Array.from({ length: count }, (_, i) => {
    const at = Math.max(1, Math.floor(((i + 1) * (valid.length - 1)) / (count + 1)));
    return { name: `truncated at byte ${at} of ${valid.length}`, content: valid.slice(0, at) };
  });
}

/** Exactly `total` hostile files derived from a valid export, which must already be on the device. */
export function hostileImports(base: ExportFile, total = 200): HostileImport[] {
  const valid = json(base);
  const mutated = mutations(base).map(([name, change]) => {
    const file = structuredClone(base) as unknown as Json;
    change(file);
    return { name, content: json(file) };
  });
  const fixed = [...mutated, ...notJson(valid)];
  if (fixed.length > total) throw new Error(`${fixed.length} fixed cases exceed ${total}`);
  return [...fixed, ...truncations(valid, total - fixed.length)];
}
