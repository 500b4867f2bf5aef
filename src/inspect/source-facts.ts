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

/** How an assertion is written. */
export type AssertionStyle =
  /** `expect(x).toEqual(y)`: jest, vitest, Playwright, chai `expect`. */
  | 'expect'
  /** `assert.equal(x, y)`, `assert(x)`: node:assert, chai `assert`; Python `assert` statements. */
  | 'assert'
  /** chai `x.should.equal(y)`. */
  | 'should'
  /** `expectTypeOf(x).toEqualTypeOf<T>()`. */
  | 'expectTypeOf'
  /** The test context: `t.is(x, y)`, `t.assert(x)`, `t.deepEqual` (ava, tap, node:test). */
  | 'context'
  /** unittest `self.assertEqual(x, y)`. */
  | 'unittest'
  /** `pytest.raises(E)`, `pytest.warns(W)`. */
  | 'pytest';

export interface Assertion {
  style: AssertionStyle;
  /** The matcher chain as written, modifiers included: `['not', 'toEqual']`, `['resolves', 'toBe']`, `['strictEqual']`, `['==']`. */
  chain: string[];
  /** The deciding matcher: `toEqual`, `strictEqual`, `assertEqual`, `==`, `truthy` (bare `assert x`), `raises`. */
  matcher: string;
  /** Whether the chain negates (`not`, `assertNotEqual`, `!=`, `is not`). */
  negated: boolean;
  /** Source text of the value under test, whitespace collapsed (`sum(1, 2)`); null when there is none. */
  actual: string | null;
  /** Source text of the expected value, whitespace collapsed; null when the matcher takes none. */
  expected: string | null;
  /** Whether `expected` is a literal: number, string, boolean, null, or an array/object of literals. */
  expectedIsLiteral: boolean;
  line: number;
  /** When a local helper function made the assertion: the helper's name (the line is the call's). */
  viaHelper?: string;
  /** Can never fail: `expect(true).toBe(true)`, `expect(x).toBe(x)`, `assert True`, `assert 1 == 1`. */
  tautology: boolean;
  /**
   * Its failure is swallowed: inside a `try` whose `catch` discards the error, on a promise with
   * `.catch(() => {})`, or after an unconditional `return` (it never runs).
   */
  swallowed: 'try-catch' | 'promise-catch' | 'after-return' | null;
}

/** A skip written inside a test's body rather than on its declaration. */
export interface RuntimeSkip {
  /** `pytest.skip`, `self.skipTest`, `this.skip`, `t.skip`, `ctx.skip`, `return` (an unconditional early return before any assertion). */
  kind: string;
  line: number;
  /** True when under a condition (`if (...) ctx.skip()`); false when it always runs. */
  conditional: boolean;
}

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
  /**
   * The body's statements, each normalised (whitespace and comments removed) and hashed to 8 hex
   * characters, in order: what similarity matching compares to pair renamed, moved and split tests.
   */
  statements: string[];
  /** Assertions in the body (suites: none of their own), including those made by local helpers it calls. */
  assertions: Assertion[];
  runtimeSkips: RuntimeSkip[];
  /** Line of the end of the test's body, so rules can tell which lines a test spans. */
  endLine: number;
  /**
   * Tags and markers, own and inherited: Playwright's `tag` option and `@tag` words in titles
   * (JS); pytest markers from decorators, class marks and `pytestmark` (Python). Runner
   * filters (`-m "not slow"`, `--grep @slow --invert`) select tests by them.
   */
  tags?: string[];
  /**
   * Calls of imported functions (JS/TS), which may assert in the module that defines them. The
   * rules resolve those of the repository's own modules (`support/imported-helpers.ts`).
   */
  helperCalls?: HelperCall[];
  /**
   * Calls of imported functions that could not be followed: a package that looks like an
   * assertion library (`./test-utils`, `custom-matchers`) or a module that is missing or does
   * not parse. Set by the rules' helper resolution; the test may assert there.
   */
  opaqueHelperCalls?: number;
}

/** A test's call of a function imported from another module: `import { expectOk } from './helpers'`. */
export interface HelperCall {
  /** The module specifier as written (`./helpers`, `@acme/test-utils`). */
  module: string;
  /** The export called: a name, or `default`. */
  name: string;
  line: number;
}

/** A function a module exports that makes assertions (itself or through its local helpers). */
export interface ExportedHelper {
  name: string;
  assertions: Assertion[];
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
  /** Exported functions that make assertions (JS/TS): what a test importing them gains. */
  exportedHelpers?: ExportedHelper[];
  /** Exports taken from other modules (`export { a } from './m'`, `export * from './m'`), to follow helpers through index files. */
  reexports?: { name: string; module: string; imported: string }[];
}
