import type { FindingDraft, Severity } from '../../core/types.js';
import type { SourceFacts, TestCase } from '../../inspect/source-facts.js';
import type { PathGroups } from '../../policy/path-groups.js';
import { defineRule, type ChangedFile } from '../rule.js';
import { sourceFacts, SOURCE_INSPECTORS } from '../support/source.js';

/** Modules whose import marks a file as a test file even outside the `tests` path group. */
const TEST_FRAMEWORKS = new Set(['vitest', '@jest/globals', 'mocha', 'node:test', 'test', '@playwright/test', 'bun:test', 'ava', 'tap', 'uvu']);

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
  return null;
}

function isTestFile(path: string, facts: SourceFacts, paths: PathGroups): boolean {
  return facts.tests.length > 0 && (paths.isTest(path) || facts.imports.some((module) => TEST_FRAMEWORKS.has(module)));
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

/**
 * Pairs head tests with base tests: by full name in the same file (following renames), then by
 * body among the leftovers of that file, then by body among tests removed from other changed
 * files (a test moved between files). A test with no body (a todo) is only matched by name.
 */
class TestMatcher {
  private readonly movedByBody = new Map<string, TestCase[]>();

  constructor(leftoversElsewhere: readonly TestCase[]) {
    for (const test of leftoversElsewhere) push(this.movedByBody, test.bodyHash, test);
  }

  counterpartsIn(base: readonly TestCase[], head: readonly TestCase[]): Map<TestCase, TestCase> {
    const byName = new Map<string, TestCase[]>();
    for (const test of base) push(byName, `${test.kind}\0${test.fullName}`, test);
    const pairs = new Map<TestCase, TestCase>();
    const unpaired: TestCase[] = [];
    for (const test of head) {
      const match = byName.get(`${test.kind}\0${test.fullName}`)?.shift();
      if (match) pairs.set(test, match);
      else unpaired.push(test);
    }
    const leftByBody = new Map<string, TestCase[]>();
    for (const tests of byName.values()) for (const test of tests) push(leftByBody, test.bodyHash, test);
    for (const test of unpaired) {
      if (!hasBody(test)) continue;
      const match = leftByBody.get(test.bodyHash)?.shift() ?? this.movedByBody.get(test.bodyHash)?.shift();
      if (match) pairs.set(test, match);
    }
    return pairs;
  }
}

function hasBody(test: TestCase): boolean {
  return test.bodyHash !== '';
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface TestFilePair {
  path: string;
  base: TestCase[];
  head: TestCase[];
}

function testFilePairs(files: readonly ChangedFile[], paths: PathGroups): TestFilePair[] {
  const pairs: TestFilePair[] = [];
  for (const file of files) {
    const head = file.headPath ? sourceFacts(file, 'head') : null;
    const base = file.basePath ? sourceFacts(file, 'base') : null;
    const headIsTest = head !== null && isTestFile(file.headPath!, head, paths);
    const baseIsTest = base !== null && isTestFile(file.basePath!, base, paths);
    if (!headIsTest && !baseIsTest) continue;
    pairs.push({ path: file.headPath ?? file.basePath!, base: base?.tests ?? [], head: headIsTest ? head.tests : [] });
  }
  return pairs;
}

/** Base tests whose name no longer appears in the same file: candidates for a move to another file. */
function leftovers(pairs: readonly TestFilePair[]): TestCase[] {
  return pairs.flatMap((pair) => {
    const headNames = new Set(pair.head.map((test) => `${test.kind}\0${test.fullName}`));
    return pair.base.filter((test) => hasBody(test) && !headNames.has(`${test.kind}\0${test.fullName}`));
  });
}

export const testsDisabled = defineRule({
  id: 'tests/disabled',
  category: 'test-disabled',
  severity: 'block',
  docs: {
    summary:
      'Tests or suites newly skipped, focused, turned into todos or marked failing (`.skip`, `.only`, `.todo`, `xit`, `fit`, `.skipIf`, `.runIf`, `.fails`) in jest, vitest, mocha, node:test and Playwright files.',
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
  inspectors: SOURCE_INSPECTORS,
  check: ({ files, paths }) => {
    const pairs = testFilePairs(files, paths);
    const matcher = new TestMatcher(leftovers(pairs));
    const findings: FindingDraft[] = [];
    for (const pair of pairs) {
      const counterparts = matcher.counterpartsIn(pair.base, pair.head);
      for (const test of pair.head) {
        const disablement = disablementOf(test);
        if (!disablement) continue;
        const before = counterparts.get(test);
        if (before && disablementOf(before) === disablement) continue;
        const existing = before !== undefined;
        findings.push({
          message: describe(test, disablement, existing),
          file: pair.path,
          line: test.line,
          side: 'head',
          ...(before ? { before: `${before.callee}(${quote(lastName(before))}, …)` } : {}),
          after: `${test.callee}(${quote(lastName(test))}, …)`,
          key: `${disablement}:${test.kind}:${test.fullName}`,
          severity: severityOf(disablement, existing),
        });
      }
    }
    return findings;
  },
});

function lastName(test: TestCase): string {
  return test.fullName.split(' > ').at(-1) ?? test.fullName;
}

function quote(name: string): string {
  return `'${name.replace(/'/g, "\\'")}'`;
}
