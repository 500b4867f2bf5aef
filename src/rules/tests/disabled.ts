import type { FindingDraft, Severity } from '../../core/types.js';
import type { TestCase } from '../../inspect/source-facts.js';
import { defineRule } from '../rule.js';
import { dataSkipInspector } from '../../inspect/data-skips.js';
import type { ChangedFile } from '../rule.js';
import { SOURCE_INSPECTORS } from '../support/source.js';
import { matchTests, shortName } from '../support/test-matching.js';
import { TEST_PROJECT_INSPECTORS } from '../support/test-collection.js';

type Disablement = 'only' | 'skip' | 'todo' | 'conditional' | 'fails';

/** How a test or suite is disabled by its own modifiers, strongest first; null when it runs normally. */
export function disablementOf(test: TestCase): Disablement | null {
  const has = (modifier: TestCase['modifiers'][number]) => test.modifiers.includes(modifier);
  if (has('only')) return 'only';
  const conditional = has('skipIf') || has('runIf') || (has('skip') && test.skipCondition !== null);
  if (conditional) {
    if (test.skipCondition === 'always') return 'skip';
    if (test.skipCondition === 'dynamic') return 'conditional';
  } else if (has('skip')) {
    return 'skip';
  }
  if (has('todo')) return 'todo';
  if (has('fails')) return 'fails';
  // Skips inside the body (`ctx.skip()`, `pytest.skip()`, an early `return`) switch the test off just the same.
  if (test.runtimeSkips.some((skip) => !skip.conditional)) return 'skip';
  if (test.runtimeSkips.length > 0) return 'conditional';
  return null;
}

/** Severity by what happened: an existing test switched off is worse than a new one landing switched off. */
function severityOf(disablement: Disablement, existing: boolean): Severity {
  switch (disablement) {
    case 'only':
      return 'block';
    case 'skip':
    case 'todo':
    case 'fails':
      return existing ? 'block' : 'warn';
    case 'conditional':
      return existing ? 'warn' : 'info';
  }
}

function describe(test: TestCase, disablement: Disablement, existing: boolean): string {
  const what = `${test.kind === 'suite' ? 'Suite' : 'Test'} '${test.fullName}'`;
  switch (disablement) {
    case 'only':
      return `${what} is focused with \`${test.callee}\`: every other test in the run is skipped`;
    case 'skip':
      return existing ? `${what} is now skipped (\`${test.callee}\`)` : `New ${what.toLowerCase()} lands skipped (\`${test.callee}\`)`;
    case 'todo':
      return existing ? `${what} is turned into a todo: its body no longer runs` : `New ${what.toLowerCase()} lands as a todo`;
    case 'conditional':
      return existing
        ? `${what} now runs only under a runtime condition (\`${test.callee}\`)`
        : `New ${what.toLowerCase()} runs only under a runtime condition (\`${test.callee}\`)`;
    case 'fails':
      return existing
        ? `${what} is marked \`fails\`: it now passes only while the code is broken`
        : `New ${what.toLowerCase()} is marked \`fails\`: it documents a known bug as passing`;
  }
}

export const testsDisabled = defineRule({
  id: 'tests/disabled',
  category: 'test-disabled',
  severity: 'block',
  docs: {
    summary:
      'Tests or suites newly skipped, focused, turned into todos or marked failing: `.skip`, `.only`, `.todo`, `xit`, `fit`, `.skipIf`, `.runIf`, `.fails` (jest, vitest, mocha, node:test, Playwright), pytest and unittest markers, skips inside a body (`ctx.skip()`, `this.skip()`, `pytest.skip()`, `self.skipTest()`, an early `return`, an override that only skips), and definitions switched off through data (`skip: true`, `enabled: false`).',
    why: 'A skipped test cannot fail, so the test gate goes green without the behaviour being checked; `.only` silently skips every other test in the run. An existing test switched off blocks; a new test that lands switched off, or a runtime condition, needs a human.',
    fix: 'Make the test pass by fixing the code, then remove the modifier. If the test must stay off for now, link the issue that tracks it and have a human acknowledge the finding.',
    bad: {
      base: {
        'src/sum.test.ts': "import { it, expect } from 'vitest';\nimport { sum } from './sum';\n\nit('adds two numbers', () => {\n  expect(sum(1, 2)).toBe(3);\n});\n",
      },
      head: {
        'src/sum.test.ts': "import { it, expect } from 'vitest';\nimport { sum } from './sum';\n\nit.skip('adds two numbers', () => {\n  expect(sum(1, 2)).toBe(3);\n});\n",
      },
    },
    good: {
      base: {
        'src/sum.test.ts': "import { it, expect } from 'vitest';\n\nit.skip('is slow', () => {\n  expect(1).toBe(1);\n});\n",
      },
      head: {
        'test/sum.test.ts': "import { it, expect } from 'vitest';\n\nit.skip('is slow', () => {\n  expect(1).toBe(1);\n});\n\nit('adds', () => {\n  expect(1 + 1).toBe(2);\n});\n",
      },
    },
  },
  inspectors: [...SOURCE_INSPECTORS, dataSkipInspector],
  projectInspectors: TEST_PROJECT_INSPECTORS,
  check: (context) => {
    const { files } = context;
    const matching = matchTests(context);
    const findings: FindingDraft[] = dataSkipFindings(files);
    for (const file of matching.files) {
      for (const test of file.head) {
        const disablement = disablementOf(test);
        if (!disablement) continue;
        const before = matching.baseOf(test)?.test;
        if (before && disablementOf(before) === disablement) continue;
        const existing = before !== undefined;
        findings.push({
          message: describe(test, disablement, existing),
          file: file.headPath!,
          line: test.line,
          side: 'head',
          ...(before ? { before: `${before.callee}(${quote(shortName(before))}, …)` } : {}),
          after: `${test.callee}(${quote(shortName(test))}, …)${skipNote(test)}`,
          key: `${disablement}:${test.kind}:${test.fullName}`,
          severity: severityOf(disablement, existing),
        });
      }
    }
    return findings;
  },
});

/**
 * Test definitions switched off through data (`skip: true`, `enabled: false` in a case file or
 * definition module of the tests path group): a switch absent at base is new. In a file that
 * existed at base it switches off an existing definition (block); in a new file, a definition
 * that lands switched off (warn).
 */
function dataSkipFindings(files: readonly ChangedFile[]): FindingDraft[] {
  const findings: FindingDraft[] = [];
  for (const file of files) {
    const head = file.headPath ? file.head(dataSkipInspector) : null;
    if (!head || head.length === 0) continue;
    const before = new Set((file.basePath ? (file.base(dataSkipInspector) ?? []) : []).map((skip) => skip.keyPath));
    const existing = file.basePath !== null;
    for (const skip of head) {
      if (before.has(skip.keyPath)) continue;
      const what = skip.name ? `Test definition '${skip.name}'` : skip.entry ? `Test definition ${skip.entry}` : `Test module ${file.headPath!}`;
      findings.push({
        message: existing ? `${what} is switched off through data (\`${skip.text}\`)` : `New ${what.charAt(0).toLowerCase()}${what.slice(1)} lands switched off (\`${skip.text}\`)`,
        file: file.headPath!,
        line: skip.line,
        side: 'head',
        after: skip.text,
        key: `data:${skip.keyPath}`,
        severity: existing ? 'block' : 'warn',
      });
    }
  }
  return findings;
}

/** Where a skip inside the body is, when that is what disables the test. */
function skipNote(test: TestCase): string {
  const skip = test.runtimeSkips[0];
  return skip && test.modifiers.length === 0 ? ` — ${skip.kind}${skip.kind === 'return' ? '' : '()'} at line ${skip.line}` : '';
}

function quote(name: string): string {
  return `'${name.replace(/'/g, "\\'")}'`;
}
