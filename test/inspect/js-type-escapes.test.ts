import { describe, expect, it } from 'vitest';
import { UnparseableError } from '../../src/core/errors.js';
import { inspectJsSource } from '../../src/inspect/js/source-inspector.js';
import type { TypeEscape } from '../../src/inspect/source-facts.js';

const escapes = (source: string, path = 'src/a.ts') => inspectJsSource(path, source).typeEscapes;
const kinds = (source: string, path = 'src/a.ts') => escapes(source, path).map((e) => e.kind);

describe('type escapes', () => {
  it.each<[string, TypeEscape['kind'][]]>([
    ['const a = x as any;', ['as-any']],
    ['const a = (x as any).y;', ['as-any']],
    ['const a = x as (any);', ['as-any']],
    ['const a = <any>x;', ['angle-any']],
    ['const a = x as unknown as Foo;', ['as-unknown-as']],
    ['const a = (x as unknown) as Foo;', ['as-unknown-as']],
    ['const a = <Foo><unknown>x;', ['as-unknown-as']],
    ['const a = x as unknown as any;', ['as-any']],
    ['let a: any;', ['any-annotation']],
    ['function f(a: any, b: string): any { return a; }', ['any-annotation', 'any-annotation']],
    ['const f = (a: Array<any>) => a;', ['any-annotation']],
    ['const m: Record<string, any> = {};', ['any-annotation']],
    ['let list: any[] = [];', ['any-annotation']],
    ['class C { field: any; method(): Promise<any> { return p; } }', ['any-annotation', 'any-annotation']],
    ['interface I { a: any; f(x: any): void }', ['any-annotation', 'any-annotation']],
    ['type T = any;', ['any-annotation']],
    ['foo<any>();', ['any-annotation']],
    ['const a = x as unknown;', []],
    ['const a = x as Foo;', []],
    ['const a: unknown = 1;', []],
    ['const s = "x as any"; // x as any', []],
  ])('%s', (source, expected) => {
    expect(kinds(source)).toEqual(expected);
  });

  it('reports line and excerpt', () => {
    expect(escapes('const a = 1;\nconst b = foo(\n  a,\n) as any;\nfunction f(x: any) {}\n')).toEqual([
      { kind: 'as-any', line: 4, text: 'foo( a, ) as any' },
      { kind: 'any-annotation', line: 5, text: 'function f(x: any) {}' },
    ]);
  });

  it('finds escapes in .d.ts, .mts and .cts files', () => {
    expect(kinds('declare const x: any;\nexport {};', 'types/a.d.ts')).toEqual(['any-annotation']);
    expect(kinds('export const x = y as any;', 'a.mts')).toEqual(['as-any']);
    expect(kinds('module.exports = y as any;', 'a.cts')).toEqual(['as-any']);
  });

  it('parses `<any>x` only in .ts: in .tsx it is JSX, so the file is unparseable', () => {
    expect(kinds('const a = <any>x;', 'a.ts')).toEqual(['angle-any']);
    expect(() => inspectJsSource('a.tsx', 'const a = <any>x;')).toThrow(UnparseableError);
    expect(kinds('const a = x as any;\nconst el = <div>{a}</div>;', 'a.tsx')).toEqual(['as-any']);
  });
});
