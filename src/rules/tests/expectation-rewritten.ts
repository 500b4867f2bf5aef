import type { FindingDraft } from '../../core/types.js';
import { defineRule } from '../rule.js';
import { alignAssertions, renderAssertion } from '../support/assertion-strength.js';
import { SOURCE_INSPECTORS } from '../support/source.js';
import { matchTests } from '../support/test-matching.js';
import { importedPaths } from '../support/module-paths.js';
import { TEST_PROJECT_INSPECTORS } from '../support/test-collection.js';
import { headAssertions, headRef, modifiedPaths } from '../support/test-pairs.js';

export const testsExpectationRewritten = defineRule({
  id: 'tests/expectation-rewritten',
  category: 'test-assertions',
  severity: 'warn',
  docs: {
    summary:
      'A literal expected value changed (`toBe(108)` → `toBe(107.99)`, an inline snapshot rewritten) in a change that also changed the code the test imports: the signature of making the test agree with the new output.',
    why: 'When code and expectation change together, the test no longer checks the old behaviour and may now enshrine a bug. Sometimes that is the point of the change; a human should say so.',
    fix: 'Confirm the new expected value from the specification, not from what the code now returns. If the behaviour change is intended, say so in the description and acknowledge the finding.',
    bad: {
      base: {
        'src/discount.ts': 'export const discount = (total: number) => Math.round(total * 90) / 100;\n',
        'test/discount.test.ts': "import { expect, it } from 'vitest';\nimport { discount } from '../src/discount';\n\nit('takes 10% off', () => {\n  expect(discount(120)).toBe(108);\n});\n",
      },
      head: {
        'src/discount.ts': 'export const discount = (total: number) => Math.floor(total * 89.99) / 100;\n',
        'test/discount.test.ts': "import { expect, it } from 'vitest';\nimport { discount } from '../src/discount';\n\nit('takes 10% off', () => {\n  expect(discount(120)).toBe(107.98);\n});\n",
      },
    },
    good: {
      base: {
        'src/discount.ts': 'export const discount = (total: number) => Math.round(total * 90) / 100;\n',
        'test/discount.test.ts': "import { expect, it } from 'vitest';\nimport { discount } from '../src/discount';\n\nit('takes 10% off', () => {\n  expect(discount(120)).toBe(108);\n});\n",
      },
      head: {
        'src/discount.ts': 'export const discount = (total: number) => Math.round(total * 90) / 100;\n',
        'test/discount.test.ts': "import { expect, it } from 'vitest';\nimport { discount } from '../src/discount';\n\nit('takes 10% off', () => {\n  expect(discount(120)).toBe(108);\n  expect(discount(200)).toBe(180);\n});\n",
      },
    },
  },
  inspectors: SOURCE_INSPECTORS,
  projectInspectors: TEST_PROJECT_INSPECTORS,
  check: (context) => {
    const { files } = context;
    const matching = matchTests(context);
    const modified = modifiedPaths(files);
    const findings: FindingDraft[] = [];
    for (const pair of matching.pairs) {
      const head = headRef(pair);
      const file = matching.files.find((candidate) => candidate.headPath === head.file);
      const facts = file?.headFacts;
      const changedCode = facts ? importedPaths(head.file, facts).filter((candidate) => modified.has(candidate)) : [];
      if (changedCode.length === 0) continue;
      for (const [before, after] of alignAssertions(pair.base.test.assertions, headAssertions(pair))) {
        if (!before.expectedIsLiteral || !after.expectedIsLiteral || before.matcher !== after.matcher || before.expected === after.expected) continue;
        findings.push({
          message: `Expected value of '${head.test.fullName}' rewritten while ${changedCode[0]} changed: ${before.expected ?? ''} → ${after.expected ?? ''}`,
          file: head.file,
          line: after.line,
          side: 'head',
          before: renderAssertion(before),
          after: renderAssertion(after),
          key: `${pair.base.test.fullName}:${after.actual ?? ''}:${before.expected ?? ''}>${after.expected ?? ''}`,
        });
      }
    }
    return findings;
  },
});
