import { describe, expect, it } from 'vitest';
import { inspectJsSource } from '../../src/inspect/js/source-inspector.js';
import type { TestCase } from '../../src/inspect/source-facts.js';

const inventory = (source: string, path = 'src/a.test.ts') => inspectJsSource(path, source).tests;
const only = (source: string, path?: string): TestCase => {
  const tests = inventory(source, path);
  expect(tests).toHaveLength(1);
  return tests[0]!;
};
const shape = (test: TestCase) => ({ kind: test.kind, modifiers: test.modifiers, skipCondition: test.skipCondition, callee: test.callee });

describe('test registrations', () => {
  it.each<[string, Partial<TestCase>]>([
    ["it('a', () => {});", { kind: 'test', modifiers: [], callee: 'it' }],
    ["test('a', async function () {});", { kind: 'test', modifiers: [], callee: 'test' }],
    ["specify('a', () => {});", { kind: 'test', modifiers: [], callee: 'specify' }],
    ["describe('a', () => {});", { kind: 'suite', modifiers: [], callee: 'describe' }],
    ["suite('a', function () {});", { kind: 'suite', modifiers: [], callee: 'suite' }],
    ["context('a', () => {});", { kind: 'suite', modifiers: [], callee: 'context' }],
    ["it.skip('a', () => {});", { kind: 'test', modifiers: ['skip'], callee: 'it.skip' }],
    ["xit('a', () => {});", { kind: 'test', modifiers: ['skip'], callee: 'xit' }],
    ["xtest('a', () => {});", { kind: 'test', modifiers: ['skip'], callee: 'xtest' }],
    ["xspecify('a', () => {});", { kind: 'test', modifiers: ['skip'], callee: 'xspecify' }],
    ["xdescribe('a', () => {});", { kind: 'suite', modifiers: ['skip'], callee: 'xdescribe' }],
    ["xcontext('a', () => {});", { kind: 'suite', modifiers: ['skip'], callee: 'xcontext' }],
    ["fit('a', () => {});", { kind: 'test', modifiers: ['only'], callee: 'fit' }],
    ["fdescribe('a', () => {});", { kind: 'suite', modifiers: ['only'], callee: 'fdescribe' }],
    ["it.only('a', () => {});", { kind: 'test', modifiers: ['only'], callee: 'it.only' }],
    ["describe.only('a', () => {});", { kind: 'suite', modifiers: ['only'], callee: 'describe.only' }],
    ["it.todo('a');", { kind: 'test', modifiers: ['todo'], callee: 'it.todo', bodyHash: '' }],
    ["describe.todo('a');", { kind: 'suite', modifiers: ['todo'], callee: 'describe.todo' }],
    ["it('a');", { kind: 'test', modifiers: ['todo'], callee: 'it', bodyHash: '' }],
    ["it.fails('a', () => {});", { kind: 'test', modifiers: ['fails'], callee: 'it.fails' }],
    ["test.failing('a', () => {});", { kind: 'test', modifiers: ['fails'], callee: 'test.failing' }],
    ["it.concurrent('a', async () => {});", { kind: 'test', modifiers: ['concurrent'], callee: 'it.concurrent' }],
    ["it.sequential('a', async () => {});", { kind: 'test', modifiers: ['sequential'], callee: 'it.sequential' }],
    ["it.concurrent.skip('a', async () => {});", { kind: 'test', modifiers: ['concurrent', 'skip'], callee: 'it.concurrent.skip' }],
    ["describe.concurrent('a', () => {});", { kind: 'suite', modifiers: ['concurrent'], callee: 'describe.concurrent' }],
    ["describe.skip('a', () => {});", { kind: 'suite', modifiers: ['skip'], callee: 'describe.skip' }],
    ["it('a', () => {}, 5000);", { kind: 'test', modifiers: [], callee: 'it' }],
    ["it('a', fakeAsync(() => {}));", { kind: 'test', modifiers: [], callee: 'it' }],
    ["it('a', waitForAsync(inject([A], (a) => {})));", { kind: 'test', modifiers: [], callee: 'it' }],
  ])('%s', (source, expected) => {
    expect(only(source)).toMatchObject(expected);
  });

  it.each([
    ['test.step("a", async () => {});'],
    ['test.beforeEach(async ({ page }) => {});'],
    ['test.describe.configure({ mode: "serial" });'],
    ['test.use({ locale: "fr" });'],
    ['expect(1).toBe(1);'],
    ['/a/.test(s);'],
    ['it.each([1, 2]);'],
    ['test(/x/, value);'],
    ['test(a, b);'],
    ['bench("a", () => {});'],
    ['const it = 1;'],
  ])('does not take %s for a registration', (source) => {
    expect(inventory(source)).toEqual([]);
  });

  it('ignores calls to a local function that shadows a test function', () => {
    const tests = inventory(`
      function classify(type) {
        const test = (condition) => condition(type);
        if (test((t) => t.ok)) return 1;
      }
      function check(it) { it('x', () => {}); }
      it('still a test', () => {});
    `);
    expect(tests.map((t) => t.fullName)).toEqual(['still a test']);
  });

  it('keeps test functions taken from modules and fixtures', () => {
    const tests = inventory(`
      const test = require('node:test');
      const { describe, it } = require('node:test');
      test('a', () => {});
      describe('b', () => { it('c', () => {}); });
    `, 'a.test.cjs');
    expect(tests.map((t) => t.fullName)).toEqual(['a', 'b', 'b > c']);
  });

  it('records the line of the call and the imports', () => {
    const facts = inspectJsSource('a.test.ts', "import { it } from 'vitest';\n\nit('a', () => {\n  expect(1).toBe(1);\n});\n");
    expect(facts.tests.map((t) => t.line)).toEqual([3]);
    expect(facts.imports).toEqual(['vitest']);
  });
});

describe('names', () => {
  it('joins nested suites with " > "', () => {
    const tests = inventory(`
      describe('outer', () => {
        describe('inner', () => {
          it('works', () => {});
        });
        it('second', () => {});
      });
      it('top', () => {});
    `);
    expect(tests.map((t) => `${t.kind}:${t.fullName}`)).toEqual(['suite:outer', 'suite:outer > inner', 'test:outer > inner > works', 'test:outer > second', 'test:top']);
  });

  it.each([
    ['it(`adds ${a} + ${b}`, () => {});', 'adds ${} + ${}'],
    ['it(`plain template`, () => {});', 'plain template'],
    ["it.each([[1, 2]])('adds %i + %i = %#', (a, b) => {});", 'adds %i + %i = %#'],
    ["describe.each([{ a: 1 }])('with $a', ({ a }) => {});", 'with $a'],
    ['it.each`\n  a | b\n  ${1} | ${2}\n`("tagged $a", ({ a }) => {});', 'tagged $a'],
    ['describe(MyClass, () => {});', '<expr:MyClass>'],
    ['describe(fn.name, () => {});', '<expr:fn.name>'],
    ["describe('a' + b, () => {});", "<expr:'a' + b>"],
    ['test(function namedTest() {});', 'namedTest'],
    ['test(() => {});', '<anonymous>'],
  ])('%s is named %j', (source, name) => {
    expect(only(source).fullName).toBe(name);
  });
});

describe('each', () => {
  it.each<[string, Partial<TestCase>]>([
    ["it.each([1, 2])('n %s', (n) => {});", { callee: 'it.each', modifiers: [] }],
    ["describe.only.each([1])('n %s', (n) => {});", { callee: 'describe.only.each', kind: 'suite', modifiers: ['only'] }],
    ["it.skip.each([1])('n %s', (n) => {});", { callee: 'it.skip.each', modifiers: ['skip'] }],
    ["test.for([1])('n %s', (n) => {});", { callee: 'test.for', modifiers: [] }],
    ['it.each`a\n${1}`("n $a", () => {});', { callee: 'it.each', modifiers: [] }],
    ['it.concurrent.each`a\n${1}`("n $a", () => {});', { callee: 'it.concurrent.each', modifiers: ['concurrent'] }],
  ])('%s', (source, expected) => {
    expect(only(source)).toMatchObject(expected);
  });
});

describe('conditions', () => {
  it.each<[string, TestCase['skipCondition']]>([
    ['true', 'always'],
    ['1', 'always'],
    ["'yes'", 'always'],
    ['!false', 'always'],
    ['!0', 'always'],
    ['false', 'never'],
    ['0', 'never'],
    ["''", 'never'],
    ['null', 'never'],
    ['undefined', 'never'],
    ['!true', 'never'],
    ['true && false', 'never'],
    ['false || 1', 'always'],
    ['process.env.CI', 'dynamic'],
    ["process.platform === 'win32'", 'dynamic'],
    ['!isCI', 'dynamic'],
    // Platform and environment conditions, over Linux, macOS and Windows and any setting of the variables read.
    ["process.platform !== 'plan9'", 'always'],
    ["process.platform === 'win32' || process.platform !== 'win32'", 'always'],
    ["['linux', 'darwin', 'win32'].includes(process.platform)", 'always'],
    ["['linux', 'darwin'].includes(process.platform)", 'dynamic'],
    ["os.platform() === 'sunos'", 'never'],
    ["!os.type().startsWith('Windows') || os.type() === 'Windows_NT'", 'always'],
    ['!process.env.CI || !!process.env.CI', 'always'],
    ["process.env['CI'] && !process.env.CI", 'never'],
    ["process.env.CI && process.platform === 'linux'", 'dynamic'],
    ["process.platform === 'linux' && isLinux", 'dynamic'],
  ])('skipIf(%s) → %s', (condition, expected) => {
    expect(shape(only(`it.skipIf(${condition})('a', () => {});`))).toEqual({ kind: 'test', modifiers: ['skipIf'], skipCondition: expected, callee: `it.skipIf(${condition})` });
  });

  it.each<[string, TestCase['skipCondition']]>([
    ['true', 'never'],
    ['false', 'always'],
    ['0', 'always'],
    ['process.env.CI', 'dynamic'],
    ["process.platform === 'aix'", 'always'],
    ["process.platform !== 'aix'", 'never'],
  ])('runIf(%s) inverts to %s', (condition, expected) => {
    expect(shape(only(`it.runIf(${condition})('a', () => {});`))).toEqual({ kind: 'test', modifiers: ['runIf'], skipCondition: expected, callee: `it.runIf(${condition})` });
  });

  it('handles describe.skipIf / describe.runIf and bun test.if', () => {
    expect(shape(only("describe.skipIf(isWindows)('a', () => {});"))).toEqual({ kind: 'suite', modifiers: ['skipIf'], skipCondition: 'dynamic', callee: 'describe.skipIf(isWindows)' });
    expect(shape(only("describe.runIf(false)('a', () => {});"))).toEqual({ kind: 'suite', modifiers: ['runIf'], skipCondition: 'always', callee: 'describe.runIf(false)' });
    expect(shape(only("test.if(false)('a', () => {});"))).toEqual({ kind: 'test', modifiers: ['runIf'], skipCondition: 'always', callee: 'test.if(false)' });
  });

  it.each<[string, TestCase['skipCondition'], string]>([
    ['(isCI ? it : it.skip)', 'dynamic', '(isCI ? it : it.skip)'],
    ['(isCI ? it.skip : it)', 'dynamic', '(isCI ? it.skip : it)'],
    ['(true ? it : it.skip)', 'never', '(true ? it : it.skip)'],
    ['(false ? it : it.skip)', 'always', '(false ? it : it.skip)'],
    ['(1 ? it.skip : it)', 'always', '(1 ? it.skip : it)'],
  ])('conditional callee %s', (callee, condition, text) => {
    expect(shape(only(`${callee}('a', () => {});`))).toEqual({ kind: 'test', modifiers: ['skip'], skipCondition: condition, callee: text });
  });

  it('resolves const aliases of test functions', () => {
    const tests = inventory(`
      const itIf = process.env.DB ? it : it.skip;
      const xit2 = it.skip;
      const onlyOnCI = it.runIf(process.env.CI);
      itIf('a', () => {});
      xit2('b', () => {});
      onlyOnCI('c', () => {});
    `);
    expect(tests.map(shape)).toEqual([
      { kind: 'test', modifiers: ['skip'], skipCondition: 'dynamic', callee: 'itIf' },
      { kind: 'test', modifiers: ['skip'], skipCondition: null, callee: 'xit2' },
      { kind: 'test', modifiers: ['runIf'], skipCondition: 'dynamic', callee: 'onlyOnCI' },
    ]);
  });

  it('resolves import renames and fixture-extended tests', () => {
    const tests = inventory(`
      import { test as base, it as check } from '@playwright/test';
      const test = base.extend({ page: async ({}, use) => use(1) });
      const other = check.extend({});
      test.describe.skip('a', () => { test('b', async () => {}); });
      other.only('c', () => {});
    `);
    expect(tests.map(shape)).toEqual([
      { kind: 'suite', modifiers: ['skip'], skipCondition: null, callee: 'test.describe.skip' },
      { kind: 'test', modifiers: [], skipCondition: null, callee: 'test' },
      { kind: 'test', modifiers: ['only'], skipCondition: null, callee: 'other.only' },
    ]);
  });
});

describe('inherited modifiers', () => {
  it('inherits skip, only and todo from enclosing suites', () => {
    const tests = inventory(`
      describe.skip('a', () => {
        describe.only('b', () => {
          it('c', () => {});
        });
      });
      describe.todo('d');
      xdescribe('e', () => { it.skip('f', () => {}); });
    `);
    expect(tests.map((t) => [t.fullName, t.modifiers, t.inheritedModifiers])).toEqual([
      ['a', ['skip'], []],
      ['a > b', ['only'], ['skip']],
      ['a > b > c', [], ['skip', 'only']],
      ['d', ['todo'], []],
      ['e', ['skip'], []],
      ['e > f', ['skip'], ['skip']],
    ]);
  });

  it('passes on a constant suite condition as skip (or nothing) and a runtime one as is', () => {
    const tests = inventory(`
      describe.skipIf(true)('always', () => { it('a', () => {}); });
      describe.skipIf(false)('never', () => { it('b', () => {}); });
      describe.runIf(process.env.CI)('dynamic', () => { it('c', () => {}); });
      (isCI ? describe : describe.skip)('maybe', () => { it('d', () => {}); });
    `);
    expect(tests.filter((t) => t.kind === 'test').map((t) => [t.fullName, t.inheritedModifiers])).toEqual([
      ['always > a', ['skip']],
      ['never > b', []],
      ['dynamic > c', ['runIf']],
      ['maybe > d', ['skipIf']],
    ]);
  });
});

describe('node:test', () => {
  it.each<[string, Pick<TestCase, 'modifiers' | 'skipCondition'>]>([
    ["it('a', { skip: true }, () => {});", { modifiers: ['skip'], skipCondition: null }],
    ["it('a', { skip: 'flaky on CI' }, () => {});", { modifiers: ['skip'], skipCondition: null }],
    ["it('a', { skip: false }, () => {});", { modifiers: [], skipCondition: null }],
    ["it('a', { skip: process.platform === 'win32' }, () => {});", { modifiers: ['skip'], skipCondition: 'dynamic' }],
    ["it('a', { only: true }, () => {});", { modifiers: ['only'], skipCondition: null }],
    ["it('a', { todo: 'later' }, () => {});", { modifiers: ['todo'], skipCondition: null }],
    ["describe('a', { skip: true }, () => {});", { modifiers: ['skip'], skipCondition: null }],
    ["test({ skip: true }, () => {});", { modifiers: ['skip'], skipCondition: null }],
    ["it('a', { timeout: 100 }, () => {});", { modifiers: [], skipCondition: null }],
  ])('%s', (source, expected) => {
    expect(only(source)).toMatchObject(expected);
  });

  it('sees t.skip() / t.todo() inside the body, and subtests', () => {
    const tests = inventory(`
      test('a', (t) => { t.skip('not on CI'); });
      test('b', async (t) => { if (process.env.CI) t.skip(); });
      test('c', (t) => { t.todo(); });
      test('d', async (t) => { await t.test('sub', () => {}); });
    `);
    expect(tests.map((t) => [t.fullName, t.modifiers, t.skipCondition, t.callee])).toEqual([
      ['a', ['skip'], 'always', 'test'],
      ['b', ['skip'], 'dynamic', 'test'],
      ['c', ['todo'], null, 'test'],
      ['d', [], null, 'test'],
      ['d > sub', [], null, 't.test'],
    ]);
  });
});

describe('in-body skips (mocha, vitest context)', () => {
  it('sees this.skip() and ctx.skip(cond)', () => {
    const tests = inventory(`
      it('a', function () { this.skip(); });
      it('b', function () { if (!db) { this.skip(); } });
      it('c', (ctx) => { ctx.skip(false); });
      it('d', ({ skip }) => { skip(isCI, 'no network'); });
    `);
    expect(tests.map((t) => [t.fullName, t.modifiers, t.skipCondition])).toEqual([
      ['a', ['skip'], 'always'],
      ['b', ['skip'], 'dynamic'],
      ['c', ['skip'], 'never'],
      ['d', ['skip'], 'dynamic'],
    ]);
  });
});

describe('Playwright', () => {
  it.each<[string, Partial<TestCase>]>([
    ["test.describe('a', () => {});", { kind: 'suite', modifiers: [], callee: 'test.describe' }],
    ["test.describe.skip('a', () => {});", { kind: 'suite', modifiers: ['skip'], callee: 'test.describe.skip' }],
    ["test.describe.only('a', () => {});", { kind: 'suite', modifiers: ['only'], callee: 'test.describe.only' }],
    ["test.describe.fixme('a', () => {});", { kind: 'suite', modifiers: ['skip'], callee: 'test.describe.fixme' }],
    ["test.describe.serial('a', () => {});", { kind: 'suite', modifiers: [], callee: 'test.describe.serial' }],
    ["test.describe.parallel.only('a', () => {});", { kind: 'suite', modifiers: ['only'], callee: 'test.describe.parallel.only' }],
    ["test.skip('a', async ({ page }) => {});", { kind: 'test', modifiers: ['skip'], callee: 'test.skip' }],
    ["test.fixme('a', async ({ page }) => {});", { kind: 'test', modifiers: ['skip'], callee: 'test.fixme' }],
    ["test.fail('a', async ({ page }) => {});", { kind: 'test', modifiers: ['fails'], callee: 'test.fail' }],
    ["test.only('a', async ({ page }) => {});", { kind: 'test', modifiers: ['only'], callee: 'test.only' }],
    ["test('a', { tag: '@slow' }, async ({ page }) => {});", { kind: 'test', modifiers: [], callee: 'test' }],
  ])('%s', (source, expected) => {
    expect(only(source)).toMatchObject(expected);
  });

  it('does not make `it.describe` a suite', () => {
    expect(inventory("it.describe('a', () => {});")).toEqual([]);
  });

  it.each<[string, Pick<TestCase, 'modifiers' | 'skipCondition'>]>([
    ['test.skip();', { modifiers: ['skip'], skipCondition: 'always' }],
    ["test.skip(true, 'not ready');", { modifiers: ['skip'], skipCondition: 'always' }],
    ["test.skip(false, 'ready');", { modifiers: ['skip'], skipCondition: 'never' }],
    ["test.skip(browserName === 'webkit', 'not supported');", { modifiers: ['skip'], skipCondition: 'dynamic' }],
    ["test.skip(({ browserName }) => browserName === 'webkit');", { modifiers: ['skip'], skipCondition: 'dynamic' }],
    ['test.fixme();', { modifiers: ['skip'], skipCondition: 'always' }],
    ['if (isMobile) test.skip();', { modifiers: ['skip'], skipCondition: 'dynamic' }],
    ['test.fail();', { modifiers: ['fails'], skipCondition: null }],
    ['test.slow();', { modifiers: [], skipCondition: null }],
  ])('inline %s inside a test body', (statement, expected) => {
    expect(only(`test('a', async ({ page, browserName, isMobile }) => {\n  ${statement}\n  await page.goto('/');\n});`)).toMatchObject(expected);
  });

  it('applies an inline skip in a describe body to the suite, and its tests inherit it', () => {
    const tests = inventory(`
      test.describe('chromium only', () => {
        test('first', async () => {});
        test.skip(({ browserName }) => browserName !== 'chromium', 'Chromium only!');
        test('second', async () => {});
      });
      test.describe('off', () => {
        test.fixme();
        test('third', async () => {});
      });
    `);
    expect(tests.map((t) => [t.fullName, t.modifiers, t.skipCondition, t.inheritedModifiers])).toEqual([
      ['chromium only', ['skip'], 'dynamic', []],
      ['chromium only > first', [], null, ['skipIf']],
      ['chromium only > second', [], null, ['skipIf']],
      ['off', ['skip'], 'always', []],
      ['off > third', [], null, ['skip']],
    ]);
  });

  it('applies a top-level inline skip to every test of the file', () => {
    const tests = inventory("test.skip(process.env.CI === undefined, 'needs CI');\ntest('a', async () => {});\ntest.describe('b', () => { test('c', async () => {}); });");
    expect(tests.map((t) => [t.fullName, t.inheritedModifiers])).toEqual([
      ['a', ['skipIf']],
      ['b', ['skipIf']],
      ['b > c', ['skipIf']],
    ]);
  });

  it('keeps an unconditional test.skip registration unconditional', () => {
    expect(only("test.skip('a', async () => { test.skip(false); });")).toMatchObject({ modifiers: ['skip'], skipCondition: null });
  });
});

describe('bodyHash', () => {
  const hashOf = (source: string) => only(source).bodyHash;

  it('is the same across reformatting, comments, renames and moves', () => {
    const original = hashOf("it('adds', () => {\n  expect(sum(1, 2)).toBe(3);\n});");
    expect(original).toMatch(/^[0-9a-f]{40}$/);
    expect(hashOf("it('adds', () => { expect( sum(1,2) ).toBe(3) })")).not.toBe(original); // the semicolon is code
    expect(hashOf("it('adds', () => { expect( sum(1,2) ).toBe(3); })")).toBe(original);
    expect(hashOf("it('sums two numbers', () => {\n  // why\n  expect(sum(1, 2)) /* inline */ .toBe(3);\n});")).toBe(original);
    const moved = inventory("const a = 1;\n\n\n  it.skip('adds', () => {\n      expect(sum(1, 2)).toBe(3);\n  });");
    expect(moved.map((t) => t.bodyHash)).toEqual([original]);
  });

  it('differs when the body changes', () => {
    expect(hashOf("it('a', () => { expect(sum(1, 2)).toBe(3); });")).not.toBe(hashOf("it('a', () => { expect(sum(1, 2)).toBe(4); });"));
    expect(hashOf("it('a', () => { expect(sum(1, 2)).toBe(3); });")).not.toBe(hashOf("it('a', () => {});"));
  });

  it('keeps `//` inside strings, which are not comments', () => {
    expect(hashOf("it('a', () => { get('http://x'); });")).not.toBe(hashOf("it('a', () => { get('http:'); });"));
  });

  it('matches a test moved into a suite', () => {
    const [, moved] = inventory("describe('s', () => {\n  it('adds', () => {\n    expect(sum(1, 2)).toBe(3);\n  });\n});");
    expect(moved?.bodyHash).toBe(hashOf("it('adds', () => { expect(sum(1, 2)).toBe(3); });"));
  });
});
