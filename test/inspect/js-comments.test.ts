import { describe, expect, it } from 'vitest';
import { inspectJsSource } from '../../src/inspect/js/source-inspector.js';
import type { CoveragePragma, Suppression } from '../../src/inspect/source-facts.js';

const suppressions = (source: string, path = 'src/a.ts') => inspectJsSource(path, source).suppressions;
const pragmas = (source: string, path = 'src/a.ts') => inspectJsSource(path, source).coveragePragmas;
const brief = (s: Suppression) => ({ tool: s.tool, directive: s.directive, scope: s.scope, rules: s.rules });

describe('TypeScript directives (the forms tsc honours)', () => {
  it.each([
    ['// @ts-ignore\nx;', 'ts-ignore'],
    ['// @ts-ignore: legacy typings\nx;', 'ts-ignore'],
    ['//@ts-ignore\nx;', 'ts-ignore'],
    ['/// @ts-ignore\nx;', 'ts-ignore'],
    ['// @ts-expect-error - server lies\nx;', 'ts-expect-error'],
    ['/* @ts-ignore */\nx;', 'ts-ignore'],
    ['/** @ts-ignore */\nx;', 'ts-ignore'],
    ['/*** @ts-ignore*/x;', 'ts-ignore'],
    ['/**\n * @ts-ignore */\nx;', 'ts-ignore'],
    ['/* foo\n @ts-expect-error */x;', 'ts-expect-error'],
    ['// @ts-ignorefoo\nx;', 'ts-ignore'], // tsc requires no word boundary
  ])('honours %j', (source, directive) => {
    expect(suppressions(source).map(brief)).toEqual([{ tool: 'typescript', directive, scope: 'next-line', rules: [] }]);
  });

  it.each([
    ['// foo @ts-ignore\nx;'],
    ['//// @ts-ignore\nx;'],
    ['// @TS-IGNORE\nx;'],
    ['/**\n * @ts-ignore\n */\nx;'], // only the last line of a block counts
    ['/*  * @ts-ignore */\nx;'],
    ['const s = "// @ts-ignore";\nconst t = `/* @ts-expect-error */`;'],
  ])('ignores %j', (source) => {
    expect(suppressions(source)).toEqual([]);
  });

  it('reports the line of the directive inside a multi-line block', () => {
    expect(suppressions('x;\n/**\n * why\n * @ts-ignore */\ny;')[0]?.line).toBe(4);
  });

  it.each([
    ['// @ts-nocheck\nx;'],
    ['/// @ts-nocheck\nx;'],
    ['// @ts-nocheck: generated\nx;'],
    ['// @TS-NOCHECK\nx;'], // pragma names are case-insensitive
    ['/** header */\n// @ts-nocheck\nx;'],
    ['#!/usr/bin/env node\n// @ts-nocheck\nx;'],
  ])('honours the leading pragma %j', (source) => {
    const found = suppressions(source).map(brief);
    expect(found).toEqual([{ tool: 'typescript', directive: 'ts-nocheck', scope: 'file', rules: [] }]);
  });

  it.each([
    ['/* @ts-nocheck */\nx;'],
    ['/** @ts-nocheck */\nx;'],
    ['const a = 1;\n// @ts-nocheck\nx;'],
    ['// @ts-nocheckfoo\nx;'],
    ['// @ts-nocheck\n// @ts-check\nx;'], // the last pragma wins
  ])('ignores the pragma in %j', (source) => {
    expect(suppressions(source)).toEqual([]);
  });

  it('keeps line and text', () => {
    expect(suppressions('// @ts-nocheck\nconst a = 1;\n   //   @ts-ignore   because\nfoo();')).toEqual([
      { tool: 'typescript', directive: 'ts-nocheck', scope: 'file', rules: [], line: 1, text: '// @ts-nocheck' },
      { tool: 'typescript', directive: 'ts-ignore', scope: 'next-line', rules: [], line: 3, text: '// @ts-ignore because' },
    ]);
  });
});

describe('ESLint directives', () => {
  it.each<[string, Partial<Suppression>]>([
    ['/* eslint-disable */\nx;', { directive: 'eslint-disable', scope: 'file', rules: [] }],
    ['/* eslint-disable no-console, no-alert */\nx;', { directive: 'eslint-disable', scope: 'file', rules: ['no-console', 'no-alert'] }],
    ['/*eslint-disable\n  no-console,\n  "no-alert"\n*/\nx;', { directive: 'eslint-disable', scope: 'file', rules: ['no-console', 'no-alert'] }],
    ['x; // eslint-disable-line', { directive: 'eslint-disable-line', scope: 'line', rules: [] }],
    ['x; /* eslint-disable-line no-console */', { directive: 'eslint-disable-line', scope: 'line', rules: ['no-console'] }],
    [
      '// eslint-disable-next-line no-console, @typescript-eslint/no-explicit-any -- reason, with comma\nx;',
      { directive: 'eslint-disable-next-line', scope: 'next-line', rules: ['no-console', '@typescript-eslint/no-explicit-any'] },
    ],
    ['/* eslint-disable-next-line no-console */\nx;', { directive: 'eslint-disable-next-line', scope: 'next-line', rules: ['no-console'] }],
    ['/* eslint no-console: "off", quotes: [0, "double"], semi: 2 */\nx;', { directive: 'eslint', scope: 'file', rules: ['no-console', 'quotes'] }],
  ])('%j', (source, expected) => {
    expect(suppressions(source).map(brief)).toEqual([{ tool: 'eslint', ...expected }]);
  });

  it('scopes a disable re-enabled later as block, and records the enable', () => {
    const found = suppressions('/* eslint-disable no-console */\nconsole.log(1);\n/* eslint-enable no-console */\nx;');
    expect(found.map(brief)).toEqual([
      { tool: 'eslint', directive: 'eslint-disable', scope: 'block', rules: ['no-console'] },
      { tool: 'eslint', directive: 'eslint-enable', scope: 'block', rules: ['no-console'] },
    ]);
    expect(found.map((s) => s.line)).toEqual([1, 3]);
  });

  it('keeps scope file when the enable re-enables only some of the rules', () => {
    const found = suppressions('/* eslint-disable a, b */\nx;\n/* eslint-enable a */\ny;');
    expect(found[0]?.scope).toBe('file');
    expect(suppressions('/* eslint-disable */\nx;\n/* eslint-enable a */\ny;')[0]?.scope).toBe('file');
    expect(suppressions('/* eslint-disable a */\nx;\n/* eslint-enable */\ny;')[0]?.scope).toBe('block');
  });

  it.each([
    ['/** eslint-disable */\nx;'], // the body starts with `*`, not the label
    ['// eslint-disable\nx;'], // only -line/-next-line work in line comments
    ['// eslint-enable\nx;'],
    ['// eslint no-console: off\nx;'],
    ['x; /* eslint-disable-line\n */\ny;'], // -line must stay on one line
    ['/* eslint-env node */\nx;'],
    ['/* eslint semi: "error", quotes: ["warn", "double"] */\nx;'], // nothing turned off
    ['/* eslint-disablefoo */\nx;'],
    ['/* see eslint-disable */\nx;'],
    ['const s = "/* eslint-disable */";\nconst t = `// eslint-disable-next-line`;'],
  ])('ignores what ESLint ignores: %j', (source) => {
    expect(suppressions(source)).toEqual([]);
  });
});

describe('oxlint directives', () => {
  it.each<[string, Partial<Suppression>]>([
    ['/* oxlint-disable */\nx;', { directive: 'oxlint-disable', scope: 'file', rules: [] }],
    ['// oxlint-disable no-console\nx;', { directive: 'oxlint-disable', scope: 'file', rules: ['no-console'] }],
    ['x; // oxlint-disable-line no-console no-alert - reason', { directive: 'oxlint-disable-line', scope: 'line', rules: ['no-console', 'no-alert'] }],
    ['// oxlint-disable-next-line no-console, eqeqeq -- reason\nx;', { directive: 'oxlint-disable-next-line', scope: 'next-line', rules: ['no-console', 'eqeqeq'] }],
  ])('%j', (source, expected) => {
    expect(suppressions(source).map(brief)).toEqual([{ tool: 'oxlint', ...expected }]);
  });

  it('closes an oxlint-disable with either enable', () => {
    const found = suppressions('/* oxlint-disable */\nx;\n/* eslint-enable */\ny;');
    expect(found.map(brief)).toEqual([
      { tool: 'oxlint', directive: 'oxlint-disable', scope: 'block', rules: [] },
      { tool: 'eslint', directive: 'eslint-enable', scope: 'block', rules: [] },
    ]);
  });
});

describe('Biome directives', () => {
  it.each<[string, Partial<Suppression>[]]>([
    ['// biome-ignore lint/suspicious/noExplicitAny: reason\nx;', [{ directive: 'biome-ignore', scope: 'next-line', rules: ['lint/suspicious/noExplicitAny'] }]],
    ['// biome-ignore lint: reason\nx;', [{ directive: 'biome-ignore', scope: 'next-line', rules: ['lint'] }]],
    ['// biome-ignore format lint/style: reason\nx;', [{ directive: 'biome-ignore', scope: 'next-line', rules: ['format', 'lint/style'] }]],
    [
      '// biome-ignore lint/correctness/useExhaustiveDependencies(foo): reason\nx;',
      [{ directive: 'biome-ignore', scope: 'next-line', rules: ['lint/correctness/useExhaustiveDependencies(foo)'] }],
    ],
    ['/* biome-ignore lint: reason */\nx;', [{ directive: 'biome-ignore', scope: 'next-line', rules: ['lint'] }]],
    ['// biome-ignore-all lint/style/useConst: generated\nx;', [{ directive: 'biome-ignore-all', scope: 'file', rules: ['lint/style/useConst'] }]],
    [
      '// biome-ignore-start lint: legacy\nx;\n// biome-ignore-end lint: legacy\n',
      [
        { directive: 'biome-ignore-start', scope: 'block', rules: ['lint'] },
        { directive: 'biome-ignore-end', scope: 'block', rules: ['lint'] },
      ],
    ],
    [
      '/**\n * biome-ignore-all lint/style/useConst: i like let\n * biome-ignore-all lint/suspicious/noDebugger: needed\n */\n\nx;',
      [
        { directive: 'biome-ignore-all', scope: 'file', rules: ['lint/style/useConst'] },
        { directive: 'biome-ignore-all', scope: 'file', rules: ['lint/suspicious/noDebugger'] },
      ],
    ],
  ])('%j', (source, expected) => {
    expect(suppressions(source).map(brief)).toEqual(expected.map((e) => ({ tool: 'biome', ...e })));
  });

  it('gives each directive of a block its own line', () => {
    expect(suppressions('/**\n * biome-ignore-all lint: a\n * biome-ignore-all format: b\n */\nx;').map((s) => s.line)).toEqual([2, 3]);
  });

  it.each([['// biome-ignore lint\nx;'], ['// biome-ignore lint:\nx;'], ['// biome-ignore lint(: x\nx;'], ['// see biome-ignore lint: x\nx;']])(
    'ignores what Biome rejects: %j',
    (source) => {
      expect(suppressions(source)).toEqual([]);
    },
  );
});

describe('coverage pragmas', () => {
  it.each<[string, Pick<CoveragePragma, 'tool' | 'directive'>]>([
    ['/* istanbul ignore next */', { tool: 'istanbul', directive: 'ignore next' }],
    ['/* istanbul ignore else */', { tool: 'istanbul', directive: 'ignore else' }],
    ['/* istanbul ignore if */', { tool: 'istanbul', directive: 'ignore if' }],
    ['/* istanbul ignore file */', { tool: 'istanbul', directive: 'ignore file' }],
    ['/* istanbul ignore next @preserve */', { tool: 'istanbul', directive: 'ignore next' }],
    ['/** istanbul ignore next */', { tool: 'istanbul', directive: 'ignore next' }],
    ['// istanbul ignore next', { tool: 'istanbul', directive: 'ignore next' }],
    ['/* c8 ignore next */', { tool: 'c8', directive: 'ignore next' }],
    ['/* c8 ignore next 3 */', { tool: 'c8', directive: 'ignore next' }],
    ['/* c8 ignore start */', { tool: 'c8', directive: 'ignore start' }],
    ['/* c8 ignore stop */', { tool: 'c8', directive: 'ignore stop' }],
    ['/* c8 ignore file */', { tool: 'c8', directive: 'ignore file' }],
    ['/* v8 ignore next -- @preserve */', { tool: 'v8', directive: 'ignore next' }],
    ['/* v8 ignore start */', { tool: 'v8', directive: 'ignore start' }],
    ['/* v8 ignore stop */', { tool: 'v8', directive: 'ignore stop' }],
    ['/* v8 ignore if */', { tool: 'v8', directive: 'ignore if' }],
    ['/* v8 ignore else */', { tool: 'v8', directive: 'ignore else' }],
    ['/* v8 ignore file */', { tool: 'v8', directive: 'ignore file' }],
    ['// v8 ignore next 3', { tool: 'v8', directive: 'ignore next' }],
    ['/*  v8   ignore\n  next */', { tool: 'v8', directive: 'ignore next' }],
    ['/* node:coverage ignore next 2 */', { tool: 'v8', directive: 'ignore next' }],
    ['/* node:coverage disable */', { tool: 'v8', directive: 'ignore start' }],
    ['/* node:coverage enable */', { tool: 'v8', directive: 'ignore stop' }],
  ])('%s', (comment, expected) => {
    expect(pragmas(`x;\n${comment}\nfunction f() {}`)).toEqual([{ ...expected, line: 2, text: comment.replace(/\s+/g, ' ') }]);
  });

  it.each([
    ['/* istanbul ignored next */'],
    ['/* v8 ignore nextline */'],
    ['/* c8 disable */'],
    ['/* see istanbul ignore next */'],
    ['const s = "/* istanbul ignore next */";'],
    ['const t = `// c8 ignore file`;'],
  ])('ignores %j', (source) => {
    expect(pragmas(source)).toEqual([]);
  });
});
