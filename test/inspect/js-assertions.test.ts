import { describe, expect, it } from 'vitest';
import { inspectJsSource } from '../../src/inspect/js/source-inspector.js';
import type { Assertion, TestCase } from '../../src/inspect/source-facts.js';

const tests = (source: string, path = 'src/a.test.ts'): TestCase[] => inspectJsSource(path, source).tests;
const onlyTest = (source: string): TestCase => {
  const found = tests(source).filter((test) => test.kind === 'test');
  expect(found).toHaveLength(1);
  return found[0]!;
};
/** The assertions of `it('t', async (t) => { <body> })`. */
const assertionsOf = (body: string, prelude = ''): Assertion[] => onlyTest(`${prelude}\nit('t', async function (t) {\n${body}\n});`).assertions;
const one = (body: string, prelude = ''): Assertion => {
  const found = assertionsOf(body, prelude);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const brief = (a: Assertion) => ({ style: a.style, chain: a.chain, matcher: a.matcher, negated: a.negated, actual: a.actual, expected: a.expected });

describe('assertion styles', () => {
  it.each<[string, ReturnType<typeof brief>]>([
    ['expect(sum(1, 2)).toBe(3);', { style: 'expect', chain: ['toBe'], matcher: 'toBe', negated: false, actual: 'sum(1, 2)', expected: '3' }],
    ['expect(x).not.toEqual({ a: 1 });', { style: 'expect', chain: ['not', 'toEqual'], matcher: 'toEqual', negated: true, actual: 'x', expected: '{ a: 1 }' }],
    ['await expect(p).resolves.toBe(2);', { style: 'expect', chain: ['resolves', 'toBe'], matcher: 'toBe', negated: false, actual: 'p', expected: '2' }],
    ['await expect(p).rejects.toThrow(TypeError);', { style: 'expect', chain: ['rejects', 'toThrow'], matcher: 'toThrow', negated: false, actual: 'p', expected: 'TypeError' }],
    ['await expect(p).rejects.not.toThrow();', { style: 'expect', chain: ['rejects', 'not', 'toThrow'], matcher: 'toThrow', negated: true, actual: 'p', expected: null }],
    ['expect.soft(a).toBe(1);', { style: 'expect', chain: ['soft', 'toBe'], matcher: 'toBe', negated: false, actual: 'a', expected: '1' }],
    ['await expect.poll(() => count()).toBe(3);', { style: 'expect', chain: ['poll', 'toBe'], matcher: 'toBe', negated: false, actual: '() => count()', expected: '3' }],
    ["await expect(page.getByText('Hi')).toBeVisible();", { style: 'expect', chain: ['toBeVisible'], matcher: 'toBeVisible', negated: false, actual: "page.getByText('Hi')", expected: null }],
    // Playwright options say how long and how to look, not what is expected.
    ["await expect(page.getByText('Hi')).toBeVisible({ timeout: 10_000 });", { style: 'expect', chain: ['toBeVisible'], matcher: 'toBeVisible', negated: false, actual: "page.getByText('Hi')", expected: null }],
    ["await expect(status).toHaveText('Saved', { timeout: 5000, useInnerText: true });", { style: 'expect', chain: ['toHaveText'], matcher: 'toHaveText', negated: false, actual: 'status', expected: "'Saved'" }],
    ['expect(user).toHaveProperty(\'limits\', { timeout: 5 });', { style: 'expect', chain: ['toHaveProperty'], matcher: 'toHaveProperty', negated: false, actual: 'user', expected: "'limits', { timeout: 5 }" }],
    ["await expect(page).toHaveURL('/done', { foo: 1 });", { style: 'expect', chain: ['toHaveURL'], matcher: 'toHaveURL', negated: false, actual: 'page', expected: "'/done', { foo: 1 }" }],
    ['expect.assertions(2);', { style: 'expect', chain: ['assertions'], matcher: 'assertions', negated: false, actual: null, expected: '2' }],
    ['expect.hasAssertions();', { style: 'expect', chain: ['hasAssertions'], matcher: 'hasAssertions', negated: false, actual: null, expected: null }],
    ['expect(fn).toHaveBeenCalledWith(1, expect.any(String));', { style: 'expect', chain: ['toHaveBeenCalledWith'], matcher: 'toHaveBeenCalledWith', negated: false, actual: 'fn', expected: '1, expect.any(String)' }],
    ['expect(x).to.be.equal(y);', { style: 'expect', chain: ['to', 'be', 'equal'], matcher: 'equal', negated: false, actual: 'x', expected: 'y' }],
    ['expect(x).to.deep.equal({ a: 1 });', { style: 'expect', chain: ['to', 'deep', 'equal'], matcher: 'equal', negated: false, actual: 'x', expected: '{ a: 1 }' }],
    ["expect(o).to.have.property('a');", { style: 'expect', chain: ['to', 'have', 'property'], matcher: 'property', negated: false, actual: 'o', expected: "'a'" }],
    ['expect(ok).to.be.true;', { style: 'expect', chain: ['to', 'be', 'true'], matcher: 'true', negated: false, actual: 'ok', expected: null }],
    ['expect(v).to.not.be.null;', { style: 'expect', chain: ['to', 'not', 'be', 'null'], matcher: 'null', negated: true, actual: 'v', expected: null }],
    ['assert(x);', { style: 'assert', chain: [], matcher: 'truthy', negated: false, actual: 'x', expected: null }],
    ["assert.ok(x, 'message');", { style: 'assert', chain: ['ok'], matcher: 'ok', negated: false, actual: 'x', expected: null }],
    ["assert.equal(a, 1, 'message');", { style: 'assert', chain: ['equal'], matcher: 'equal', negated: false, actual: 'a', expected: '1' }],
    ['assert.strictEqual(a, b);', { style: 'assert', chain: ['strictEqual'], matcher: 'strictEqual', negated: false, actual: 'a', expected: 'b' }],
    ["assert.deepStrictEqual(a, [1, 'x']);", { style: 'assert', chain: ['deepStrictEqual'], matcher: 'deepStrictEqual', negated: false, actual: 'a', expected: "[1, 'x']" }],
    ['assert.notEqual(a, 2);', { style: 'assert', chain: ['notEqual'], matcher: 'notEqual', negated: true, actual: 'a', expected: '2' }],
    ['assert.throws(() => f());', { style: 'assert', chain: ['throws'], matcher: 'throws', negated: false, actual: '() => f()', expected: null }],
    ['assert.throws(() => f(), /bad/);', { style: 'assert', chain: ['throws'], matcher: 'throws', negated: false, actual: '() => f()', expected: '/bad/' }],
    ['await assert.rejects(p, TypeError);', { style: 'assert', chain: ['rejects'], matcher: 'rejects', negated: false, actual: 'p', expected: 'TypeError' }],
    ['assert.match(s, /a+/);', { style: 'assert', chain: ['match'], matcher: 'match', negated: false, actual: 's', expected: '/a+/' }],
    ['assert.strict.equal(a, 1);', { style: 'assert', chain: ['strict', 'equal'], matcher: 'equal', negated: false, actual: 'a', expected: '1' }],
    ["assert.isTrue(flag, 'message');", { style: 'assert', chain: ['isTrue'], matcher: 'isTrue', negated: false, actual: 'flag', expected: null }],
    ['x.should.equal(3);', { style: 'should', chain: ['equal'], matcher: 'equal', negated: false, actual: 'x', expected: '3' }],
    ['x.should.not.be.empty;', { style: 'should', chain: ['not', 'be', 'empty'], matcher: 'empty', negated: true, actual: 'x', expected: null }],
    ['should.exist(x);', { style: 'should', chain: ['exist'], matcher: 'exist', negated: false, actual: 'x', expected: null }],
    ['expectTypeOf(f).toEqualTypeOf<() => void>();', { style: 'expectTypeOf', chain: ['toEqualTypeOf'], matcher: 'toEqualTypeOf', negated: false, actual: 'f', expected: '() => void' }],
    ['expectTypeOf(a).toEqualTypeOf(b);', { style: 'expectTypeOf', chain: ['toEqualTypeOf'], matcher: 'toEqualTypeOf', negated: false, actual: 'a', expected: 'b' }],
    ['expectTypeOf<Foo>().toMatchTypeOf<Bar>();', { style: 'expectTypeOf', chain: ['toMatchTypeOf'], matcher: 'toMatchTypeOf', negated: false, actual: 'Foo', expected: 'Bar' }],
    ['t.is(a, 1);', { style: 'context', chain: ['is'], matcher: 'is', negated: false, actual: 'a', expected: '1' }],
    ['t.deepEqual(a, [1]);', { style: 'context', chain: ['deepEqual'], matcher: 'deepEqual', negated: false, actual: 'a', expected: '[1]' }],
    ['t.true(ok);', { style: 'context', chain: ['true'], matcher: 'true', negated: false, actual: 'ok', expected: null }],
    ['t.assert(ok);', { style: 'context', chain: ['assert'], matcher: 'truthy', negated: false, actual: 'ok', expected: null }],
    ['t.throws(() => f());', { style: 'context', chain: ['throws'], matcher: 'throws', negated: false, actual: '() => f()', expected: null }],
    ['t.snapshot(tree);', { style: 'context', chain: ['snapshot'], matcher: 'snapshot', negated: false, actual: 'tree', expected: null }],
    ["t.assert.strictEqual(a, 'x');", { style: 'context', chain: ['assert', 'strictEqual'], matcher: 'strictEqual', negated: false, actual: 'a', expected: "'x'" }],
    ['t.not(a, 2);', { style: 'context', chain: ['not'], matcher: 'not', negated: true, actual: 'a', expected: '2' }],
  ])('%s', (body, expected) => {
    expect(brief(one(body))).toEqual(expected);
  });

  it('reads the context parameter whatever its name', () => {
    const found = onlyTest("test('x', (context) => { context.assert.ok(v); context.is(a, b); });").assertions;
    expect(found.map((a) => [a.style, a.matcher])).toEqual([
      ['context', 'ok'],
      ['context', 'is'],
    ]);
  });

  it.each([
    ["import assert from 'node:assert/strict';", 'assert.equal(a, 1);', 'equal'],
    ["import { strict as check } from 'node:assert';", 'check.equal(a, 1);', 'equal'],
    ["import * as A from 'assert';", 'A.deepEqual(a, 1);', 'deepEqual'],
    ["import { deepEqual } from 'node:assert';", 'deepEqual(a, 1);', 'deepEqual'],
    ["const { strictEqual: same } = require('assert');", 'same(a, 1);', 'strictEqual'],
    ["const ok = require('node:assert');", 'ok(a);', 'truthy'],
    ["const expectChai = require('chai').expect;", 'expectChai(a).to.equal(1);', 'equal'],
    ["import { expect as e } from 'vitest';", 'e(a).toBe(1);', 'toBe'],
    ["import { assert as a2 } from 'chai';", 'a2.isTrue(a);', 'isTrue'],
  ])('follows %s', (prelude, body, matcher) => {
    expect(one(body, prelude).matcher).toBe(matcher);
  });

  it.each([
    ['expect.any(Number);'],
    ['expect.objectContaining({ a: 1 });'],
    ['expect.extend({ toBeFoo() { return { pass: true, message: () => "" }; } });'],
    ['expect(x);'],
    ['expect(x).not;'],
    ['const chained = expect(x).to;'],
    ['options.assert(x);'],
    ['t.skip();'],
    ['regex.test(s);'],
    ['assertSomething(x);'],
  ])('%s is no assertion', (body) => {
    expect(assertionsOf(body)).toEqual([]);
  });

  it('does not take a node:test subtest for an assertion of its parent', () => {
    const all = tests("test('t', async (t) => { await t.test('sub', () => { assert.ok(x); }); });");
    expect(all.map((t) => [t.fullName, t.assertions.length])).toEqual([
      ['t', 0],
      ['t > sub', 1],
    ]);
  });

  it('does not count an asymmetric matcher inside an expected value as an assertion', () => {
    const found = assertionsOf('expect(x).toEqual(expect.objectContaining({ a: expect.any(Number) }));');
    expect(found.map(brief)).toEqual([{ style: 'expect', chain: ['toEqual'], matcher: 'toEqual', negated: false, actual: 'x', expected: 'expect.objectContaining({ a: expect.any(Number) })' }]);
    expect(found[0]!.expectedIsLiteral).toBe(false);
  });

  it('collapses whitespace and cuts long texts at 200 characters', () => {
    const long = `'${'a'.repeat(300)}'`;
    const found = one(`expect(f(\n   1,\n   2)).toBe(${long});`);
    expect(found.actual).toBe('f( 1, 2)');
    expect(found.expected).toHaveLength(200);
    expect(found.expected!.endsWith('…')).toBe(true);
  });

  it('gives each assertion its own line, and suites none', () => {
    const all = tests("describe('s', () => {\n  beforeEach(() => { expect(setup).toBe(1); });\n  it('a', () => {\n    expect(a).toBe(1);\n\n    assert.ok(b);\n  });\n});");
    expect(all.map((t) => [t.kind, t.assertions.map((a) => a.line)])).toEqual([
      ['suite', []],
      ['test', [4, 6]],
    ]);
  });
});

describe('literal expected values', () => {
  it.each([
    ['1', true],
    ['-1.5', true],
    ["'text'", true],
    ['`plain`', true],
    ['`with ${x}`', false],
    ['true', true],
    ['null', true],
    ['undefined', true],
    ['/re/i', true],
    ['10n', true],
    ["[1, 'a', [null]]", true],
    ["{ a: 1, 'b': [true], nested: { c: -2 } }", true],
    ['{ a }', false],
    ['{ ...rest }', false],
    ['[...items]', false],
    ['{ [key]: 1 }', false],
    ['value', false],
    ['f()', false],
    ['-x', false],
    ['expect.any(Number)', false],
    ['{ a: 1 } as const', true],
  ])('%s → %s', (value, literal) => {
    expect(one(`expect(x).toEqual(${value});`).expectedIsLiteral).toBe(literal);
  });

  it('is false when there is no expected value', () => {
    expect(one('expect(x).toBeDefined();').expectedIsLiteral).toBe(false);
  });
});

describe('tautologies', () => {
  it.each([
    ['expect(true).toBe(true);', true],
    ['expect(1).toEqual(1);', true],
    ["expect('a').toBe(\"a\");", true],
    ['expect(x).toBe(x);', true],
    ['expect(result.value).toStrictEqual(result.value);', true],
    ['expect(1).not.toBe(2);', true],
    ['expect(true).toBeTruthy();', true],
    ['expect(0).toBeFalsy();', true],
    ['expect(1).toBeDefined();', true],
    ['expect(null).toBeNull();', true],
    ['assert(true);', true],
    ['assert.ok(1);', true],
    ['assert.equal(a, a);', true],
    ['t.pass();', true],
    ['t.true(true);', true],
    ['expect(true).to.be.true;', true],
    ['expect(x).toBe(y);', false],
    ['expect(x).not.toBe(x);', false],
    ['expect(1).toBe(2);', false],
    ['expect(0).toBeTruthy();', false],
    ['expect(x).toBeTruthy();', false],
    ['assert(false);', false],
    ['assert.ok(x);', false],
    ['expect(fn).toContain(fn);', false],
    ['expect(3).toBe(result);', false],
  ])('%s → %s', (body, tautology) => {
    expect(one(body).tautology).toBe(tautology);
  });
});

describe('swallowed failures', () => {
  const swallowed = (body: string, prelude = '') => assertionsOf(body, prelude).map((a) => a.swallowed);

  it.each([
    ['try { expect(a).toBe(1); } catch {}', ['try-catch']],
    ['try { expect(a).toBe(1); } catch (e) {}', ['try-catch']],
    ['try { expect(a).toBe(1); } catch (e) { console.log(e); }', ['try-catch']],
    ['try { expect(a).toBe(1); } catch (e) { logger.warn("x", e); }', ['try-catch']],
    ['try { items.forEach((i) => expect(i).toBe(1)); } catch {}', ['try-catch']],
    ['try { try { expect(a).toBe(1); } catch (e) { throw e; } } catch {}', ['try-catch']],
    ['await expect(p).rejects.toThrow().catch(() => {});', ['promise-catch']],
    ['await expect(p).resolves.toBe(1).catch(noop);', ['promise-catch']],
    ['await expect(p.catch(() => {})).resolves.toBeUndefined();', ['promise-catch']],
    ['await load().then((v) => { expect(v).toBe(1); }).catch(() => {});', ['promise-catch']],
    ['await load().then((v) => expect(v).toBe(1)).finally(done).catch(console.error);', ['promise-catch']],
    ['return;\nexpect(a).toBe(1);', ['after-return']],
    ['return;\nitems.forEach((i) => { expect(i).toBe(1); });', ['after-return']],
  ])('%s → %j', (body, expected) => {
    expect(swallowed(body)).toEqual(expected);
  });

  it.each([
    ['try { expect(a).toBe(1); } catch (e) { throw e; }'],
    ['try { expect(a).toBe(1); } catch (e) { if (!(e instanceof X)) throw e; }'],
    ['try { await f(); expect.fail("should throw"); } catch (e) { expect(e.message).toBe("bad"); }'],
    ['try { expect(a).toBe(1); } catch (e) { done(e); }'],
    ['try { expect(a).toBe(1); } catch { fail("no"); }'],
    ['try { expect(a).toBe(1); } finally { cleanup(); }'],
    ['try { await f(); } catch (e) { expect(e).toBeInstanceOf(TypeError); }'],
    ['await expect(p).rejects.toThrow().catch((e) => { throw e; });'],
    ['await p.then((v) => { expect(v).toBe(1); }).catch((e) => { expect(e).toBeUndefined(); });'],
    ['await p.then((v) => { expect(v).toBe(1); }).catch(done);'],
    ['expect(await p.catch(() => null)).toBe(1);'],
    ['const f = () => { return; };\nexpect(a).toBe(1);'],
    ['if (skip) { return; }\nexpect(a).toBe(1);'],
    ['return expect(p).resolves.toBe(1);'],
  ])('%s is not swallowed', (body) => {
    expect(swallowed(body).every((kind) => kind === null)).toBe(true);
  });
});

describe('local helpers', () => {
  it('counts the assertions of a helper declared after the test, at the call', () => {
    const test = onlyTest("it('a', () => {\n  expect(a).toBe(1);\n  checkAll(2);\n});\nfunction checkAll(v) {\n  expect(v).toBe(2);\n  assert.ok(v);\n}");
    expect(test.assertions.map((a) => [a.matcher, a.line, a.viaHelper ?? null])).toEqual([
      ['toBe', 2, null],
      ['toBe', 3, 'checkAll'],
      ['ok', 3, 'checkAll'],
    ]);
  });

  it('follows helpers calling helpers, const arrows and object methods', () => {
    const test = onlyTest(`
      const inner = (v) => expect(v).toEqual(1);
      const outer = function (v) { inner(v); };
      const helpers = { check(v) { expect(v).toBeDefined(); }, other: (v) => assert(v) };
      it('a', () => { outer(1); helpers.check(2); helpers.other(3); });
    `);
    expect(test.assertions.map((a) => [a.matcher, a.viaHelper])).toEqual([
      ['toEqual', 'outer'],
      ['toBeDefined', 'helpers.check'],
      ['truthy', 'helpers.other'],
    ]);
  });

  it('counts a helper declared inside the test, and one passed as a callback', () => {
    const test = onlyTest(`
      it('a', () => {
        function check(item) { expect(item.ok).toBe(true); }
        items.forEach(check);
        emitter.on('message', (m) => { expect(m).toBeTruthy(); });
      });
    `);
    expect(test.assertions.map((a) => [a.matcher, a.viaHelper ?? null])).toEqual([
      ['toBe', 'check'],
      ['toBeTruthy', null],
    ]);
  });

  it('resolves a name to the innermost helper that declares it', () => {
    const all = tests(`
      function check(v) { expect(v).toBe(0); }
      it('a', () => { function check(v) { assert.equal(v, 1); } check(1); });
      it('b', () => { check(2); });
    `);
    expect(all.map((t) => t.assertions.map((a) => a.matcher))).toEqual([['equal'], ['toBe']]);
  });

  it('takes a body passed by reference', () => {
    const test = onlyTest("async function scenario() { await expect(page).toHaveURL('/x'); }\ntest('a', scenario);");
    expect(test.assertions.map((a) => [a.matcher, a.viaHelper])).toEqual([['toHaveURL', 'scenario']]);
  });

  it('is cycle-safe', () => {
    const test = onlyTest(`
      function a(n) { expect(n).toBe(1); if (n) b(n - 1); }
      function b(n) { assert.ok(n); a(n); }
      function self(n) { expect(n).toBeDefined(); self(n); }
      it('t', () => { a(3); self(1); });
    `);
    expect(test.assertions.map((x) => [x.matcher, x.viaHelper])).toEqual([
      ['toBe', 'a'],
      ['ok', 'a'],
      ['toBeDefined', 'self'],
    ]);
  });

  it('applies the call site’s try/catch to a helper’s assertions', () => {
    const test = onlyTest('function check(v) { expect(v).toBe(1); }\nit("a", () => { try { check(1); } catch {} check(2); });');
    expect(test.assertions.map((a) => a.swallowed)).toEqual(['try-catch', null]);
  });

  it('does not count helpers that are never called, or imported ones', () => {
    const test = onlyTest("import { assertValid } from './helpers';\nfunction unused() { expect(1).toBe(2); }\nit('a', () => { assertValid(x); });");
    expect(test.assertions).toEqual([]);
  });
});

describe('runtime skips', () => {
  const skipsOf = (source: string) => onlyTest(source).runtimeSkips;

  it.each([
    ["it('a', function () { this.skip(); expect(1).toBe(1); });", [{ kind: 'this.skip', line: 1, conditional: false }]],
    ["it('a', function () { if (!db) this.skip(); });", [{ kind: 'this.skip', line: 1, conditional: true }]],
    ["test('a', (t) => { t.skip('later'); });", [{ kind: 't.skip', line: 1, conditional: false }]],
    ["test('a', (t) => { t.todo(); });", [{ kind: 't.todo', line: 1, conditional: false }]],
    ["test('a', (context) => { context.skip(); });", [{ kind: 'context.skip', line: 1, conditional: false }]],
    ["test('a', (ctx) => { ctx.skip(isCI); });", [{ kind: 'ctx.skip', line: 1, conditional: true }]],
    ["test('a', ({ skip }) => { skip(); });", [{ kind: 'skip', line: 1, conditional: false }]],
    ["test('a', ({ skip }) => { process.env.X && skip(); });", [{ kind: 'skip', line: 1, conditional: true }]],
    ["test('a', async ({ page }) => { test.skip(); });", [{ kind: 'test.skip', line: 1, conditional: false }]],
    ["test('a', async ({ browserName }) => { test.skip(browserName === 'webkit', 'no'); });", [{ kind: 'test.skip', line: 1, conditional: true }]],
    ["test('a', async ({ page }) => { test.fixme(); });", [{ kind: 'test.fixme', line: 1, conditional: false }]],
    ["test('a', (ctx) => { ctx.skip(false); });", []],
    ["it('a', () => {\n  return;\n  expect(a).toBe(1);\n});", [{ kind: 'return', line: 2, conditional: false }]],
    ["it('a', () => {\n  if (!process.env.DB) return;\n  expect(a).toBe(1);\n});", [{ kind: 'return', line: 2, conditional: true }]],
    ["it('a', () => {\n  for (const x of xs) { if (!x) return; run(x); }\n});", [{ kind: 'return', line: 2, conditional: true }]],
    ["it('a', () => {\n  expect(a).toBe(1);\n  if (done) return;\n  expect(b).toBe(2);\n});", []],
    ["it('a', () => {\n  return expect(p).resolves.toBe(1);\n});", []],
    ["it('a', () => {\n  run();\n  return;\n});", []],
    ["it('a', () => {\n  const f = () => { return 1; };\n  expect(f()).toBe(1);\n});", []],
  ])('%s', (source, expected) => {
    expect(skipsOf(source)).toEqual(expected);
  });

  it('keeps a Playwright inline skip as a modifier too', () => {
    const test = onlyTest("test('a', async ({ page }) => { test.skip(); });");
    expect(test.modifiers).toEqual(['skip']);
  });
});

describe('statements and end line', () => {
  it('hashes each statement to 8 hex characters, stable across reformatting and comments', () => {
    const a = onlyTest("it('a', () => {\n  const x = f(1);\n  expect(x).toBe(2);\n});");
    const b = onlyTest("it('a', () => { const x = f( 1 ); // why\n expect( x ).toBe( 2 ) ; /* end */ });");
    expect(a.statements).toHaveLength(2);
    for (const hash of a.statements) expect(hash).toMatch(/^[0-9a-f]{8}$/);
    expect(b.statements).toEqual(a.statements);
  });

  it('changes only the hash of the statement that changed', () => {
    const a = onlyTest("it('a', () => { const x = f(1); expect(x).toBe(2); });");
    const b = onlyTest("it('a', () => { const x = f(1); expect(x).toBe(3); });");
    expect(b.statements[0]).toBe(a.statements[0]);
    expect(b.statements[1]).not.toBe(a.statements[1]);
  });

  it('treats an expression body as one statement, and reads a wrapped body', () => {
    expect(onlyTest("it('a', () => expect(1).toBe(x));").statements).toHaveLength(1);
    expect(onlyTest("it('a', fakeAsync(() => { a(); b(); }));").statements).toHaveLength(2);
    expect(onlyTest("it('a');").statements).toEqual([]);
  });

  it('records the last line of the test call', () => {
    const all = tests("describe('s', () => {\n  it('a', () => {\n    run();\n  });\n});\n");
    expect(all.map((t) => [t.line, t.endLine])).toEqual([
      [1, 5],
      [2, 4],
    ]);
  });
});
