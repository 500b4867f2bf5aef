import type { Assertion, TestCase } from '../../inspect/source-facts.js';
import type { ChangedFile } from '../rule.js';
import type { TestPair, TestRef } from './test-matching.js';

/** All assertions of a pair's head side (several tests when the base test was split). */
export function headAssertions(pair: TestPair): Assertion[] {
  return pair.heads.flatMap((head) => head.test.assertions);
}

/** Where to report a finding about a pair: the first head test. */
export function headRef(pair: TestPair): TestRef {
  return pair.heads[0]!;
}

/** Whether a test is switched off at head (its assertions do not run; tests/disabled reports that). */
export function isDisabled(test: TestCase): boolean {
  const all = [...test.modifiers, ...test.inheritedModifiers];
  return all.includes('skip') || all.includes('todo') || test.runtimeSkips.some((skip) => !skip.conditional);
}

/** Paths modified (or renamed with edits) by the change, base path and head path. */
export function modifiedPaths(files: readonly ChangedFile[]): Set<string> {
  const modified = new Set<string>();
  for (const file of files) {
    if (file.status !== 'modified' && file.status !== 'renamed' && file.status !== 'type-changed') continue;
    if (file.basePath) modified.add(file.basePath);
    if (file.headPath) modified.add(file.headPath);
  }
  return modified;
}
