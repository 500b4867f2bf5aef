import type { SourceFacts, TestCase } from '../../inspect/source-facts.js';
import type { PathGroups } from '../../policy/path-groups.js';
import type { ChangedFile, RuleContext } from '../rule.js';
import { helperLookup, withImportedHelpers, type ModuleLookup } from './imported-helpers.js';
import { collectedByRunner, isConventionalTestFile, type CollectedByRunner } from './test-collection.js';
import { sourceFacts } from './source.js';


/** Minimum share of statements two test bodies must have in common to be the same test renamed or moved. */
const SIMILAR = 0.6;
/** A base test is split when head tests each share this much of their body with it… */
const SPLIT_PART = 0.5;
/** …and together cover this much of it. */
const SPLIT_COVER = 0.7;

/** A file with tests that is named or imports like a test file, or that the side's runner configuration collects. */
export function isTestFile(file: string, facts: SourceFacts, paths: PathGroups, collected: boolean): boolean {
  return facts.tests.length > 0 && (collected || isConventionalTestFile(file, facts, paths));
}

/** A test or suite and the file it is declared in (head path, or base path for the base side). */
export interface TestRef {
  file: string;
  test: TestCase;
}

export type MatchHow = 'name' | 'body' | 'similar' | 'split';

export interface TestPair {
  base: TestRef;
  /** One head test, or several when the base test was split. */
  heads: TestRef[];
  how: MatchHow;
}

/** One changed test file, both sides (either may be empty: an added or deleted file). */
export interface TestFile {
  basePath: string | null;
  headPath: string | null;
  base: TestCase[];
  head: TestCase[];
  /** Source facts of each side, for imports. */
  baseFacts: SourceFacts | null;
  headFacts: SourceFacts | null;
}

export interface TestMatching {
  files: TestFile[];
  pairs: TestPair[];
  /** Base tests with no counterpart at head. */
  deleted: TestRef[];
  /** Head tests with no counterpart at base. */
  added: TestRef[];
  /** The counterpart of a head test (for split tests, the one base test). */
  baseOf(head: TestCase): TestRef | undefined;
}

/** The changed test files of a change, both sides, following renames. */
export function changedTestFiles(
  files: readonly ChangedFile[],
  paths: PathGroups,
  collected: CollectedByRunner = () => false,
  helpers: { base: ModuleLookup; head: ModuleLookup } | null = null,
): TestFile[] {
  const result: TestFile[] = [];
  const resolve = (tests: TestCase[], file: string, side: 'base' | 'head'): TestCase[] => (helpers ? tests.map((test) => withImportedHelpers(test, file, helpers[side])) : tests);
  for (const file of files) {
    const head = file.headPath ? sourceFacts(file, 'head') : null;
    const base = file.basePath ? sourceFacts(file, 'base') : null;
    const headIsTest = head !== null && isTestFile(file.headPath!, head, paths, collected('head', file.headPath!));
    const baseIsTest = base !== null && isTestFile(file.basePath!, base, paths, collected('base', file.basePath!));
    if (!headIsTest && !baseIsTest) continue;
    result.push({
      basePath: file.basePath,
      headPath: file.headPath,
      base: baseIsTest ? resolve(base.tests, file.basePath!, 'base') : [],
      head: headIsTest ? resolve(head.tests, file.headPath!, 'head') : [],
      baseFacts: base,
      headFacts: head,
    });
  }
  return result;
}

const cache = new WeakMap<readonly ChangedFile[], TestMatching>();

/**
 * Pairs base and head tests of a change, strongest evidence first: the same full name in the
 * same file (following renames); the same body anywhere in the change (a renamed or moved
 * test); a similar body (most statements shared: renamed and edited); and a base test split
 * into several head tests that each take part of its body. Computed once per audit. Rules
 * calling it declare `TEST_PROJECT_INSPECTORS`, so files the runner collects count as tests.
 */
export function matchTests(context: Pick<RuleContext, 'files' | 'paths' | 'project'>): TestMatching {
  const { files, paths } = context;
  const cached = cache.get(files);
  if (cached) return cached;
  const helpers = { base: helperLookup(context, 'base'), head: helperLookup(context, 'head') };
  const matching = computeMatching(changedTestFiles(files, paths, collectedByRunner(context), helpers));
  cache.set(files, matching);
  return matching;
}

const keyOf = (test: TestCase) => `${test.kind}\0${test.fullName}`;

export function computeMatching(testFiles: TestFile[]): TestMatching {
  const pairs: TestPair[] = [];
  const leftBase: TestRef[] = [];
  const leftHead: TestRef[] = [];
  for (const file of testFiles) {
    const byName = new Map<string, TestCase[]>();
    for (const test of file.base) push(byName, keyOf(test), test);
    for (const test of file.head) {
      const match = byName.get(keyOf(test))?.shift();
      if (match) pairs.push({ base: { file: file.basePath!, test: match }, heads: [{ file: file.headPath!, test }], how: 'name' });
      else leftHead.push({ file: file.headPath!, test });
    }
    for (const tests of byName.values()) for (const test of tests) leftBase.push({ file: file.basePath!, test });
  }
  // Same body: a renamed or moved test. Same file first, so two identical bodies pair locally.
  const byBody = new Map<string, TestRef[]>();
  for (const ref of leftBase) if (hasBody(ref.test)) push(byBody, `${ref.test.kind}\0${ref.test.bodyHash}`, ref);
  const stillHead: TestRef[] = [];
  for (const ref of leftHead) {
    const candidates = hasBody(ref.test) ? byBody.get(`${ref.test.kind}\0${ref.test.bodyHash}`) : undefined;
    const index = candidates ? preferSameFile(candidates, ref.file) : -1;
    if (candidates && index >= 0) {
      const [base] = candidates.splice(index, 1);
      pairs.push({ base: base!, heads: [ref], how: 'body' });
    } else {
      stillHead.push(ref);
    }
  }
  const matchedBase = new Set(pairs.map((pair) => pair.base.test));
  const stillBase = leftBase.filter((ref) => !matchedBase.has(ref.test));
  matchSimilar(stillBase, stillHead, pairs);
  matchRenamedSuites(testFiles, pairs, stillBase, stillHead);
  const pairedBase = new Set(pairs.map((pair) => pair.base.test));
  const pairedHead = new Map<TestCase, TestRef>();
  for (const pair of pairs) for (const head of pair.heads) pairedHead.set(head.test, pair.base);
  return {
    files: testFiles,
    pairs,
    deleted: leftBase.filter((ref) => !pairedBase.has(ref.test)),
    added: leftHead.filter((ref) => !pairedHead.has(ref.test)),
    baseOf: (head) => pairedHead.get(head),
  };
}

/**
 * A test renamed while its statements were edited: its suite renamed (`describe('renderReport')`
 * → `describe('renderFormat')` with every call rewritten), or its own name reworded by a word or
 * two ('renders header, findings…' → 'renders header, claims, findings…') while its one assertion
 * grew. In the same file (following renames), a base and a head test still unpaired whose own
 * names are the same or nearly so, each the only such candidate of the other, with the same
 * matchers in the same order, are the same test. Names alone would pair unrelated tests; the
 * matchers make it the same check, and the pair's assertions are still compared by the rules.
 */
function matchRenamedSuites(testFiles: readonly TestFile[], pairs: TestPair[], base: readonly TestRef[], head: readonly TestRef[]): void {
  const paired = new Set(pairs.flatMap((pair) => [pair.base.test, ...pair.heads.map((ref) => ref.test)]));
  const matchers = (test: TestCase): string => test.assertions.map((assertion) => `${assertion.negated ? '!' : ''}${assertion.matcher}`).join(',');
  for (const file of testFiles) {
    if (file.basePath === null || file.headPath === null) continue;
    const left = base.filter((ref) => ref.file === file.basePath && ref.test.kind === 'test' && !paired.has(ref.test));
    const right = head.filter((ref) => ref.file === file.headPath && ref.test.kind === 'test' && !paired.has(ref.test));
    for (const ref of left) {
      const name = shortName(ref.test);
      const sameName = (refs: readonly TestRef[], to: string) => refs.filter((other) => shortName(other.test) === to);
      const nearName = (refs: readonly TestRef[], to: string) => refs.filter((other) => nearlySameName(shortName(other.test), to));
      let candidates = sameName(right, name);
      if (candidates.length === 0) candidates = nearName(right, name);
      if (candidates.length !== 1) continue;
      const candidate = candidates[0]!;
      const other = shortName(candidate.test);
      if ((other === name ? sameName(left, other) : nearName(left, other)).length !== 1) continue;
      if (ref.test.assertions.length === 0 || matchers(ref.test) !== matchers(candidate.test)) continue;
      pairs.push({ base: ref, heads: [candidate], how: 'name' });
      paired.add(ref.test);
      paired.add(candidate.test);
    }
  }
}

/** Words of a test name, lower case, punctuation dropped. */
function nameWords(name: string): string[] {
  return name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Names that differ by at most two words and share at least seven in ten (word Jaccard). */
export function nearlySameName(a: string, b: string): boolean {
  if (a === b) return true;
  const left = nameWords(a);
  const right = nameWords(b);
  if (left.length < 3 || right.length < 3) return false;
  const shared = similarity(left, right);
  const union = new Set([...left, ...right]).size;
  return shared >= 0.7 && union - new Set(left.filter((word) => right.includes(word))).size <= 2;
}

/** Similar bodies (edited and renamed or moved), then splits, among tests still unpaired. */
function matchSimilar(base: TestRef[], head: TestRef[], pairs: TestPair[]): void {
  const tests = (refs: TestRef[]) => refs.filter((ref) => ref.test.kind === 'test' && ref.test.statements.length > 0);
  const headLeft = new Set(tests(head));
  for (const ref of tests(base)) {
    let best: { ref: TestRef; score: number } | null = null;
    for (const candidate of headLeft) {
      const score = similarity(ref.test.statements, candidate.test.statements);
      if (score >= SIMILAR && (!best || score > best.score || (score === best.score && candidate.file === ref.file))) best = { ref: candidate, score };
    }
    if (best) {
      headLeft.delete(best.ref);
      pairs.push({ base: ref, heads: [best.ref], how: 'similar' });
      continue;
    }
    const parts = [...headLeft].filter((candidate) => containment(candidate.test.statements, ref.test.statements) >= SPLIT_PART);
    if (parts.length >= 2 && coverage(ref.test.statements, parts.map((part) => part.test.statements)) >= SPLIT_COVER) {
      for (const part of parts) headLeft.delete(part);
      pairs.push({ base: ref, heads: parts, how: 'split' });
    }
  }
}

/** Jaccard similarity of two statement multisets. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const counts = countOf(a);
  let shared = 0;
  for (const item of b) {
    const left = counts.get(item) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(item, left - 1);
    }
  }
  return shared / (a.length + b.length - shared);
}

/** Share of `part`'s statements found in `whole`. */
function containment(part: readonly string[], whole: readonly string[]): number {
  if (part.length === 0) return 0;
  const available = new Set(whole);
  return part.filter((item) => available.has(item)).length / part.length;
}

/** Share of `whole`'s statements found in any of the parts. */
function coverage(whole: readonly string[], parts: readonly (readonly string[])[]): number {
  if (whole.length === 0) return 0;
  const available = new Set(parts.flat());
  return whole.filter((item) => available.has(item)).length / whole.length;
}

function countOf(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

function preferSameFile(candidates: readonly TestRef[], file: string): number {
  const same = candidates.findIndex((candidate) => candidate.file === file);
  return same >= 0 ? same : candidates.length > 0 ? 0 : -1;
}

export function hasBody(test: TestCase): boolean {
  return test.bodyHash !== '';
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Last segment of a full name: what the test call itself says. */
export function shortName(test: TestCase): string {
  return test.fullName.split(' > ').at(-1) ?? test.fullName;
}
