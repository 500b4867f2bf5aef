import type { InspectedChange, ProjectInspector } from '../../inspect/inspector.js';
import { collectionResolved, collectMatcher } from '../../inspect/runner/collected-set.js';
import type { RunnerScope } from '../../inspect/runner/model.js';
import { runnerInspector, type RunnerProjectFacts } from '../../inspect/runner/project-inspector.js';
import type { SourceFacts } from '../../inspect/source-facts.js';
import type { PathGroups } from '../../policy/path-groups.js';
import type { RuleContext } from '../rule.js';
import { importedHelpersInspector } from './imported-helpers.js';
import { SOURCE_INSPECTORS } from './source.js';

/** Modules whose import marks a file as a test file even outside the `tests` path group. */
const TEST_FRAMEWORKS = new Set(['vitest', '@jest/globals', 'mocha', 'node:test', 'test', '@playwright/test', 'bun:test', 'ava', 'tap', 'uvu', 'pytest', 'unittest']);

/**
 * A file with tests is a test file by its name (the `tests` path group: `*.test.ts`, `tests/`,
 * `test_*.py`…) or by importing a test framework. Files that declare tests but are neither need
 * the runner's configuration (`include`, `testMatch`, `testRegex`, `python_files`, mocha `spec`)
 * to be recognised: jest and vitest with globals need no import, and projects name their tests
 * as they like (`*.check.ts`, `checks/*.js`).
 */
export function isConventionalTestFile(file: string, facts: SourceFacts, paths: PathGroups): boolean {
  return facts.tests.length > 0 && (paths.isTest(file) || facts.imports.some((module) => TEST_FRAMEWORKS.has(module)));
}

function sourceFactsOf(change: InspectedChange, side: 'base' | 'head'): SourceFacts | null {
  for (const inspector of SOURCE_INSPECTORS) {
    const facts = side === 'base' ? change.base(inspector) : change.head(inspector);
    if (facts) return facts;
  }
  return null;
}

/** Whether a side of a changed file declares tests that only the runner's configuration can vouch for. */
function needsRunnerConfig(change: InspectedChange, paths: PathGroups): boolean {
  return (['base', 'head'] as const).some((side) => {
    const file = side === 'base' ? change.basePath : change.headPath;
    const facts = file === null ? null : sourceFactsOf(change, side);
    return facts !== null && file !== null && facts.tests.length > 0 && !isConventionalTestFile(file, facts, paths);
  });
}

/** Whether a head test's tags or markers differ from the base test of the same name (or it is new with tags): runner filters select by them. */
function tagsChanged(change: InspectedChange): boolean {
  const head = change.headPath === null ? null : sourceFactsOf(change, 'head');
  if (!head?.tests.some((test) => test.tags)) return false;
  const base = change.basePath === null ? null : sourceFactsOf(change, 'base');
  const before = new Map((base?.tests ?? []).map((test) => [test.fullName, (test.tags ?? []).join(' ')]));
  return head.tests.some((test) => test.tags && before.get(test.fullName) !== test.tags.join(' '));
}

/**
 * The runner facts, asked for by the test rules. They are read when a runner input changed (as
 * for `tests/runner-narrowed`), when a changed file declares tests under a name the `tests`
 * path group does not cover, or when a test's tags or markers changed (filters select by them);
 * an audit of ordinary test files never reads any runner config.
 */
export const testCollectionInspector: ProjectInspector<RunnerProjectFacts> = {
  id: 'test-collection@1',
  affectedBy: () => false,
  affectedByFacts: (files, paths) => files.some((change) => needsRunnerConfig(change, paths) || tagsChanged(change)),
  // The runner inspector memoizes per revision, so both ids share one read.
  collect: (revision) => runnerInspector.collect(revision),
};

/**
 * Project inspectors every rule that matches tests declares: the runner facts for
 * `collectedByRunner`, and the modules imported assertion helpers live in.
 */
export const TEST_PROJECT_INSPECTORS: readonly ProjectInspector<unknown>[] = [testCollectionInspector, runnerInspector, importedHelpersInspector];

/** Whether some runner scope of a side collects a file; false when no runner facts were read. */
export type CollectedByRunner = (side: 'base' | 'head', file: string) => boolean;

const matchersOf = new WeakMap<RunnerProjectFacts, { scope: RunnerScope; matches: (file: string) => boolean }[]>();

/** The runner scopes of a revision that collect a file (scopes whose collection is unresolved say nothing). */
export function scopesCollecting(facts: RunnerProjectFacts, file: string): RunnerScope[] {
  let matchers = matchersOf.get(facts);
  if (!matchers) {
    matchers = facts.facts.scopes.filter(collectionResolved).map((scope) => ({ scope, matches: collectMatcher(scope, facts.paths) }));
    matchersOf.set(facts, matchers);
  }
  return matchers.filter((matcher) => matcher.matches(file)).map((matcher) => matcher.scope);
}

/** The runner facts of both sides, when the audit read them. */
export function runnerFacts(context: Pick<RuleContext, 'project'>): { base: RunnerProjectFacts; head: RunnerProjectFacts } | null {
  return context.project(testCollectionInspector) ?? context.project(runnerInspector);
}

export function collectedByRunner(context: Pick<RuleContext, 'project'>): CollectedByRunner {
  const facts = runnerFacts(context);
  if (!facts) return () => false;
  return (side, file) => scopesCollecting(facts[side], file).length > 0;
}
