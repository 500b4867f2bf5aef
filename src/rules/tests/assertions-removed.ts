import { defineRule } from '../rule.js';
import { effectiveAssertions, renderAssertion } from '../support/assertion-strength.js';
import { SOURCE_INSPECTORS } from '../support/source.js';
import { matchTests, shortName } from '../support/test-matching.js';
import { TEST_PROJECT_INSPECTORS } from '../support/test-collection.js';
import { headAssertions, headRef, isDisabled } from '../support/test-pairs.js';

export const testsAssertionsRemoved = defineRule({
  id: 'tests/assertions-removed',
  category: 'test-assertions',
  severity: 'block',
  docs: {
    summary:
      'A test that still exists (matched by name, body, similarity or as split into several) makes fewer assertions than at base, or none. Tautologies and swallowed assertions do not count as assertions.',
    why: 'A test passes when none of its assertions fail; every assertion removed is a behaviour no longer checked, and a test with none passes whatever the code does.',
    fix: 'Restore the assertions and fix the code until they pass. If an assertion was wrong, replace it with a correct one rather than dropping it.',
    bad: {
      base: {
        'test/cart.test.ts':
          "import { expect, it } from 'vitest';\nimport { total } from '../src/cart';\n\nit('sums prices and quantities', () => {\n  expect(total([])).toBe(0);\n  expect(total([{ price: 2, quantity: 3 }])).toBe(6);\n});\n",
      },
      head: {
        'test/cart.test.ts':
          "import { expect, it } from 'vitest';\nimport { total } from '../src/cart';\n\nit('sums prices and quantities', () => {\n  expect(total([])).toBe(0);\n});\n",
      },
    },
    good: {
      base: {
        'test/cart.test.ts':
          "import { expect, it } from 'vitest';\nimport { total } from '../src/cart';\n\nit('sums prices and quantities', () => {\n  expect(total([])).toBe(0);\n  expect(total([{ price: 2, quantity: 3 }])).toBe(6);\n});\n",
      },
      head: {
        'test/cart.test.ts':
          "import { expect, it } from 'vitest';\nimport { total } from '../src/cart';\n\nit('is zero for an empty cart', () => {\n  expect(total([])).toBe(0);\n});\n\nit('multiplies price by quantity', () => {\n  expect(total([{ price: 2, quantity: 3 }])).toBe(6);\n});\n",
      },
    },
  },
  inspectors: SOURCE_INSPECTORS,
  projectInspectors: TEST_PROJECT_INSPECTORS,
  check: (context) =>
    matchTests(context).pairs.flatMap((pair) => {
      if (pair.base.test.kind !== 'test' || pair.heads.some((head) => isDisabled(head.test))) return [];
      const before = effectiveAssertions(pair.base.test.assertions);
      const after = effectiveAssertions(headAssertions(pair));
      if (after.length >= before.length) return [];
      const head = headRef(pair);
      const opaque = pair.heads.reduce((sum, ref) => sum + (ref.test.opaqueHelperCalls ?? 0), 0) - (pair.base.test.opaqueHelperCalls ?? 0);
      const unseen = opaque > 0 ? ` (it now calls imported helpers Gatehouse cannot read, ${opaque} call${opaque === 1 ? '' : 's'})` : '';
      const split = pair.how === 'split' ? ` (split into ${pair.heads.map((h) => `'${shortName(h.test)}'`).join(', ')})` : '';
      return [
        {
          message:
            after.length === 0
              ? `Test '${head.test.fullName}' no longer asserts anything (it made ${before.length} assertion${before.length === 1 ? '' : 's'})${split}${unseen}`
              : `Test '${head.test.fullName}' makes ${after.length} assertion${after.length === 1 ? '' : 's'} instead of ${before.length}${split}${unseen}`,
          file: head.file,
          line: head.test.line,
          side: 'head' as const,
          before: before.map(renderAssertion).join('\n'),
          after: after.map(renderAssertion).join('\n') || '(no assertions)',
          key: `${pair.base.test.fullName}:${before.length}>${after.length}`,
          // The assertions may have moved where Gatehouse cannot look: a person decides.
          ...(unseen ? { severity: 'warn' as const } : {}),
        },
      ];
    }),
});
