/**
 * What a test run reported, from its JUnit XML (jest-junit, vitest, pytest, Playwright, mocha
 * reporters). Only what the evidence rules and the claim checks need survives parsing: each
 * test's identity and outcome, and the run's totals.
 */

export type TestOutcome = 'passed' | 'failed' | 'error' | 'skipped';

export interface TestResult {
  /**
   * Stable identity across runs: `<file or classname> › <suite> › … › <name>`, with the parts
   * that vary between runs (durations, retry suffixes, worker ids) left out.
   */
  readonly id: string;
  /** Repository-relative POSIX file when the report names one (`file` attribute, classname of pytest), else null. */
  readonly file: string | null;
  /** Enclosing suite names, outermost first (nested `<testsuite>`s and `describe` titles). */
  readonly suite: readonly string[];
  readonly name: string;
  /** The final outcome; a test that failed and then passed on retry is `passed` with `flaky: true`. */
  readonly outcome: TestOutcome;
  readonly flaky: boolean;
  /** How many extra attempts the report shows (rerun elements, duplicated testcases). */
  readonly retries: number;
  /** First line of the failure/error/skip message, if any. */
  readonly message: string | null;
}

export interface TestTotals {
  readonly tests: number;
  readonly passed: number;
  readonly failed: number;
  readonly errors: number;
  readonly skipped: number;
}

export interface TestRunReport {
  readonly format: 'junit';
  /** What the report was read from, as given to the parser; used in messages. */
  readonly sourceName: string;
  /** One entry per test id (retries merged); may be empty (a run of zero tests is a gate failure, not a parse error). */
  readonly tests: readonly TestResult[];
  /** Recomputed from `tests`, never taken from the report's own attributes. */
  readonly totals: TestTotals;
}

/** Totals of a list of tests, by final outcome. */
export function testTotals(tests: readonly TestResult[]): TestTotals {
  const count = (outcome: TestOutcome) => tests.filter((test) => test.outcome === outcome).length;
  return { tests: tests.length, passed: count('passed'), failed: count('failed'), errors: count('error'), skipped: count('skipped') };
}
