import type { InspectedChange, ProjectInspector } from '../../inspect/inspector.js';
import { inspectJsSource } from '../../inspect/js/source-inspector.js';
import type { Assertion, SourceFacts, TestCase } from '../../inspect/source-facts.js';
import type { ChangedFile, RuleContext } from '../rule.js';
import { sourceFacts, SOURCE_INSPECTORS } from './source.js';
import { moduleCandidates } from './module-paths.js';

/**
 * Assertions made in helpers imported from the repository's own modules
 * (`import { expectValidUser } from './helpers'`): a test calling one asserts as much as the
 * helper does. Helpers defined in the test file itself are resolved by the JS inspector; this
 * follows calls into other modules, through `export … from` re-exports (index files).
 *
 * Packages cannot be read (node_modules is not in the repository): a call into one named like an
 * assertion library (`@acme/test-utils`, `custom-matchers`) is opaque — the test may assert
 * there — and a call into any other package asserts nothing.
 */

/** A module's facts, or 'unparseable' when it exists but cannot be parsed. */
export type ModuleFacts = SourceFacts | 'unparseable';

/** Packages whose functions may assert: their calls are opaque. Test frameworks are not helpers. */
const ASSERTION_PACKAGE = /(assert|expect|matchers?|helpers?|test-?utils?)/i;
const FRAMEWORK = /^(vitest|@jest\/globals|chai|node:assert(\/strict)?|assert|node:test|@playwright\/test|mocha)$/;
/** Re-export hops followed from the imported module (index → folder index → file). */
const MAX_HOPS = 4;

const isRelative = (module: string): boolean => module.startsWith('.');

/** A module's facts on one side by path; null when it is not in the revision (or was not read). */
export type ModuleLookup = (path: string) => ModuleFacts | null;

type Resolved = { kind: 'assertions'; assertions: Assertion[] } | { kind: 'opaque' };

function resolveHelper(fromFile: string, module: string, name: string, lookup: ModuleLookup, hops = 0): Resolved {
  if (!isRelative(module)) return ASSERTION_PACKAGE.test(module) && !FRAMEWORK.test(module) ? { kind: 'opaque' } : { kind: 'assertions', assertions: [] };
  for (const candidate of moduleCandidates(fromFile, module, 'js')) {
    const facts = lookup(candidate);
    if (facts === null) continue;
    if (facts === 'unparseable') return { kind: 'opaque' };
    const helper = facts.exportedHelpers?.find((exported) => exported.name === name);
    if (helper) return { kind: 'assertions', assertions: helper.assertions };
    for (const reexport of facts.reexports ?? []) {
      if (reexport.name !== name && reexport.name !== '*') continue;
      if (hops >= MAX_HOPS) return { kind: 'opaque' };
      const next = resolveHelper(candidate, reexport.module, reexport.imported === '*' ? name : reexport.imported, lookup, hops + 1);
      if (next.kind === 'opaque' || next.assertions.length > 0) return next;
    }
    return { kind: 'assertions', assertions: [] };
  }
  // Not in the revision (or not read): the helper's assertions are unknown.
  return { kind: 'opaque' };
}

/** A test with the assertions of the imported helpers it calls, and how many calls could not be followed. */
export function withImportedHelpers(test: TestCase, file: string, lookup: ModuleLookup): TestCase {
  if (!test.helperCalls || test.helperCalls.length === 0) return test;
  const added: Assertion[] = [];
  let opaque = 0;
  for (const call of test.helperCalls) {
    const resolved = resolveHelper(file, call.module, call.name, lookup);
    if (resolved.kind === 'opaque') opaque++;
    else for (const assertion of resolved.assertions) added.push({ ...assertion, line: call.line, viaHelper: call.name });
  }
  if (added.length === 0 && opaque === 0) return test;
  const assertions = [...test.assertions, ...added].sort((a, b) => a.line - b.line);
  return { ...test, assertions, ...(opaque > 0 ? { opaqueHelperCalls: opaque } : {}) };
}

function jsFacts(change: InspectedChange, side: 'base' | 'head'): SourceFacts | null {
  for (const inspector of SOURCE_INSPECTORS) {
    const facts = side === 'base' ? change.base(inspector) : change.head(inspector);
    if (facts) return facts.language === 'js' ? facts : null;
  }
  return null;
}

/** The assertions of a test, as a comparable signature: what a helper would have to explain. */
const signature = (test: TestCase): string => test.assertions.map((assertion) => `${assertion.matcher}${assertion.negated ? '!' : ''}`).join(',');

/**
 * Tests whose imported helpers matter: they call a helper of a relative module and either make
 * no assertion of their own or assert differently from the test of the same name on the other
 * side (assertions moved into, or out of, a helper). Tests that assert the same on both sides
 * need nothing resolved, so an ordinary change reads no extra module.
 */
function testsNeedingHelpers(changes: readonly InspectedChange[]): { file: string; test: TestCase }[] {
  const bySide = { base: new Map<string, string>(), head: new Map<string, string>() };
  const sides: { file: string; side: 'base' | 'head'; tests: TestCase[] }[] = [];
  for (const change of changes) {
    for (const side of ['base', 'head'] as const) {
      const file = side === 'base' ? change.basePath : change.headPath;
      const facts = file === null ? null : jsFacts(change, side);
      if (!facts || file === null || facts.tests.length === 0) continue;
      sides.push({ file, side, tests: facts.tests });
      for (const test of facts.tests) bySide[side].set(test.fullName, signature(test));
    }
  }
  const needing: { file: string; test: TestCase }[] = [];
  for (const { file, side, tests } of sides) {
    const other = bySide[side === 'base' ? 'head' : 'base'];
    for (const test of tests) {
      if (test.kind !== 'test' || !test.helperCalls?.some((call) => isRelative(call.module))) continue;
      const counterpart = other.get(test.fullName);
      if (test.assertions.length === 0 || (counterpart !== undefined && counterpart !== signature(test))) needing.push({ file, test });
    }
  }
  return needing;
}

/**
 * The repository modules the needing tests import helpers from, with their JS facts, following
 * re-exports. Runs only when `testsNeedingHelpers` finds a test; modules the change itself
 * touches are already inspected and are read from the change instead.
 */
export const importedHelpersInspector: ProjectInspector<ReadonlyMap<string, ModuleFacts>> = {
  id: 'imported-helpers@1',
  affectedBy: () => false,
  affectedByFacts: (files) => testsNeedingHelpers(files).length > 0,
  // A few candidate modules are read by name: no need to list a 20,000-file tree for them.
  readsPathList: false,
  collect: async (revision, changes = []) => {
    const modules = new Map<string, ModuleFacts>();
    const tried = new Set<string>();
    let wanted: { from: string; module: string }[] = testsNeedingHelpers(changes).flatMap(({ file, test }) =>
      (test.helperCalls ?? []).filter((call) => isRelative(call.module)).map((call) => ({ from: file, module: call.module })),
    );
    for (let hop = 0; hop <= MAX_HOPS && wanted.length > 0; hop++) {
      const paths = [...new Set(wanted.flatMap(({ from, module }) => moduleCandidates(from, module, 'js')))].filter((path) => !tried.has(path));
      for (const path of paths) tried.add(path);
      const texts = await Promise.all(paths.map((path) => revision.readText(path)));
      wanted = [];
      paths.forEach((path, i) => {
        const text = texts[i];
        if (text === null || text === undefined) return;
        const facts = parseModule(path, text);
        modules.set(path, facts);
        if (facts !== 'unparseable') for (const reexport of facts.reexports ?? []) if (isRelative(reexport.module)) wanted.push({ from: path, module: reexport.module });
      });
    }
    return modules;
  },
};

function parseModule(path: string, text: string): ModuleFacts {
  try {
    return inspectJsSource(path, text);
  } catch {
    return 'unparseable';
  }
}

/** Where a side finds a module's facts: the change's own files first, then the modules read for it. */
export function helperLookup(context: Pick<RuleContext, 'files' | 'project'>, side: 'base' | 'head'): ModuleLookup {
  const changed = new Map<string, ChangedFile>();
  for (const file of context.files) {
    const path = side === 'base' ? file.basePath : file.headPath;
    if (path !== null) changed.set(path, file);
  }
  const read = context.project(importedHelpersInspector)?.[side];
  return (path) => {
    const file = changed.get(path);
    if (file) return sourceFacts(file, side) ?? (file.headUnparseable.length > 0 && side === 'head' ? 'unparseable' : null);
    return read?.get(path) ?? null;
  };
}
