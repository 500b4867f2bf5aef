import type { FindingDraft } from '../../core/types.js';
import type { SourceFacts } from '../../inspect/source-facts.js';
import { defineRule } from '../rule.js';
import { effectiveAssertions, renderAssertion } from '../support/assertion-strength.js';
import { SOURCE_INSPECTORS } from '../support/source.js';
import { matchTests, type TestRef } from '../support/test-matching.js';
import { TEST_PROJECT_INSPECTORS } from '../support/test-collection.js';
import { isDisabled } from '../support/test-pairs.js';

/**
 * A Python test file importing a module of assertion helpers (`tests.helpers`, `conftest`
 * fixtures, `assertions`) may assert in a file Gatehouse does not follow yet: its tests are not
 * called assertion-free. JS/TS tests have their imported helpers resolved
 * (`support/imported-helpers.ts`) and are silent only for calls that cannot be followed.
 */
const PYTHON_HELPER_MODULE = /(assert|expect|matchers?|helpers?|test-?utils?)/i;
const PYTHON_FRAMEWORK = /^(pytest|unittest)$/;

/** Where the test may assert out of Gatehouse's sight, or null: helpers it calls that could not be followed. */
function mayAssertElsewhere(test: TestRef['test'], facts: SourceFacts | null | undefined): string | null {
  const opaque = test.opaqueHelperCalls ?? 0;
  if (opaque > 0) return `${opaque} call${opaque === 1 ? '' : 's'} of imported helpers Gatehouse cannot read`;
  const module = facts?.language === 'python' ? facts.imports.find((name) => !PYTHON_FRAMEWORK.test(name) && PYTHON_HELPER_MODULE.test(name)) : undefined;
  return module === undefined ? null : `helpers imported from '${module}'`;
}

export const testsNoAssertions = defineRule({
  id: 'tests/no-assertions',
  category: 'test-assertions',
  severity: 'block',
  docs: {
    summary:
      'A new or changed test that asserts nothing (after resolving assertions made by local helpers and by helpers imported from the repository), or an added tautology (`expect(true).toBe(true)`, `expect(x).toBe(x)`, `assert True`).',
    why: 'A test without a real assertion passes whatever the code does. It adds to the test count and to coverage while checking nothing: the look of a tested change without the substance.',
    fix: 'Assert the behaviour the test is named after, with the exact expected value. Delete the test if there is nothing to check.',
    details: [
      'Assertions made by helpers count for the tests that call them: functions of the test file itself, and functions imported from the repository\'s own modules (`import { expectValidUser } from \'./helpers\'`, `const h = require(\'./helpers\')`), followed through `export … from` re-exports. A call that cannot be followed — a package named like an assertion library (`@acme/test-utils`, `custom-matchers`: `node_modules` is not in the repository), or a module that is missing or does not parse — may assert out of sight: the finding is then `warn` and names the calls, rather than a silent pass.',
      '',
      'Python tests importing a helper-like module (`tests.helpers`, `assertions`) are reported the same way, as `warn`.',
    ].join('\n'),
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
      const elsewhere = mayAssertElsewhere(test, file?.headFacts);
      // Fail closed but say so: assertions Gatehouse cannot see are a question for a person, not a pass.
      findings.push({
        message: `${matching.baseOf(test) ? 'Changed' : 'New'} test '${test.fullName}' makes no assertion${elsewhere ? ` that Gatehouse can see (${elsewhere})` : ''}`,
        file: ref.file,
        line: test.line,
        side: 'head',
        key: `none:${test.fullName}`,
        ...(elsewhere ? { severity: 'warn' as const } : {}),
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
