import type { FindingDraft } from '../../core/types.js';
import type { Assertion } from '../../inspect/source-facts.js';
import { defineRule } from '../rule.js';
import { alignAssertions, renderAssertion } from '../support/assertion-strength.js';
import { SOURCE_INSPECTORS } from '../support/source.js';
import { matchTests } from '../support/test-matching.js';
import { TEST_PROJECT_INSPECTORS } from '../support/test-collection.js';
import { headAssertions } from '../support/test-pairs.js';

const HOW: Record<NonNullable<Assertion['swallowed']>, string> = {
  'try-catch': 'inside a try whose catch discards the error',
  'promise-catch': 'on a promise whose rejection is caught and dropped',
  'after-return': 'after an unconditional return: it never runs',
};

export const testsSwallowedFailure = defineRule({
  id: 'tests/swallowed-failure',
  category: 'test-assertions',
  severity: 'block',
  docs: {
    summary:
      'Assertions whose failure cannot fail the test: inside a `try` whose `catch` discards the error, on a promise with `.catch(() => {})`, or after an unconditional `return` (new or newly so).',
    why: 'The assertion is still there to read, so the test looks as strict as before, but its failure is caught and thrown away: the test passes whether or not the code works.',
    fix: 'Remove the try/catch or the `.catch` around the assertion (assert on the error explicitly with `rejects`/`toThrow` when an error is expected), and remove the early return.',
    bad: {
      base: { 'test/api.test.ts': "import { expect, it } from 'vitest';\nimport { load } from '../src/api';\n\nit('loads the user', async () => {\n  expect(await load(1)).toEqual({ id: 1 });\n});\n" },
      head: {
        'test/api.test.ts':
          "import { expect, it } from 'vitest';\nimport { load } from '../src/api';\n\nit('loads the user', async () => {\n  try {\n    expect(await load(1)).toEqual({ id: 1 });\n  } catch {\n    // flaky on CI\n  }\n});\n",
      },
    },
    good: {
      base: { 'test/api.test.ts': "import { expect, it } from 'vitest';\nimport { load } from '../src/api';\n\nit('rejects unknown ids', async () => {\n  await expect(load(-1)).rejects.toThrow('not found');\n});\n" },
      head: {
        'test/api.test.ts':
          "import { expect, it } from 'vitest';\nimport { load } from '../src/api';\n\nit('rejects unknown ids', async () => {\n  try {\n    await load(-1);\n    expect.unreachable();\n  } catch (error) {\n    expect(String(error)).toContain('not found');\n  }\n});\n",
      },
    },
  },
  inspectors: SOURCE_INSPECTORS,
  projectInspectors: TEST_PROJECT_INSPECTORS,
  check: (context) => {
    const matching = matchTests(context);
    const findings: FindingDraft[] = [];
    const report = (file: string, fullName: string, assertion: Assertion) => {
      const how = assertion.swallowed!;
      findings.push({
        message: `Assertion in '${fullName}' cannot fail the test: ${HOW[how]}`,
        file,
        line: assertion.line,
        side: 'head',
        after: renderAssertion(assertion),
        key: `${how}:${fullName}:${renderAssertion(assertion)}`,
      });
    };
    for (const ref of matching.added) for (const assertion of ref.test.assertions) if (assertion.swallowed) report(ref.file, ref.test.fullName, assertion);
    for (const pair of matching.pairs) {
      const after = headAssertions(pair);
      const aligned = new Map(alignAssertions(pair.base.test.assertions, after).map(([b, h]) => [h, b]));
      for (const head of pair.heads) {
        for (const assertion of head.test.assertions) {
          if (!assertion.swallowed) continue;
          if (aligned.get(assertion)?.swallowed === assertion.swallowed) continue;
          report(head.file, head.test.fullName, assertion);
        }
      }
    }
    return findings;
  },
});
