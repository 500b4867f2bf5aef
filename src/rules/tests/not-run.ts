import type { FindingDraft } from '../../core/types.js';
import type { TestResult, TestRunReport } from '../../evidence/tests/model.js';
import type { TestCase } from '../../inspect/source-facts.js';
import { defineRule, type ChangedFile } from '../rule.js';
import { renamedPaths } from '../support/renames.js';
import { SOURCE_INSPECTORS } from '../support/source.js';
import { TEST_PROJECT_INSPECTORS } from '../support/test-collection.js';
import { matchTests, type TestMatching, type TestRef } from '../support/test-matching.js';

/** How many test names one finding lists before "and N more". */
const NAMES_SHOWN = 10;

const pkg = (test: string): string => `${JSON.stringify({ name: 'shop', private: true, type: 'module', scripts: { test }, devDependencies: { vitest: '^3.2.4' } }, null, 2)}\n`;
const cartTest = "import { expect, it } from 'vitest';\nimport { add } from './cart';\n\nit('adds items', () => {\n  expect(add(1, 2)).toBe(3);\n});\n";
const pricingTest =
  "import { describe, expect, it } from 'vitest';\nimport { discount } from './pricing';\n\ndescribe('discount', () => {\n  it('takes 10% off large orders', () => {\n    expect(discount(120)).toBe(108);\n  });\n});\n";
const junit = (cases: string): string =>
  `<?xml version="1.0" encoding="UTF-8" ?>\n<testsuites name="vitest tests">\n${cases}</testsuites>\n`;
const suite = (file: string, ...names: string[]): string =>
  `  <testsuite name="${file}" tests="${names.length}">\n${names.map((name) => `    <testcase classname="${file}" name="${name}" time="0.002"></testcase>\n`).join('')}  </testsuite>\n`;

export const testsNotRun = defineRule({
  id: 'tests/not-run',
  category: 'evidence',
  severity: 'block',
  docs: {
    summary:
      'With JUnit results of both runs: tests that ran at base (passed, failed or errored) and did not run at head (missing from the head report, or skipped there), after following renamed test files and tests renamed or moved in the change; tests the change deleted are left to `tests/deleted`.',
    why: 'A test that no longer runs cannot fail. Narrowing the test command, a filter, a crashed worker or a skip added through configuration all make a run green by running less, and the pass count alone does not show it.',
    fix: 'Make the head run execute these tests again (restore the test command, filter or configuration that dropped them), or delete them in the change, where `tests/deleted` reviews the deletion.',
    details: `Reads \`context.evidence.tests\`: the base and head JUnit reports (see [docs/evidence.md](../evidence.md)). A test is identified by its report id (file, suites, name). A test missing at head is not reported when:

- the change deleted it (\`tests/deleted\` reports that), or deleted its whole file;
- the change renamed or moved it, or split it, and its new form ran at head (the audit's test matching: by name in the same file following renames, by identical or similar body, by split);
- its file was renamed and the same suite and name ran under the new path;
- it is a pytest parametrisation whose parameter values are the same at head in another order (\`test_sum[1-2-3]\` → \`test_sum[2-1-3]\`, after reordering \`argnames\`);
- the reporter's settings changed the id, not the test: the same suites and name ran at head with a file where the base report had none, or the other way round (jest-junit's \`addFileAttribute\` switched);
- it was an error entry rather than a test: a vitest file that failed to load or suite whose \`beforeAll\` failed, vitest's "unhandled errors", jest-junit's "Test execution failure" and "Test suite failed to run", pytest's "collection failure", mocha's hook failures.

One finding per test file (or per report when the report names no files), naming up to ${NAMES_SHOWN} tests, with "base ran N, head ran M". When only one side has evidence the rule says nothing: missing evidence is the gates' and claims' concern.

In the example below, the base run's JUnit report lists \`src/cart.test.ts › adds items\` and \`src/pricing.test.ts › discount › takes 10% off large orders\`; the head run's lists only the first. In the one not reported, the pricing test file moved to \`src/pricing/discount.test.ts\` and the head report lists its test under that path.`,
    bad: {
      base: { 'package.json': pkg('vitest run'), 'src/cart.test.ts': cartTest, 'src/pricing.test.ts': pricingTest },
      head: { 'package.json': pkg('vitest run src/cart'), 'src/cart.test.ts': cartTest, 'src/pricing.test.ts': pricingTest },
      junit: {
        base: junit(suite('src/cart.test.ts', 'adds items') + suite('src/pricing.test.ts', 'discount &gt; takes 10% off large orders')),
        head: junit(suite('src/cart.test.ts', 'adds items')),
      },
    },
    good: {
      base: { 'package.json': pkg('vitest run'), 'src/cart.test.ts': cartTest, 'src/pricing.test.ts': pricingTest },
      head: { 'package.json': pkg('vitest run'), 'src/cart.test.ts': cartTest, 'src/pricing/discount.test.ts': pricingTest.replace("'./pricing'", "'../pricing'") },
      junit: {
        base: junit(suite('src/cart.test.ts', 'adds items') + suite('src/pricing.test.ts', 'discount &gt; takes 10% off large orders')),
        head: junit(suite('src/cart.test.ts', 'adds items') + suite('src/pricing/discount.test.ts', 'discount &gt; takes 10% off large orders')),
      },
    },
  },
  inspectors: SOURCE_INSPECTORS,
  projectInspectors: TEST_PROJECT_INSPECTORS,
  check: (context) => {
    const evidence = context.evidence.tests;
    if (!evidence?.base || !evidence.head) return [];
    const base = evidence.base;
    const head = evidence.head;
    const headById = new Map(head.tests.map((test) => [test.id, test]));
    const pseudo = pseudoTests(base);
    const dropped = base.tests.filter((test) => ran(test) && !pseudo(test) && !ran(headById.get(test.id)));
    if (dropped.length === 0) return [];
    const explained = explainer(context.files, matchTests(context), base, head);
    const groups = new Map<string, NotRun[]>();
    for (const test of dropped) {
      const notRun = explained(test);
      if (notRun === null) continue;
      const list = groups.get(notRun.group);
      if (list === undefined) groups.set(notRun.group, [notRun]);
      else list.push(notRun);
    }
    const counts = `base ran ${base.tests.filter(ran).length}, head ran ${head.tests.filter(ran).length}`;
    return [...groups.entries()].map(([group, list]) => finding(group, list, counts, headById));
  },
});

/** A base test that ran and did not run at head, unexplained by the change. */
interface NotRun {
  readonly test: TestResult;
  /** The file the finding is about (the head path of a renamed file), or the head report's name. */
  readonly group: string;
  /** Where the test is declared, when the audit read its source. */
  readonly at: { file: string; line: number; side: 'base' | 'head' } | null;
}

function ran(test: TestResult | undefined): boolean {
  return test !== undefined && test.outcome !== 'skipped';
}

/**
 * Entries writers add for errors around tests, which are not tests: their disappearing means an
 * error went away, not that a test stopped running. vitest reports a file that failed to load as
 * a testcase named after the file, and a suite whose beforeAll/afterAll failed as a testcase named
 * after the suite (a prefix of its tests' names); also vitest's "unhandled errors", jest-junit's
 * "Test execution failure" and "Test suite failed to run", pytest's "collection failure", mocha's
 * hook failures.
 */
function pseudoTests(report: TestRunReport): (test: TestResult) => boolean {
  const paths = new Set(report.tests.map((test) => `${test.file ?? ''}\0${[...test.suite, test.name].join('\0')}`));
  const prefixes = new Set<string>();
  for (const path of paths) for (let at = path.lastIndexOf('\0'); at > 0; at = path.lastIndexOf('\0', at - 1)) prefixes.add(path.slice(0, at));
  return (test) =>
    test.outcome !== 'passed' &&
    (test.suite.includes('vitest unhandled errors') ||
      test.name.startsWith('Test execution failure: could be caused by test hooks') ||
      test.name === 'Test suite failed to run' ||
      test.message === 'collection failure' ||
      /"(?:before|after) (?:all|each)" hook/.test(test.name) ||
      (test.file !== null && test.suite.length === 0 && (test.file === test.name || test.file.endsWith(`/${test.name}`))) ||
      prefixes.has(`${test.file ?? ''}\0${[...test.suite, test.name].join('\0')}`));
}

/** The ways a report names a test, in the shape of the inventory's full names (`suite > … > name`). */
function titleForms(test: TestResult): string[] {
  const bare = withoutParams(test.name);
  return [[...test.suite, test.name].join(' > '), [...test.suite, bare].join(' > '), test.name, bare];
}

/** `test_sum[1-2]` → `test_sum`: pytest's parametrisation suffix. */
function withoutParams(name: string): string {
  return /^[^[]+\[.*\]$/s.test(name) ? name.slice(0, name.indexOf('[')) : name;
}

/** Whether an inventoried test is the report's test: the same file (when the report names one) and title. */
function sameTest(ref: TestRef, test: TestResult): boolean {
  if (test.file !== null && test.file !== ref.file) return false;
  const forms = titleForms(test);
  // jest-junit and mocha join titles with spaces; the inventory with ' > '.
  return forms.includes(ref.test.fullName) || forms.includes(ref.test.fullName.replaceAll(' > ', ' '));
}

function explainer(files: readonly ChangedFile[], matching: TestMatching, base: TestRunReport, head: TestRunReport): (test: TestResult) => NotRun | null {
  const renames = renamedPaths(files);
  const deletedFiles = new Set(files.filter((file) => file.status === 'deleted' && file.basePath !== null).map((file) => file.basePath!));
  const deleted = new Set<TestCase>(matching.deleted.map((ref) => ref.test));
  const inventory = (side: 'base' | 'head'): TestRef[] =>
    matching.files.flatMap((file) => {
      const path = side === 'base' ? file.basePath : file.headPath;
      return path === null ? [] : (side === 'base' ? file.base : file.head).filter((t) => t.kind === 'test').map((t) => ({ file: path, test: t }));
    });
  const baseTests = inventory('base');
  const headTests = inventory('head');
  const headRan = head.tests.filter(ran);
  const headRanIds = new Set(headRan.map((test) => test.id));
  const baseIds = new Set(base.tests.map((test) => test.id));
  const ranAs = (ref: TestRef) => headRan.some((test) => sameTest(ref, test));
  const reordered = reorderedParams(headRan, baseIds);
  const renamedByReporter = reporterRenamed(headRan, baseIds);

  return (test) => {
    if (test.file !== null && deletedFiles.has(test.file)) return null;
    const source = baseTests.find((ref) => sameTest(ref, test)) ?? null;
    if (source !== null) {
      if (deleted.has(source.test)) return null;
      // Only a test whose name or file changed has a new identity to look for; one that kept both
      // must keep its id (a pytest parametrisation dropped from a test that still exists is not excused).
      const pair = matching.pairs.find((candidate) => candidate.base.test === source.test);
      const moved = pair?.heads.filter((ref) => ref.test.fullName !== source.test.fullName || ref.file !== (renames.get(source.file) ?? source.file)) ?? [];
      if (moved.some(ranAs)) return null;
    }
    const movedTo = test.file === null ? undefined : renames.get(test.file);
    if (movedTo !== undefined && headRanIds.has(idInFile(test, movedTo))) return null;
    if (reordered(test) || renamedByReporter(test)) return null;
    const atHead = movedTo === undefined ? test : { ...test, file: movedTo };
    const headSource = headTests.find((ref) => sameTest(ref, atHead));
    const at = headSource !== undefined ? { file: headSource.file, line: headSource.test.line, side: 'head' as const } : source !== null ? { file: source.file, line: source.test.line, side: 'base' as const } : null;
    return { test, group: movedTo ?? test.file ?? head.sourceName, at };
  };
}

/** The id a test would have with its file renamed: the file segment is replaced, nothing else. */
function idInFile(test: TestResult, file: string): string {
  const segment = ` › ${test.file!}`;
  if (test.id.startsWith(`${test.file!} › `)) return `${file}${test.id.slice(test.file!.length)}`;
  const at = test.id.indexOf(`${segment} › `);
  return at === -1 ? test.id : `${test.id.slice(0, at)} › ${file}${test.id.slice(at + segment.length)}`;
}

/**
 * The reporter's settings changed what the id says, not which test ran: jest-junit's
 * `addFileAttribute` turned on or off gives a file where there was none. A base test counts as
 * run when a head test new at head, with the same suites and name and a file that does not
 * contradict it (one side has none), ran.
 */
function reporterRenamed(headRan: readonly TestResult[], baseIds: ReadonlySet<string>): (test: TestResult) => boolean {
  const byTitle = new Map<string, TestResult[]>();
  for (const test of headRan) {
    if (baseIds.has(test.id)) continue;
    const key = JSON.stringify([...test.suite, test.name]);
    const list = byTitle.get(key);
    if (list === undefined) byTitle.set(key, [test]);
    else list.push(test);
  }
  return (test) => (byTitle.get(JSON.stringify([...test.suite, test.name])) ?? []).some((other) => (test.file === null) !== (other.file === null));
}

/**
 * pytest ids carry the parameter values joined by '-' in `argnames` order: reordering the
 * argnames turns `test_sum[1-2-3]` into `test_sum[2-1-3]`. A base test counts as run when a head
 * test of the same file, suite and function, new at head, ran with the same values in another order.
 */
function reorderedParams(headRan: readonly TestResult[], baseIds: ReadonlySet<string>): (test: TestResult) => boolean {
  const keyOf = (test: TestResult): string | null => {
    const bare = withoutParams(test.name);
    if (bare === test.name) return null;
    const values = test.name.slice(bare.length + 1, -1).split('-').sort();
    return JSON.stringify([test.file, test.suite, bare, values]);
  };
  const keys = new Set(headRan.filter((test) => !baseIds.has(test.id)).map(keyOf).filter((key) => key !== null));
  return (test) => {
    const key = keyOf(test);
    return key !== null && keys.has(key);
  };
}

function finding(group: string, list: readonly NotRun[], counts: string, headById: ReadonlyMap<string, TestResult>): FindingDraft {
  const skipped = list.filter((item) => headById.get(item.test.id)?.outcome === 'skipped').length;
  const missing = list.length - skipped;
  const how = [missing > 0 ? `${missing} missing from the head run` : '', skipped > 0 ? `${skipped} skipped at head` : ''].filter((part) => part !== '').join(', ');
  const title = (item: NotRun) => [...item.test.suite, item.test.name].join(' > ');
  const names = list.slice(0, NAMES_SHOWN).map((item) => `'${title(item)}'`).join(', ');
  const more = list.length > NAMES_SHOWN ? ` and ${list.length - NAMES_SHOWN} more` : '';
  const located = list.find((item) => item.at !== null)?.at ?? null;
  const plural = list.length === 1 ? 'test' : 'tests';
  return {
    message: `${list.length} ${plural} in ${group} ran at base but not at head (${how}): ${names}${more} (${counts})`,
    file: located?.file ?? group,
    line: located?.line ?? 0,
    side: located?.side ?? 'head',
    before: list.slice(0, NAMES_SHOWN).map((item) => `${item.test.outcome}: ${title(item)}`).join('\n'),
    after: list
      .slice(0, NAMES_SHOWN)
      .map((item) => {
        const atHead = headById.get(item.test.id);
        return atHead === undefined ? `not in the head run: ${title(item)}` : `skipped${atHead.message === null ? '' : ` (${atHead.message})`}: ${title(item)}`;
      })
      .join('\n'),
    key: `not-run:${group}`,
  };
}
