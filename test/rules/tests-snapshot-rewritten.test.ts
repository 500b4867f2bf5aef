import { describe, expect, it } from 'vitest';
import { testsSnapshotRewritten } from '../../src/rules/tests/snapshot-rewritten.js';
import { runRule, ruleTester } from '../helpers/rule-tester.js';

const JEST = '// Jest Snapshot v1, https://goo.gl/fbAQLP\n';
const VITEST = '// Vitest Snapshot v1, https://vitest.dev/guide/snapshot.html\n';

/** A snapshot file from name → value, written the way jest writes it (sorted, blank line between). */
function snap(entries: Record<string, string>, header = JEST): string {
  const escape = (text: string) => text.replace(/[\\`]/g, '\\$&').replace(/\$\{/g, '\\${');
  return `${header}\n${Object.entries(entries)
    .map(([key, value]) => `exports[\`${escape(key)}\`] = \`\n${escape(value)}\n\`;\n`)
    .join('\n')}`;
}

/** A jest test file with one `toMatchSnapshot` test per name, inside `describe(suite)`. */
function jestTests(suite: string, names: readonly string[]): string {
  return `describe('${suite}', () => {\n${names.map((name) => `  it('${name}', () => {\n    expect(render('${name}')).toMatchSnapshot();\n  });\n`).join('')}});\n`;
}

const names = (count: number) => Array.from({ length: count }, (_, i) => `case ${i + 1}`);
const entriesOf = (suite: string, list: readonly string[], value: (name: string) => string) =>
  Object.fromEntries(list.map((name) => [`${suite} ${name} 1`, value(name)]));

const TEN = names(10);
const card = (name: string) => `<div class="card">\n  ${name}\n</div>`;
const base10 = { 'src/card.test.ts': jestTests('Card', TEN), 'src/__snapshots__/card.test.ts.snap': snap(entriesOf('Card', TEN, card)) };

/** A binary image (PNG signature plus a NUL byte, so git and Gatehouse see it as binary). */
const png = (seed: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(64, seed)]);
const images = (folder: string, count: number, seed: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`${folder}/shot-${i + 1}-chromium-linux.png`, png(seed + i)]));

const priceTest = (first: string, second: string) =>
  `import { it, expect, describe } from 'vitest';\n\ndescribe('price', () => {\n  it('formats', () => {\n    expect(format(1)).toMatchInlineSnapshot(\`"${first}"\`);\n  });\n  it('rounds', () => {\n    expect(format(1.005)).toMatchInlineSnapshot(\`"${second}"\`);\n  });\n});\n`;

ruleTester(testsSnapshotRewritten, {
  valid: [
    {
      name: 'new entries and a new snapshot file are fine',
      base: base10,
      head: {
        'src/card.test.ts': jestTests('Card', [...TEN, 'case 11']),
        'src/__snapshots__/card.test.ts.snap': snap(entriesOf('Card', [...TEN, 'case 11'], card)),
        'src/list.test.ts': jestTests('List', ['empty']),
        'src/__snapshots__/list.test.ts.snap': snap({ 'List empty 1': '<ul />' }),
      },
    },
    {
      name: 'a test renamed: its entry re-appears under the new name with the same value',
      base: base10,
      head: {
        'src/card.test.ts': jestTests('Card', [...TEN.slice(1), 'first case']),
        'src/__snapshots__/card.test.ts.snap': snap({ ...entriesOf('Card', TEN.slice(1), card), 'Card first case 1': card('case 1') }),
      },
    },
    {
      name: 'tests and snapshots moved to another file keep their values',
      base: base10,
      head: {
        'src/card.test.ts': jestTests('Card', TEN.slice(0, 5)),
        'src/__snapshots__/card.test.ts.snap': snap(entriesOf('Card', TEN.slice(0, 5), card)),
        'src/card-more.test.ts': jestTests('Card more', TEN.slice(5)),
        'src/__snapshots__/card-more.test.ts.snap': snap(Object.fromEntries(TEN.slice(5).map((name) => [`Card more ${name} 1`, card(name)]))),
      },
    },
    {
      name: 'reformatting only: line endings, trailing spaces, blank lines, order, header',
      base: base10,
      head: {
        'src/card.test.ts': jestTests('Card', TEN),
        'src/__snapshots__/card.test.ts.snap': snap(entriesOf('Card', [...TEN].reverse(), (name) => `${card(name).replace(/\n/g, '  \r\n')}\n`), '// Jest Snapshot v1, https://jestjs.io/docs/snapshot-testing\r\n'),
      },
    },
    {
      name: 'the test file and its snapshots renamed together, values unchanged',
      base: base10,
      head: { 'src/ui/card.test.ts': jestTests('Card', TEN), 'src/ui/__snapshots__/card.test.ts.snap': snap(entriesOf('Card', TEN, card)) },
    },
    {
      name: 'an entry already obsolete at base (its test was gone) is cleaned up',
      base: { 'src/card.test.ts': jestTests('Card', TEN.slice(0, 9)), 'src/__snapshots__/card.test.ts.snap': snap(entriesOf('Card', TEN, card)) },
      head: {
        'src/card.test.ts': jestTests('Card', [...TEN.slice(0, 9), 'case 11']),
        'src/__snapshots__/card.test.ts.snap': snap(entriesOf('Card', [...TEN.slice(0, 9), 'case 11'], card)),
      },
    },
    {
      name: 'new image snapshots are fine',
      base: { 'e2e/home.spec.ts': "test('home', async () => {});\n" },
      head: { 'e2e/home.spec.ts': "test('home', async () => {});\n", ...images('e2e/home.spec.ts-snapshots', 6, 1) },
    },
    {
      name: 'inline snapshots re-indented, moved, or added',
      base: { 'src/price.test.ts': priceTest('$1.00', '$1.01') },
      head: {
        'src/price.test.ts': `import { it, expect, describe } from 'vitest';\n\ndescribe('price', () => {\n  it('rounds', () => {\n    expect(format(1.005)).toMatchInlineSnapshot(\`\n      "$1.01"\n    \`);\n  });\n  it('formats', () => {\n    expect(format(1)).toMatchInlineSnapshot(\`"$1.00"\`);\n    expect(format(2)).toMatchInlineSnapshot(\`"$2.00"\`);\n  });\n});\n`,
      },
    },
  ],
  invalid: [
    {
      name: 'six of ten entries rewritten in one file: warn',
      base: base10,
      head: {
        ...base10,
        'src/__snapshots__/card.test.ts.snap': snap(entriesOf('Card', TEN, (name) => (Number(name.split(' ')[1]) <= 6 ? '<div class="error" />' : card(name)))),
      },
      findings: [{ file: 'src/__snapshots__/card.test.ts.snap', line: 3, side: 'head', severity: 'warn', message: /^Snapshot entries rewritten in bulk: 6 of 10 snapshot entries \(6 changed\): 'Card case 1 1'.* and 1 more$/, before: 'Card case 1 1 (3 lines)', after: 'Card case 1 1 (1 line)' }],
    },
    {
      name: 'one of ten entries changed: info, a human can glance at it',
      base: base10,
      head: { ...base10, 'src/__snapshots__/card.test.ts.snap': snap(entriesOf('Card', TEN, (name) => (name === 'case 3' ? card('Case three') : card(name)))) },
      findings: [{ file: 'src/__snapshots__/card.test.ts.snap', line: 15, severity: 'info', message: "1 of 10 snapshot entries rewritten (1 changed): 'Card case 3 1'" }],
    },
    {
      name: 'two of three entries: half a file is bulk',
      base: { 'src/a.test.ts': jestTests('A', ['x', 'y', 'z']), 'src/__snapshots__/a.test.ts.snap': snap({ 'A x 1': 'x', 'A y 1': 'y', 'A z 1': 'z' }) },
      head: { 'src/a.test.ts': jestTests('A', ['x', 'y', 'z']), 'src/__snapshots__/a.test.ts.snap': snap({ 'A x 1': 'x', 'A y 1': 'Y!', 'A z 1': 'Z!' }) },
      findings: [{ file: 'src/__snapshots__/a.test.ts.snap', severity: 'warn', message: 'in bulk: 2 of 3' }],
    },
    {
      name: 'a regeneration spread over five files is bulk in each (a deliberate UI change is still warn)',
      base: Object.fromEntries(
        ['a', 'b', 'c', 'd', 'e'].flatMap((n) => [
          [`src/${n}.test.ts`, jestTests(n, ['renders', 'hovers'])],
          [`src/__snapshots__/${n}.test.ts.snap`, snap({ [`${n} hovers 1`]: `<b>${n}</b>`, [`${n} renders 1`]: `<i>${n}</i>` })],
        ]),
      ),
      head: Object.fromEntries(
        ['a', 'b', 'c', 'd', 'e'].flatMap((n) => [
          [`src/${n}.test.ts`, jestTests(n, ['renders', 'hovers'])],
          [`src/__snapshots__/${n}.test.ts.snap`, snap({ [`${n} hovers 1`]: `<b>${n}</b>`, [`${n} renders 1`]: `<i class="v2">${n}</i>` })],
        ]),
      ),
      findings: ['a', 'b', 'c', 'd', 'e'].map((n) => ({ file: `src/__snapshots__/${n}.test.ts.snap`, severity: 'warn' as const, message: `in bulk: 1 of 2 snapshot entries (1 changed): '${n} renders 1'` })),
    },
    {
      name: 'entries removed together with their tests',
      base: base10,
      head: { 'src/card.test.ts': jestTests('Card', TEN.slice(0, 8)), 'src/__snapshots__/card.test.ts.snap': snap(entriesOf('Card', TEN.slice(0, 8), card)) },
      findings: [{ file: 'src/__snapshots__/card.test.ts.snap', line: 51, side: 'base', severity: 'warn', message: "2 snapshot entries removed together with their tests in src/card.test.ts: 'Card case 9', 'Card case 10'" }],
    },
    {
      name: 'an entry removed while its test stays (test file untouched)',
      base: base10,
      head: { 'src/card.test.ts': jestTests('Card', TEN), 'src/__snapshots__/card.test.ts.snap': snap(entriesOf('Card', TEN.slice(1), card)) },
      findings: [{ file: 'src/__snapshots__/card.test.ts.snap', line: 3, side: 'base', severity: 'info', message: "1 removed while their tests remain): 'Card case 1 1'", after: 'Card case 1 1 (removed)' }],
    },
    {
      name: 'the test file and its snapshot file deleted together',
      base: { ...base10, 'src/other.ts': 'export {};\n' },
      head: { 'src/other.ts': 'export {};\n' },
      findings: [{ file: 'src/__snapshots__/card.test.ts.snap', side: 'base', severity: 'warn', message: '10 snapshot entries removed together with the test file src/card.test.ts' }],
    },
    {
      name: 'a snapshot file deleted while its test file stays',
      base: base10,
      head: { 'src/card.test.ts': jestTests('Card', TEN) },
      findings: [{ file: 'src/__snapshots__/card.test.ts.snap', line: 3, side: 'base', severity: 'warn', message: 'Snapshot file deleted while its test file src/card.test.ts remains: 10 entries', after: '(deleted)' }],
    },
    {
      name: 'a snapshot file deleted after its test stopped using snapshots: info',
      base: base10,
      head: { 'src/card.test.ts': jestTests('Card', TEN).replace(/toMatchSnapshot\(\)/g, "toContain('card')") },
      findings: [{ file: 'src/__snapshots__/card.test.ts.snap', severity: 'info', message: 'no longer calls a snapshot matcher' }],
    },
    {
      name: 'a renamed snapshot file is followed: its changed values are reported',
      base: base10,
      head: {
        'src/ui/card.test.ts': jestTests('Card', TEN),
        'src/ui/__snapshots__/card.test.ts.snap': snap(entriesOf('Card', TEN, (name) => (name === 'case 10' ? '<div />' : card(name)))),
      },
      findings: [{ file: 'src/ui/__snapshots__/card.test.ts.snap', line: 57, severity: 'info', message: "'Card case 10 1'" }],
    },
    {
      name: 'vitest names (` > `), hints and .each tables decide whether a test remains',
      base: {
        'src/t.test.ts': "describe('t', () => {\n  it.each([1, 2])('row %i', (n) => { expect(n).toMatchSnapshot('value'); });\n  it('gone', () => { expect(1).toMatchSnapshot(); });\n  it('stays', () => { expect(1).toMatchSnapshot('hint'); });\n});\n",
        'src/__snapshots__/t.test.ts.snap': snap({ 't > gone 1': '1', 't > row 1 > value 1': '1', 't > row 2 > value 1': '2', 't > stays > hint 1': '1' }, VITEST),
      },
      head: {
        'src/t.test.ts': "describe('t', () => {\n  it.each([1, 2])('row %i', (n) => { expect(n).toMatchSnapshot('value'); });\n  it('stays', () => { expect(2).toMatchSnapshot('hint'); });\n});\n",
        'src/__snapshots__/t.test.ts.snap': snap({ 't > stays > hint 1': '2' }, VITEST),
      },
      findings: [
        { file: 'src/__snapshots__/t.test.ts.snap', line: 3, severity: 'warn', message: "1 snapshot entry removed together with their tests in src/t.test.ts: 't > gone'" },
        { file: 'src/__snapshots__/t.test.ts.snap', line: 3, side: 'head', severity: 'warn', message: "in bulk: 3 of 4 snapshot entries (1 changed, 2 removed while their tests remain): 't > stays > hint 1', 't > row 1 > value 1', 't > row 2 > value 1'" },
      ],
    },
    {
      name: 'inline snapshot values rewritten',
      base: { 'src/price.test.ts': priceTest('$1.00', '$1.01') },
      head: { 'src/price.test.ts': priceTest('$1', '$1.00') },
      findings: [{ file: 'src/price.test.ts', line: 5, side: 'head', severity: 'warn', message: "2 inline snapshots rewritten: 'price > formats', 'price > rounds'", after: 'toMatchInlineSnapshot(…)' }],
    },
    {
      name: 'six PNG snapshots replaced across two folders: bulk',
      base: { 'e2e/home.spec.ts': "test('home', async () => {});\n", ...images('e2e/home.spec.ts-snapshots', 4, 1), ...images('src/__image_snapshots__', 2, 10) },
      head: { 'e2e/home.spec.ts': "test('home', async () => {});\n", ...images('e2e/home.spec.ts-snapshots', 4, 50), ...images('src/__image_snapshots__', 2, 60) },
      findings: [
        { file: 'e2e/home.spec.ts-snapshots/shot-1-chromium-linux.png', line: 1, severity: 'warn', message: /^Image snapshots rewritten in bulk \(6 images in this change\): 4 replaced in e2e\/home.spec.ts-snapshots/ },
        { file: 'src/__image_snapshots__/shot-1-chromium-linux.png', line: 1, severity: 'warn', message: '2 replaced in src/__image_snapshots__' },
      ],
    },
    {
      name: 'two image snapshots replaced, one deleted: info',
      base: images('src/__image_snapshots__', 3, 1),
      head: { ...images('src/__image_snapshots__', 2, 50) },
      findings: [{ file: 'src/__image_snapshots__/shot-1-chromium-linux.png', severity: 'info', message: 'Image snapshots rewritten: 2 replaced, 1 deleted' }],
    },
  ],
});

describe('tests/snapshot-rewritten documentation', () => {
  it('reports the bad example and not the good one', async () => {
    const { bad, good } = testsSnapshotRewritten.docs;
    expect((await runRule(testsSnapshotRewritten, { name: 'bad', ...bad })).map((f) => f.severity)).toEqual(['warn']);
    expect(await runRule(testsSnapshotRewritten, { name: 'good', ...good })).toEqual([]);
  });

  it('keeps a finding\'s fingerprint when more entries are rewritten in a later push', async () => {
    const rewrite = (count: number) => snap(entriesOf('Card', TEN, (name) => (Number(name.split(' ')[1]) <= count ? '<div />' : card(name))));
    const [six] = await runRule(testsSnapshotRewritten, { name: 'six', base: base10, head: { ...base10, 'src/__snapshots__/card.test.ts.snap': rewrite(6) } });
    const [seven] = await runRule(testsSnapshotRewritten, { name: 'seven', base: base10, head: { ...base10, 'src/__snapshots__/card.test.ts.snap': rewrite(7) } });
    expect(six?.fingerprint).toBe(seven?.fingerprint);
  });
});
