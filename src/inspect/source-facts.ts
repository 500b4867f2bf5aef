/**
 * Language-neutral facts about one source file. The JS/TS inspector (oxc-parser) produces them
 * today; a Python inspector produces the same shape, so rules never change per language.
 * Every `line` is 1-based. Every `text` is the normalised source excerpt (whitespace collapsed),
 * used for before/after excerpts and as the fingerprint key.
 */

/** A comment directive that turns a checker off for some scope. */
export interface Suppression {
  /** Which checker it silences. */
  tool: 'typescript' | 'eslint' | 'biome' | 'oxlint' | 'mypy' | 'pyright' | 'ruff' | 'flake8' | 'pylint';
  /**
   * `ts-ignore`, `ts-nocheck`, `ts-expect-error`, `eslint-disable`, `eslint-disable-line`,
   * `eslint-disable-next-line`, `biome-ignore`, `biome-ignore-all`, `oxlint-disable`, … (the directive itself).
   */
  directive: string;
  /** What it covers: the whole file, a block until re-enabled, its own line, or the next line. */
  scope: 'file' | 'block' | 'line' | 'next-line';
  /** Rules named by the directive; empty means all rules. */
  rules: string[];
  line: number;
  text: string;
}

/** A type-system escape hatch written in code rather than a comment. */
export interface TypeEscape {
  kind: 'as-any' | 'as-unknown-as' | 'any-annotation' | 'angle-any';
  line: number;
  text: string;
}

/** A comment that removes code from coverage measurement. */
export interface CoveragePragma {
  tool: 'istanbul' | 'c8' | 'v8' | 'coverage.py';
  /** e.g. `ignore next`, `ignore else`, `ignore file`, `ignore start`, `no cover`. */
  directive: string;
  line: number;
  text: string;
}

export type TestModifier = 'skip' | 'only' | 'todo' | 'fails' | 'skipIf' | 'runIf' | 'concurrent' | 'sequential';

/** How the condition of `.skipIf(cond)` / `.runIf(cond)` / `(cond ? it : it.skip)` evaluates statically. */
export type ConditionValue = 'always' | 'never' | 'dynamic';

export interface TestCase {
  kind: 'test' | 'suite';
  /** Names from the outermost suite to this one, joined with ' > '; template names normalised. */
  fullName: string;
  /** Modifiers written on this call itself (`it.skip`, `xit` → skip, `fit` → only). */
  modifiers: TestModifier[];
  /** Modifiers inherited from enclosing suites (a test in `describe.skip` is skipped). */
  inheritedModifiers: TestModifier[];
  /** For skipIf/runIf/conditional-callee tests: whether the test is skipped always, never or depending on runtime. */
  skipCondition: ConditionValue | null;
  line: number;
  /** The call's callee as written (`it.skip`, `xdescribe`, `test.describe.only`). */
  callee: string;
  /** Normalised hash of the body (whitespace and comments removed); matches moved or renamed tests. */
  bodyHash: string;
}

export interface SourceFacts {
  language: 'js' | 'python';
  suppressions: Suppression[];
  typeEscapes: TypeEscape[];
  coveragePragmas: CoveragePragma[];
  /** Tests and suites declared in the file (empty when it declares none). */
  tests: TestCase[];
  /** Modules the file imports (`vitest`, `@playwright/test`, `node:test`, `./helpers`…). */
  imports: string[];
}
