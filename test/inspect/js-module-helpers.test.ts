import { describe, expect, it } from 'vitest';
import { inspectJsSource } from '../../src/inspect/js/source-inspector.js';

describe('imported helpers in JS/TS source facts', () => {
  it("records a test's calls of imported bindings: named, renamed, default, namespace and require", () => {
    const facts = inspectJsSource(
      'test/a.test.ts',
      [
        "import { expect, it } from 'vitest';",
        "import * as h from './helpers';",
        "import expectDefault, { expectOk as ok } from './helpers';",
        "const { expectCjs } = require('./cjs');",
        "it('a', () => {",
        '  ok(load());',
        '  h.expectOk(1);',
        '  expectDefault(2);',
        '  expectCjs(3);',
        '  local();',
        '});',
        'function local() {',
        '  ok(4);',
        '}',
      ].join('\n'),
    );
    expect(facts.tests[0]!.helperCalls).toEqual([
      { module: './helpers', name: 'expectOk', line: 6 },
      { module: './helpers', name: 'expectOk', line: 7 },
      { module: './helpers', name: 'default', line: 8 },
      { module: './cjs', name: 'expectCjs', line: 9 },
      // Through the local helper: at the line the test calls it.
      { module: './helpers', name: 'expectOk', line: 10 },
    ]);
  });

  it('lists the exported functions that assert, through local helpers, and the re-exports', () => {
    const facts = inspectJsSource(
      'test/helpers.ts',
      [
        "import { expect } from 'vitest';",
        'export function expectOk(r) { expect(r.status).toBe(200); inner(r); }',
        'function inner(r) { expect(r.body).toEqual({}); }',
        'export const notAssert = () => 1;',
        'const named = (x) => { expect(x).toBe(1); };',
        'export { named as renamed };',
        'export default function def(x) { expect(x).toBeTruthy(); }',
        "export * from './more';",
        "export { a as b } from './other';",
      ].join('\n'),
    );
    expect(facts.exportedHelpers?.map((helper) => [helper.name, helper.assertions.map((a) => a.matcher)])).toEqual([
      ['expectOk', ['toBe', 'toEqual']],
      ['renamed', ['toBe']],
      ['default', ['toBeTruthy']],
    ]);
    expect(facts.reexports).toEqual([
      { name: '*', module: './more', imported: '*' },
      { name: 'b', module: './other', imported: 'a' },
    ]);
  });

  it('reads CommonJS exports: exports.x = fn, module.exports = { … }', () => {
    const cjs = inspectJsSource('test/h.js', "const assert = require('node:assert');\nexports.same = (a, b) => { assert.strictEqual(a, b); };\n");
    expect(cjs.exportedHelpers?.map((helper) => helper.name)).toEqual(['same']);
    const object = inspectJsSource('test/h.cjs', "const assert = require('node:assert');\nfunction ok(a) { assert.ok(a); }\nmodule.exports = { ok, eq(a, b) { assert.equal(a, b); } };\n");
    expect(object.exportedHelpers?.map((helper) => helper.name)).toEqual(['ok', 'eq']);
  });
});
