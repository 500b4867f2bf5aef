import { describe, expect, it } from 'vitest';
import { UnparseableError } from '../../src/core/errors.js';
import { inspectJsSource, jsSourceInspector } from '../../src/inspect/js/source-inspector.js';
import { compilePathGroups, DEFAULT_PATH_GROUPS } from '../../src/policy/path-groups.js';

const paths = compilePathGroups(DEFAULT_PATH_GROUPS);

/** The error an inspection throws, for assertions on its fields. */
function failure(path: string, text: string): UnparseableError {
  try {
    inspectJsSource(path, text);
  } catch (error) {
    if (error instanceof UnparseableError) return error;
    throw error;
  }
  throw new Error('expected an UnparseableError');
}

describe('jsSourceInspector', () => {
  it('has a stable id', () => {
    expect(jsSourceInspector.id).toBe('js-source@3');
  });

  it.each([
    ['src/a.js', true],
    ['src/a.jsx', true],
    ['src/a.mjs', true],
    ['src/a.cjs', true],
    ['src/a.ts', true],
    ['src/a.tsx', true],
    ['src/a.mts', true],
    ['src/a.cts', true],
    ['types/a.d.ts', true],
    ['types/a.d.mts', true],
    ['src/styles.d.css.ts', true],
    ['src/A.TS', true],
    ['src/a.json', false],
    ['src/a.py', false],
    ['src/a.ts.snap', false],
    ['src/a.vue', false],
    ['Makefile', false],
  ])('appliesTo(%s) is %s', (path, expected) => {
    expect(jsSourceInspector.appliesTo(path, paths)).toBe(expected);
  });

  it('keys the memo by the extension that decides how the bytes parse', () => {
    const key = (path: string) => jsSourceInspector.cacheKey?.(path);
    expect(key('a.ts')).toBe('.ts');
    expect(key('a.tsx')).toBe('.tsx');
    expect(key('a.d.ts')).toBe('.d.ts');
    expect(key('a.d.css.ts')).toBe('.d.ts');
    expect(key('a.mjs')).toBe('.mjs');
    expect(key('a.ts')).not.toBe(key('a.tsx'));
  });

  it('returns language-neutral facts', () => {
    expect(jsSourceInspector.inspect('a.ts', 'export const a = 1;\n')).toEqual({
      language: 'js',
      suppressions: [],
      typeEscapes: [],
      coveragePragmas: [],
      tests: [],
      imports: [],
    });
  });
});

describe('parse errors', () => {
  it('throws UnparseableError with the message and line of the first error', () => {
    const error = failure('a.ts', 'const a = 1;\nconst b = ;\nconst c = (;\n');
    expect(error).toBeInstanceOf(UnparseableError);
    expect(error.message).toBe('Unexpected token');
    expect(error.line).toBe(2);
  });

  it('reports an unexpected end of input on the last line with code, not past the final newline', () => {
    const error = failure('a.ts', 'export const a = 1;\n\nexport function b( {\n\n');
    expect(error.message).toBe('Expected `}` but found `EOF`');
    expect(error.line).toBe(3);
  });

  it('counts lines correctly after non-ASCII text', () => {
    expect(failure('a.ts', `const s = '${'😀'.repeat(40)}é';\n\nconst b = ;\nconst c = 1;\n`).line).toBe(3);
  });

  it('rejects type syntax in JavaScript files', () => {
    expect(failure('a.js', 'const a = 1;\nlet b: number = 2;\n').line).toBe(2);
  });
});

describe('offsets on non-ASCII text', () => {
  // oxc-parser gives UTF-16 offsets; were they UTF-8 bytes, every fact after the emoji
  // would land on a later line and every excerpt would be cut in the wrong place.
  const unicode = `const banner = '${'日本語😀'.repeat(30)}';\n`;

  it('keeps lines and excerpts exact', () => {
    const facts = inspectJsSource(
      'a.test.ts',
      `${unicode}// @ts-ignore — pourquoi pas\nconst x = y as any; // ✓ ok\n/* istanbul ignore next */\nit('ünïcödé 😀', () => {});\n`,
    );
    expect(facts.suppressions).toEqual([{ tool: 'typescript', directive: 'ts-ignore', scope: 'next-line', rules: [], line: 2, text: '// @ts-ignore — pourquoi pas' }]);
    expect(facts.typeEscapes).toEqual([{ kind: 'as-any', line: 3, text: 'y as any' }]);
    expect(facts.coveragePragmas).toEqual([{ tool: 'istanbul', directive: 'ignore next', line: 4, text: '/* istanbul ignore next */' }]);
    expect(facts.tests.map((t) => [t.fullName, t.line])).toEqual([['ünïcödé 😀', 5]]);
  });

  it('hashes the same body the same after non-ASCII text', () => {
    const body = "it('a', () => { expect(f('ß')).toBe(1); });\n";
    expect(inspectJsSource('a.test.ts', `${unicode}${body}`).tests[0]?.bodyHash).toBe(inspectJsSource('a.test.ts', body).tests[0]?.bodyHash);
  });

  it('treats CRLF files like LF files', () => {
    const facts = inspectJsSource('a.ts', 'const a = 1;\r\n// @ts-ignore\r\nconst b = c as any;\r\n');
    expect(facts.suppressions.map((s) => [s.line, s.text])).toEqual([[2, '// @ts-ignore']]);
    expect(facts.typeEscapes.map((e) => e.line)).toEqual([3]);
  });
});

describe('JSX', () => {
  const component = "import { render } from '@testing-library/react';\nconst el = <Button onClick={() => x as any}>{/* c8 ignore next */}hi</Button>;\n";

  it.each([['a.tsx'], ['a.jsx'], ['a.js']])('parses JSX in %s', (path) => {
    const source = path.endsWith('.tsx') ? component : component.replace(' as any', '');
    const facts = inspectJsSource(path, source);
    expect(facts.imports).toEqual(['@testing-library/react']);
    expect(facts.coveragePragmas.map((p) => p.line)).toEqual([2]);
    expect(facts.typeEscapes.map((e) => e.kind)).toEqual(path.endsWith('.tsx') ? ['as-any'] : []);
  });

  it('finds tests that render JSX', () => {
    const facts = inspectJsSource('Button.test.tsx', "it('renders', () => {\n  render(<Button label=\"it('x', () => {})\" />);\n});\n");
    expect(facts.tests.map((t) => t.fullName)).toEqual(['renders']);
  });
});

describe('imports', () => {
  it('lists every statically named module once, in order', () => {
    const facts = inspectJsSource(
      'a.ts',
      [
        "import { it } from 'vitest';",
        "import type { Page } from '@playwright/test';",
        "import './setup';",
        "export { a } from './a';",
        "export * from './b';",
        "export * as c from './c';",
        "import fs = require('node:fs');",
        "const d = await import('./d');",
        'const e = await import(`./e`);',
        "const f = require('./f');",
        "const g = require('vitest');",
        'const h = await import(name);',
        'const i = require(`./${name}`);',
        "const j = require.resolve('./j');",
        "export const k = 1;",
      ].join('\n'),
    );
    expect(facts.imports).toEqual(['vitest', '@playwright/test', './setup', './a', './b', './c', 'node:fs', './d', './e', './f']);
  });

  it('reads CommonJS and script files', () => {
    expect(inspectJsSource('a.cjs', "const test = require('node:test');\nreturn;\n").imports).toEqual(['node:test']);
    expect(inspectJsSource('a.js', "with (obj) { require('x'); }\n").imports).toEqual(['x']);
  });
});
