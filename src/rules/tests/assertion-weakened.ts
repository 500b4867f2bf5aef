import type { FindingDraft } from '../../core/types.js';
import type { Assertion } from '../../inspect/source-facts.js';
import { defineRule } from '../rule.js';
import { alignAssertions, approxTolerance, levelName, renderAssertion, STRENGTH_LEVELS, strengthOf } from '../support/assertion-strength.js';
import { SOURCE_INSPECTORS } from '../support/source.js';
import { matchTests } from '../support/test-matching.js';
import { TEST_PROJECT_INSPECTORS } from '../support/test-collection.js';
import { headAssertions, headRef } from '../support/test-pairs.js';

/** Why `after` checks less than `before`, or null when it does not. */
export function weakening(before: Assertion, after: Assertion): string | null {
  const was = strengthOf(before);
  const now = strengthOf(after);
  if (was !== null && now !== null && now < was) return `${levelName(was)} → ${levelName(now)}`;
  const wasTolerance = approxTolerance(before.expected);
  const nowTolerance = approxTolerance(after.expected);
  if (wasTolerance && nowTolerance) {
    const wider = (a: number | null, b: number | null) => b !== null && (a === null || b > a);
    if (wider(wasTolerance.rel, nowTolerance.rel) || wider(wasTolerance.abs, nowTolerance.abs)) return 'approx tolerance widened';
  }
  if (after.expected === null && before.expected !== null && before.matcher === after.matcher && was !== null && now === was) {
    return 'expected value dropped';
  }
  return null;
}

/** The strength order as a Markdown list, for the rule's page (generated from the table the rule uses). */
const ORDER = STRENGTH_LEVELS.map(
  (entry) => `${7 - entry.level}. **${entry.name}**: ${entry.matchers.map((m) => `\`${m.replace(':specific', '(specific)').replace(':value', '(name, value)')}\``).join(', ')}`,
).join('\n');

export const testsAssertionWeakened = defineRule({
  id: 'tests/assertion-weakened',
  category: 'test-assertions',
  severity: 'block',
  docs: {
    summary:
      'A matcher replaced by a weaker one in a test that still exists: `toStrictEqual` > `toEqual` > `toMatchObject` > `toContain`/`toHaveProperty` > `toBeTruthy`/`toBeDefined`/`not.toBeNull`; `toThrow(specific)` > `toThrow()`; an exact value > a range; `assert x == 3` > `assert x`; a `pytest.approx` tolerance widened.',
    details: `The strength order, strongest first (a negated matcher counts as existence-level; a matcher not listed is never called weaker or stronger):\n\n${ORDER}`,
    why: 'A weaker matcher accepts more results: `toBeDefined()` passes for 41 as well as for 42. Swapping the matcher is how a failing assertion is made to pass without fixing the code.',
    fix: 'Restore the stronger matcher and fix the code it checks. If the exact value is truly not stable, assert the property that matters precisely (a shape with `toMatchObject`, a range with both bounds).',
    bad: {
      base: {
        'test/answer.test.ts': "import { expect, it } from 'vitest';\nimport { answer } from '../src/answer';\n\nit('is 42', () => {\n  expect(answer()).toEqual(42);\n});\n",
      },
      head: {
        'test/answer.test.ts': "import { expect, it } from 'vitest';\nimport { answer } from '../src/answer';\n\nit('is 42', () => {\n  expect(answer()).toBeDefined();\n});\n",
      },
    },
    good: {
      base: {
        'test/answer.test.ts': "import { expect, it } from 'vitest';\nimport { answer } from '../src/answer';\n\nit('is 42', () => {\n  expect(answer()).toBeDefined();\n});\n",
      },
      head: {
        'test/answer.test.ts': "import { expect, it } from 'vitest';\nimport { answer } from '../src/answer';\n\nit('is 42', () => {\n  expect(answer()).toStrictEqual(42);\n});\n",
      },
    },
  },
  inspectors: SOURCE_INSPECTORS,
  projectInspectors: TEST_PROJECT_INSPECTORS,
  check: (context) =>
    matchTests(context).pairs.flatMap((pair) => {
      const head = headRef(pair);
      const findings: FindingDraft[] = [];
      for (const [before, after] of alignAssertions(pair.base.test.assertions, headAssertions(pair))) {
        const why = weakening(before, after);
        if (!why) continue;
        findings.push({
          message: `Assertion weakened in '${head.test.fullName}' (${why})`,
          file: head.file,
          line: after.line,
          side: 'head',
          before: renderAssertion(before),
          after: renderAssertion(after),
          key: `${pair.base.test.fullName}:${before.matcher}>${after.matcher}:${after.actual ?? ''}`,
        });
      }
      return findings;
    }),
});
