import type { FindingDraft } from '../../core/types.js';
import { defineRule } from '../rule.js';
import { effectiveAssertions, renderAssertion } from '../support/assertion-strength.js';
import { SOURCE_INSPECTORS } from '../support/source.js';
import { matchTests, type TestRef } from '../support/test-matching.js';
import { TEST_PROJECT_INSPECTORS } from '../support/test-collection.js';
import { isDisabled } from '../support/test-pairs.js';

/**
 * A test file importing a module of assertion helpers (`./helpers/assert`, `test-utils/expect`,
 * a custom matchers package) may assert in a file Gatehouse does not read: its tests are not
 * called assertion-free. Test frameworks themselves are not helpers.
 */
const HELPER_MODULE = /(assert|expect|matchers?|helpers?|test-?utils?)/i;
const FRAMEWORK = /^(vitest|@jest\/globals|chai|node:assert(\/strict)?|assert|node:test|@playwright\/test|mocha|pytest|unittest)$/;

function importsAssertionHelpers(imports: readonly string[]): boolean {
  return imports.some((module) => !FRAMEWORK.test(module) && HELPER_MODULE.test(module));
}

export const testsNoAssertions = defineRule({
  id: 'tests/no-assertions',
  category: 'test-assertions',
  severity: 'block',
  docs: {
    summary:
      'A new or changed test that asserts nothing (after resolving assertions made by local helpers), or an added tautology (`expect(true).toBe(true)`, `expect(x).toBe(x)`, `assert True`).',
    why: 'A test without a real assertion passes whatever the code does. It adds to the test count and to coverage while checking nothing: the look of a tested change without the substance.',
    fix: 'Assert the behaviour the test is named after, with the exact expected value. Delete the test if there is nothing to check.',
    bad: {
      base: { 'test/cart.test.ts': "import { expect, it } from 'vitest';\nimport { total } from '../src/cart';\n\nit('is zero when empty', () => {\n  expect(total([])).toBe(0);\n});\n" },
      head: {
        'test/cart.test.ts':
          "import { expect, it } from 'vitest';\nimport { total } from '../src/cart';\n\nit('is zero when empty', () => {\n  expect(total([])).toBe(0);\n});\n\nit('handles discounts', () => {\n  total([{ price: 10, quantity: 1 }]);\n  expect(true).toBe(true);\n});\n",
      },
    },
    good: {
      base: { 'test/cart.test.ts': "import { expect, it } from 'vitest';\nimport { total } from '../src/cart';\n\nit('is zero when empty', () => {\n  expect(total([])).toBe(0);\n});\n" },
      head: {
        'test/cart.test.ts':
          "import { expect, it } from 'vitest';\nimport { total } from '../src/cart';\n\nconst expectTotal = (items: { price: number; quantity: number }[], want: number) => {\n  expect(total(items)).toBe(want);\n};\n\nit('is zero when empty', () => {\n  expectTotal([], 0);\n});\n",
      },
    },
  },
  inspectors: SOURCE_INSPECTORS,
  projectInspectors: TEST_PROJECT_INSPECTORS,
  check: (context) => {
    const matching = matchTests(context);
    const findings: FindingDraft[] = [];
    const consider = (ref: TestRef, changed: boolean, baseTautologies: number) => {
      const test = ref.test;
      if (test.kind !== 'test' || isDisabled(test) || test.modifiers.includes('todo')) return;
      const tautologies = test.assertions.filter((a) => a.tautology);
      for (const tautology of tautologies.slice(baseTautologies)) {
        findings.push({
          message: `Test '${test.fullName}' asserts a tautology: it can never fail`,
          file: ref.file,
          line: tautology.line,
          side: 'head',
          after: renderAssertion(tautology),
          key: `tautology:${test.fullName}:${renderAssertion(tautology)}`,
        });
      }
      if (!changed || effectiveAssertions(test.assertions).length > 0 || tautologies.length > 0) return;
      const file = matching.files.find((candidate) => candidate.headPath === ref.file);
      if (importsAssertionHelpers(file?.headFacts?.imports ?? [])) return;
      findings.push({
        message: `${matching.baseOf(test) ? 'Changed' : 'New'} test '${test.fullName}' makes no assertion`,
        file: ref.file,
        line: test.line,
        side: 'head',
        key: `none:${test.fullName}`,
      });
    };
    for (const ref of matching.added) consider(ref, true, 0);
    for (const pair of matching.pairs) {
      const baseTautologies = pair.base.test.assertions.filter((a) => a.tautology).length;
      // A matched test that lost its assertions is tests/assertions-removed's finding.
      const hadNone = effectiveAssertions(pair.base.test.assertions).length === 0;
      for (const head of pair.heads) consider(head, hadNone && head.test.bodyHash !== pair.base.test.bodyHash, baseTautologies);
    }
    return findings;
  },
});
