import { describe, expect, it } from 'vitest';

import type { Claim, ClaimEvidence } from '../../src/claims/model.js';
import { verifyClaims } from '../../src/claims/verify.js';
import type { Category, Finding } from '../../src/core/types.js';
import { compareCoverage, parseCoverageReport } from '../../src/evidence/coverage/index.js';
import type { TestOutcome, TestRunReport } from '../../src/evidence/tests/model.js';
import type { DiffEntry } from '../../src/git/repository.js';
import type { Evidence, GateKind, GateResult, GateRun, GateState } from '../../src/gates/model.js';

// ----- builders: real coverage reports from lcov text, plain JUnit-shaped test runs -----

/** lcov for files given as `path: [lines found, lines hit, branches found, branches hit]`. */
function lcov(sourceName: string, files: Record<string, [number, number, number?, number?]>) {
  const text = Object.entries(files)
    .map(([path, [lf, lh, brf = 0, brh = 0]]) => `SF:${path}\nFNF:0\nFNH:0\nBRF:${brf}\nBRH:${brh}\nLF:${lf}\nLH:${lh}\nend_of_record`)
    .join('\n');
  return parseCoverageReport(`TN:\n${text}\n`, sourceName);
}

function testRun(sourceName: string, tests: Record<string, TestOutcome>): TestRunReport {
  const results = Object.entries(tests).map(([id, outcome]) => {
    const [file, ...rest] = id.split(' › ');
    return { id, file: file ?? null, suite: rest.slice(0, -1), name: rest.at(-1) ?? id, outcome, flaky: false, retries: 0, message: outcome === 'failed' ? 'expected 90 to be 100' : null };
  });
  const count = (outcome: TestOutcome) => results.filter((test) => test.outcome === outcome).length;
  return {
    format: 'junit',
    sourceName,
    tests: results,
    totals: { tests: results.length, passed: count('passed'), failed: count('failed'), errors: count('error'), skipped: count('skipped') },
  };
}

function finding(ruleId: string, category: Category, file: string, line: number, message: string, ignored = false): Finding {
  return { ruleId, category, severity: 'block', message, file, line, side: 'head', why: '', fix: '', fingerprint: `${ruleId}:${file}`, ...(ignored ? { ignored: { reason: 'accepted' } } : {}) };
}

function gate(name: string, kind: GateKind, state: GateState, evidence: Evidence[] = [], reason: string | null = null): GateResult {
  return {
    name,
    kind,
    state,
    reason: state === 'passed' ? null : (reason ?? 'exited 1'),
    exitCode: state === 'passed' ? 0 : 1,
    durationMs: 10,
    evidence: evidence.map((item) => ({ spec: { format: item.kind === 'tests' ? 'junit' : item.kind === 'lint' ? 'eslint' : item.kind === 'typecheck' ? 'tsc' : 'coverage', path: 'out' }, status: 'ok', problem: null, evidence: item })),
    cached: false,
    outputTail: '',
  };
}

const run = (...results: GateResult[]): GateRun => ({ tree: 'abc', commit: 'def', results });

function diff(entries: Record<string, DiffEntry['status']>): DiffEntry[] {
  return Object.entries(entries).map(([path, status]) => {
    const [from, to] = path.includes(' -> ') ? path.split(' -> ') : [path, path];
    return {
      status,
      basePath: status === 'added' ? null : from!,
      headPath: status === 'deleted' ? null : to!,
      baseOid: null,
      headOid: null,
      baseMode: null,
      headMode: null,
    };
  });
}

function evidence(parts: Partial<ClaimEvidence> = {}): ClaimEvidence {
  return { coverage: null, headCoverage: null, tests: { base: null, head: null }, gates: { base: null, head: null }, findings: [], diff: [], ...parts };
}

const source = { origin: 'report', name: 'report.md', line: 3 } as const;
type Body = Claim extends infer C ? (C extends Claim ? Omit<C, 'text' | 'source'> : never) : never;
function claim(body: Body): Claim {
  return { ...body, text: 'as written', source };
}

function check(subject: Claim, given: ClaimEvidence) {
  const [result] = verifyClaims([subject], given);
  return result!;
}

// ----- coverage -----

describe('verifyClaims: coverage', () => {
  const full = claim({ kind: 'coverage', metrics: [], percent: 100, relation: 'exactly' });

  function pair(base: Record<string, [number, number, number?, number?]>, head: Record<string, [number, number, number?, number?]>) {
    const b = lcov('coverage/base.info', base);
    const h = lcov('coverage/head.info', head);
    return { base: b, head: h, comparison: compareCoverage(b, h) };
  }

  it('supports 100% when every metric over the base file set is 100%', () => {
    const result = check(full, evidence({ coverage: pair({ 'src/a.ts': [10, 8] }, { 'src/a.ts': [10, 10, 4, 4] }) }));
    expect(result.status).toBe('supported');
    expect(result.gap).toBeNull();
    expect(result.evidence[0]).toBe('coverage coverage/head.info over the 1 files coverage/base.info measured: lines 100% (10/10), functions nothing measured (0/0), branches 100% (4/4)');
  });

  it('contradicts 100% when files were removed from measurement, with the true figure', () => {
    const files: Record<string, [number, number]> = {};
    for (let index = 0; index < 14; index++) files[`src/gen/f${index}.ts`] = [10, 0];
    const result = check(full, evidence({ coverage: pair({ 'src/a.ts': [100, 90], ...files }, { 'src/a.ts': [100, 100] }) }));
    expect(result.status).toBe('contradicted');
    expect(result.gap).toBe('claims 100% coverage; measured over the files measured at base: lines 41.66% — 14 files were removed from measurement');
    expect(result.evidence).toContain('coverage coverage/head.info as reported: lines 100% (100/100), functions nothing measured (0/0), branches nothing measured (0/0)');
    expect(result.evidence.at(-1)).toMatch(/^measured at base, not at head: src\/gen\/f0\.ts, src\/gen\/f1\.ts, .*, and 4 more$/);
  });

  it('contradicts an unnamed 100% when one metric falls short, naming it', () => {
    const result = check(full, evidence({ headCoverage: lcov('lcov.info', { 'src/a.ts': [10, 10, 10, 9] }) }));
    expect(result.status).toBe('contradicted');
    expect(result.gap).toBe('claims 100% coverage; measured by lcov.info (no base report to check its file set against): branches 90%');
  });

  it('holds an unnamed figure below 100 to lines, and a named one to each metric named', () => {
    const head = lcov('lcov.info', { 'src/a.ts': [100, 95, 10, 5] });
    expect(check(claim({ kind: 'coverage', metrics: [], percent: 90, relation: 'exactly' }), evidence({ headCoverage: head })).status).toBe('supported');
    const named = check(claim({ kind: 'coverage', metrics: ['lines', 'branches'], percent: 90, relation: 'at-least' }), evidence({ headCoverage: head }));
    expect(named.status).toBe('contradicted');
    expect(named.gap).toBe('claims at least 90% lines, branches coverage; measured by lcov.info (no base report to check its file set against): branches 50%');
  });

  it('allows for rounding to the precision written, but not for 100%', () => {
    const at = (covered: number) => evidence({ headCoverage: lcov('lcov.info', { 'src/a.ts': [10000, covered] }) });
    const claimed = (percent: number) => claim({ kind: 'coverage', metrics: ['lines'], percent, relation: 'exactly' });
    expect(check(claimed(92.5), at(9245)).status).toBe('supported');
    expect(check(claimed(92.5), at(9244)).status).toBe('contradicted');
    expect(check(claimed(85), at(8450)).status).toBe('supported');
    expect(check(claimed(85), at(8449)).status).toBe('contradicted');
    expect(check(claimed(85), at(9900)).status).toBe('supported');
    expect(check(claimed(100), at(9999)).status).toBe('contradicted');
    expect(check(claimed(100), at(9999)).gap).toContain('lines 99.99%');
  });

  it('contradicts 100% with matching figures when the change narrowed, lowered or pragma-ed coverage', () => {
    const pragma = finding('coverage/ignore-pragma', 'coverage-pragma', 'src/a.ts', 12, 'Added `/* istanbul ignore next */` excluding `refund()`');
    const result = check(full, evidence({ headCoverage: lcov('lcov.info', { 'src/a.ts': [10, 10] }), findings: [pragma] }));
    expect(result.status).toBe('contradicted');
    expect(result.gap).toBe('claims 100% coverage, and the figures say so, but this change moved the goalposts: src/a.ts:12 (Added `/* istanbul ignore next */` excluding `refund()`)');
    expect(result.evidence).toContain('coverage/ignore-pragma src/a.ts:12: Added `/* istanbul ignore next */` excluding `refund()`');
  });

  it('a finding the base policy ignores does not take the claim back', () => {
    const pragma = finding('coverage/ignore-pragma', 'coverage-pragma', 'src/a.ts', 12, 'pragma', true);
    expect(check(full, evidence({ headCoverage: lcov('lcov.info', { 'src/a.ts': [10, 10] }), findings: [pragma] })).status).toBe('supported');
  });

  it('is unverifiable without a coverage report, saying what would decide it', () => {
    const result = check(full, evidence());
    expect(result.status).toBe('unverifiable');
    expect(result.evidence).toEqual([]);
    expect(result.gap).toBe('no coverage report: run `gatehouse audit --check` with a coverage gate, or pass --coverage-base and --coverage-head');
  });

  it('is unverifiable for a metric the format does not measure', () => {
    const result = check(claim({ kind: 'coverage', metrics: ['statements'], percent: 100, relation: 'exactly' }), evidence({ headCoverage: lcov('lcov.info', { 'src/a.ts': [10, 10] }) }));
    expect(result.status).toBe('unverifiable');
    expect(result.gap).toContain('does not measure statements');
  });

  it('compares the coverage evidence of base and head gate runs when no reports were passed', () => {
    const base = lcov('base/lcov.info', { 'src/a.ts': [10, 10], 'src/b.ts': [10, 5] });
    const head = lcov('head/lcov.info', { 'src/a.ts': [10, 10] });
    const result = check(
      full,
      evidence({ gates: { base: run(gate('cov', 'coverage', 'passed', [{ kind: 'coverage', report: base }])), head: run(gate('cov', 'coverage', 'passed', [{ kind: 'coverage', report: head }])) } }),
    );
    expect(result.status).toBe('contradicted');
    expect(result.gap).toBe('claims 100% coverage; measured over the files measured at base: lines 50% — 1 file was removed from measurement');
  });

  it('a file the change deleted is not counted against head', () => {
    const base = lcov('base/lcov.info', { 'src/a.ts': [10, 10], 'src/old.ts': [10, 5] });
    const head = lcov('head/lcov.info', { 'src/a.ts': [10, 10] });
    const result = check(
      full,
      evidence({
        diff: diff({ 'src/old.ts': 'deleted' }),
        gates: { base: run(gate('cov', 'coverage', 'passed', [{ kind: 'coverage', report: base }])), head: run(gate('cov', 'coverage', 'passed', [{ kind: 'coverage', report: head }])) },
      }),
    );
    expect(result.status).toBe('supported');
  });
});

// ----- tests pass -----

describe('verifyClaims: tests pass', () => {
  const all = claim({ kind: 'tests-pass', count: null });
  const three = claim({ kind: 'tests-pass', count: 3 });
  const green = testRun('reports/junit.xml', { 'test/cart.test.ts › cart › adds': 'passed', 'test/cart.test.ts › cart › removes': 'passed', 'test/cart.test.ts › cart › applies the discount': 'passed' });

  it('supports with a head JUnit report that has every test passing and the claimed count', () => {
    const result = check(three, evidence({ tests: { base: null, head: green } }));
    expect(result).toMatchObject({ status: 'supported', gap: null, evidence: ['junit reports/junit.xml: 3 passed of 3'] });
  });

  it('contradicts a count that does not match', () => {
    const result = check(claim({ kind: 'tests-pass', count: 142 }), evidence({ tests: { base: null, head: green } }));
    expect(result.status).toBe('contradicted');
    expect(result.gap).toBe('claims 142 tests pass; claims 142 passing, the head run has 3 passing of 3');
  });

  it('contradicts with failures, errors and skips named', () => {
    const head = testRun('reports/junit.xml', { 'a › fails': 'failed', 'a › errors': 'error', 'a › skipped': 'skipped', 'a › ok': 'passed' });
    const result = check(all, evidence({ tests: { base: null, head } }));
    expect(result.status).toBe('contradicted');
    expect(result.evidence).toEqual(['junit reports/junit.xml: 1 passed, 1 failed, 1 errors, 1 skipped of 4']);
    expect(result.gap).toBe("claims the tests pass; 2 tests failed at head: 'a › fails', 'a › errors'; 1 test was skipped at head: 'a › skipped'");
  });

  it('contradicts when tests that ran at base did not run at head', () => {
    const base = testRun('base.xml', { 'a › one': 'passed', 'a › two': 'passed', 'a › was skipped': 'skipped' });
    const head = testRun('head.xml', { 'a › one': 'passed' });
    const result = check(all, evidence({ tests: { base, head } }));
    expect(result.status).toBe('contradicted');
    expect(result.gap).toBe("claims the tests pass; 1 test that ran at base did not run at head: 'a › two'");
  });

  it('follows renamed test files, leaves deleted ones to tests/deleted, and defers to tests/not-run', () => {
    const base = testRun('base.xml', { 'test/a.test.ts › one': 'passed', 'test/old.test.ts › gone': 'passed', 'test/b.test.ts › two': 'passed' });
    const head = testRun('head.xml', { 'test/a.test.ts › one': 'passed', 'test/b2.test.ts › two': 'passed' });
    const changes = diff({ 'test/old.test.ts': 'deleted', 'test/b.test.ts -> test/b2.test.ts': 'renamed' });
    expect(check(all, evidence({ tests: { base, head }, diff: changes })).status).toBe('supported');
    const notRun = finding('tests/not-run', 'evidence', 'test/c.test.ts', 0, 'base ran 3, head ran 2: c');
    const result = check(all, evidence({ tests: { base, head: testRun('head.xml', { 'test/a.test.ts › one': 'passed' }) }, diff: changes, findings: [notRun] }));
    expect(result.gap).toBe('claims the tests pass; 1 test was not run at head: test/c.test.ts (base ran 3, head ran 2: c)');
  });

  it('a test skipped at base too was not skipped by this change', () => {
    const base = testRun('base.xml', { 'a › one': 'passed', 'a › pending': 'skipped' });
    const head = testRun('head.xml', { 'a › one': 'passed', 'a › pending': 'skipped', 'a › new': 'skipped' });
    const result = check(all, evidence({ tests: { base, head } }));
    expect(result.gap).toBe("claims the tests pass; 1 test was skipped at head and not at base: 'a › new'");
    expect(check(all, evidence({ tests: { base, head: base } })).status).toBe('supported');
  });

  it('contradicts "all tests pass" when the change skipped a test, even with a green run', () => {
    const skipped = finding('tests/disabled', 'test-disabled', 'test/cart.test.ts', 12, "Test 'applies the discount' is now skipped (`it.skip`)");
    const result = check(all, evidence({ tests: { base: null, head: green }, findings: [skipped] }));
    expect(result.status).toBe('contradicted');
    expect(result.gap).toBe("claims the tests pass; 1 test was skipped by this change: test/cart.test.ts:12 (Test 'applies the discount' is now skipped (`it.skip`))");
    expect(result.evidence).toContain("tests/disabled test/cart.test.ts:12: Test 'applies the discount' is now skipped (`it.skip`)");
  });

  it('names deleted tests, a narrowed runner and tests that cannot fail', () => {
    const result = check(
      all,
      evidence({
        tests: { base: null, head: green },
        findings: [
          finding('tests/deleted', 'test-deleted', 'test/a.test.ts', 3, "Test 'a' deleted"),
          finding('tests/runner-narrowed', 'test-runner', 'vitest.config.ts', 5, 'The test runner no longer collects 2 test files'),
          finding('tests/no-assertions', 'test-assertions', 'test/b.test.ts', 9, "Test 'b' asserts nothing"),
          finding('lint/suppression', 'lint-suppression', 'src/x.ts', 1, 'not about tests'),
        ],
      }),
    );
    expect(result.gap).toBe(
      "claims the tests pass; 1 test was deleted by this change: test/a.test.ts:3 (Test 'a' deleted); 1 test was left out of the run by this change: vitest.config.ts:5 (The test runner no longer collects 2 test files); 1 test was made unable to fail by this change: test/b.test.ts:9 (Test 'b' asserts nothing)",
    );
  });

  it('a failed test gate contradicts; a passed gate with JUnit evidence supports', () => {
    const failed = check(all, evidence({ gates: { base: null, head: run(gate('unit', 'test', 'failed', [], 'exited 1')) } }));
    expect(failed.status).toBe('contradicted');
    expect(failed.gap).toBe('claims the tests pass; gate unit failed: exited 1');
    expect(failed.evidence).toEqual(['gate unit (test) at head: failed (exited 1)']);
    const passed = check(three, evidence({ gates: { base: null, head: run(gate('unit', 'test', 'passed', [{ kind: 'tests', report: green }])) } }));
    expect(passed.status).toBe('supported');
    expect(passed.evidence).toEqual(['junit reports/junit.xml: 3 passed of 3', 'gate unit (test) at head: passed']);
  });

  it('a timed-out e2e gate contradicts', () => {
    const result = check(all, evidence({ tests: { base: null, head: green }, gates: { base: null, head: run(gate('e2e', 'e2e', 'timed-out', [], 'timed out after 10m')) } }));
    expect(result.status).toBe('contradicted');
    expect(result.gap).toBe('claims the tests pass; gate e2e timed-out: timed out after 10m');
  });

  it('a run of zero tests contradicts', () => {
    const result = check(all, evidence({ tests: { base: null, head: testRun('junit.xml', {}) } }));
    expect(result.status).toBe('contradicted');
    expect(result.gap).toBe('claims the tests pass; the head test run reported zero tests');
  });

  it('is unverifiable from a passed gate without JUnit, a gate that did not run, or nothing', () => {
    const noJunit = check(all, evidence({ gates: { base: null, head: run(gate('unit', 'test', 'passed')) } }));
    expect(noJunit.status).toBe('unverifiable');
    expect(noJunit.gap).toContain('left no JUnit report');
    const notRun = check(all, evidence({ gates: { base: null, head: run(gate('unit', 'test', 'not-run', [], "not run: needs 'build', which failed")) } }));
    expect(notRun.status).toBe('unverifiable');
    expect(notRun.gap).toBe('the test gate did not complete: unit not-run');
    const nothing = check(all, evidence());
    expect(nothing).toMatchObject({ status: 'unverifiable', evidence: [] });
    expect(nothing.gap).toContain('no test results');
  });
});

// ----- lint, types, build -----

describe('verifyClaims: lint, type check and build', () => {
  const lint = claim({ kind: 'lint-clean' });
  const types = claim({ kind: 'types-clean' });
  const build = claim({ kind: 'build-passes' });
  const eslintReport = (errors: number) => ({
    format: 'eslint-json' as const,
    sourceName: 'reports/eslint.json',
    tool: 'eslint',
    problems: errors === 0 ? [] : [{ file: 'src/cart.ts', line: 4, ruleId: 'no-unused-vars', severity: 'error' as const, message: "'x' is assigned a value but never used." }],
    errorCount: errors,
    warningCount: 2,
    filesLinted: 120,
  });

  it('supports from a passed gate, quoting its report', () => {
    const result = check(lint, evidence({ gates: { base: null, head: run(gate('lint', 'lint', 'passed', [{ kind: 'lint', report: eslintReport(0) }])) } }));
    expect(result).toMatchObject({ status: 'supported', gap: null });
    expect(result.evidence).toEqual(['gate lint (lint) at head: passed', 'eslint reports/eslint.json: 0 errors, 2 warnings in 120 files']);
  });

  it('contradicts from a failed gate, with the first error', () => {
    const result = check(lint, evidence({ gates: { base: null, head: run(gate('lint', 'lint', 'failed', [{ kind: 'lint', report: eslintReport(1) }])) } }));
    expect(result.status).toBe('contradicted');
    expect(result.gap).toBe("claims the lint passes; gate lint failed (exited 1); eslint reports/eslint.json reports 1 error, first src/cart.ts:4 no-unused-vars 'x' is assigned a value but never used.");
  });

  it('contradicts a green gate whose own report has errors', () => {
    const result = check(lint, evidence({ gates: { base: null, head: run(gate('lint', 'lint', 'passed', [{ kind: 'lint', report: eslintReport(1) }])) } }));
    expect(result.status).toBe('contradicted');
    expect(result.gap).toMatch(/^claims the lint is clean; eslint reports\/eslint\.json reports 1 error/);
  });

  it('contradicts "clean" when the gate is green because the change told it to look away', () => {
    const suppression = finding('lint/suppression', 'lint-suppression', 'src/log.ts', 1, 'Added `eslint-disable` disabling every rule in the whole file');
    const relaxed = finding('lint/rule-relaxed', 'lint-config', 'eslint.config.js', 9, 'no-explicit-any turned off');
    const result = check(lint, evidence({ findings: [suppression, relaxed], gates: { base: null, head: run(gate('lint', 'lint', 'passed')) } }));
    expect(result.status).toBe('contradicted');
    expect(result.gap).toBe(
      'claims the lint is clean, but this change told it to look away 2 times: src/log.ts:1 (Added `eslint-disable` disabling every rule in the whole file); eslint.config.js:9 (no-explicit-any turned off)',
    );
  });

  it('types: a type suppression or a loosened tsconfig contradicts; tsc output is quoted', () => {
    const tsc = { format: 'tsc' as const, sourceName: 'tsc output', diagnostics: [], errorCount: 0, statedErrorCount: null };
    const head = run(gate('types', 'typecheck', 'passed', [{ kind: 'typecheck', report: tsc }]));
    expect(check(types, evidence({ gates: { base: null, head } }))).toMatchObject({ status: 'supported', evidence: ['gate types (typecheck) at head: passed', 'tsc tsc output: 0 errors'] });
    const ignore = finding('types/suppression', 'type-suppression', 'src/a.ts', 7, 'Added `@ts-expect-error`');
    const result = check(types, evidence({ findings: [ignore], gates: { base: null, head } }));
    expect(result.status).toBe('contradicted');
    expect(result.gap).toBe('claims the type check is clean, but this change told it to look away: src/a.ts:7 (Added `@ts-expect-error`)');
    const strict = finding('types/strictness-lowered', 'type-strictness', 'tsconfig.json', 3, '`strict` turned off');
    expect(check(types, evidence({ findings: [strict] })).status).toBe('contradicted');
  });

  it('types: tsc errors in the evidence of a failed gate are quoted', () => {
    const tsc = {
      format: 'tsc' as const,
      sourceName: 'tsc output',
      diagnostics: [{ file: 'src/a.ts', line: 3, column: 1, code: 'TS2322', category: 'error' as const, message: "Type 'string' is not assignable to type 'number'." }],
      errorCount: 1,
      statedErrorCount: 1,
    };
    const result = check(types, evidence({ gates: { base: null, head: run(gate('types', 'typecheck', 'failed', [{ kind: 'typecheck', report: tsc }], 'exited 2')) } }));
    expect(result.gap).toBe("claims the type check passes; gate types failed (exited 2); tsc tsc output reports 1 error, first src/a.ts:3 TS2322 Type 'string' is not assignable to type 'number'.");
  });

  it('build: supported, contradicted, and unverifiable without a gate or when it did not run', () => {
    expect(check(build, evidence({ gates: { base: null, head: run(gate('build', 'build', 'passed')) } })).status).toBe('supported');
    expect(check(build, evidence({ gates: { base: null, head: run(gate('build', 'build', 'failed')) } })).gap).toBe('claims the build passes; gate build failed (exited 1)');
    const cancelled = check(build, evidence({ gates: { base: null, head: run(gate('build', 'build', 'cancelled', [], 'cancelled')) } }));
    expect(cancelled).toMatchObject({ status: 'unverifiable', gap: 'the build gate did not run to the end: build cancelled' });
    const none = check(build, evidence({ gates: { base: null, head: run(gate('unit', 'test', 'passed')) } }));
    expect(none).toMatchObject({ status: 'unverifiable', evidence: [], gap: 'no build gate ran: run `gatehouse audit --check` with a gate of kind build in gatehouse.yml' });
  });
});

// ----- behaviour, scope, tests added/updated, issues -----

describe('verifyClaims: behaviour, scope, tests added or updated, issues', () => {
  it('no behaviour change: a rewritten expectation contradicts; otherwise it cannot be proved', () => {
    const same = claim({ kind: 'no-behaviour-change' });
    const rewritten = finding('tests/expectation-rewritten', 'test-assertions', 'test/price.test.ts', 8, "Expected value of 'rounds half up' rewritten while src/price.ts changed: 10 → 11");
    const result = check(same, evidence({ findings: [rewritten, finding('tests/no-assertions', 'test-assertions', 'test/x.test.ts', 1, 'not a behaviour finding')] }));
    expect(result.status).toBe('contradicted');
    expect(result.gap).toBe(
      "claims no behaviour change, but 1 test expectation was changed with the code — a test had to be told the new behaviour: test/price.test.ts:8 (Expected value of 'rounds half up' rewritten while src/price.ts changed: 10 → 11)",
    );
    const open = check(same, evidence());
    expect(open.status).toBe('unverifiable');
    expect(open.gap).toContain('a static audit cannot prove two revisions behave the same');
  });

  it('only touched: directories, files and globs; files outside are listed, up to 10', () => {
    const only = (...paths: string[]) => claim({ kind: 'only-touched', paths });
    const changes = diff({ 'src/auth/login.ts': 'modified', 'src/auth/token.ts': 'added', 'test/auth/login.test.ts': 'modified' });
    expect(check(only('src/auth/', 'test/auth'), evidence({ diff: changes }))).toMatchObject({ status: 'supported', evidence: ['diff: 3 files changed, all within src/auth/, test/auth'] });
    expect(check(only('src/auth/**', 'test/**/*.test.ts'), evidence({ diff: changes })).status).toBe('supported');
    const narrow = check(only('src/auth/login.ts'), evidence({ diff: changes }));
    expect(narrow.status).toBe('contradicted');
    expect(narrow.gap).toBe('claims only src/auth/login.ts changed; 2 files outside it changed: src/auth/token.ts, test/auth/login.test.ts');
    const many: Record<string, DiffEntry['status']> = {};
    for (let index = 0; index < 13; index++) many[`lib/f${String(index).padStart(2, '0')}.ts`] = 'modified';
    expect(check(only('src/'), evidence({ diff: diff(many) })).gap).toBe(
      'claims only src/ changed; 13 files outside it changed: lib/f00.ts, lib/f01.ts, lib/f02.ts, lib/f03.ts, lib/f04.ts, lib/f05.ts, lib/f06.ts, lib/f07.ts, lib/f08.ts, lib/f09.ts, and 3 more',
    );
    // A file renamed into the claimed directory still changed where it came from.
    expect(check(only('src/'), evidence({ diff: diff({ 'config/a.ts -> src/a.ts': 'renamed' }) })).gap).toBe('claims only src/ changed; 1 file outside it changed: config/a.ts');
    // "src/auth" is not a prefix of "src/authz/".
    expect(check(only('src/auth'), evidence({ diff: diff({ 'src/authz/x.ts': 'modified' }) })).status).toBe('contradicted');
  });

  it('tests added: an added test file or new test ids support; no test file contradicts', () => {
    const added = claim({ kind: 'tests-added', subject: 'the discount code' });
    expect(check(added, evidence({ diff: diff({ 'src/discount.ts': 'modified', 'test/discount.test.ts': 'added' }) }))).toMatchObject({
      status: 'supported',
      evidence: ['diff adds 1 test file: test/discount.test.ts'],
    });
    const base = testRun('base.xml', { 'test/cart.test.ts › adds': 'passed' });
    const head = testRun('head.xml', { 'test/cart.test.ts › adds': 'passed', 'test/cart.test.ts › applies discount': 'passed' });
    const inExisting = check(added, evidence({ diff: diff({ 'test/cart.test.ts': 'modified' }), tests: { base, head } }));
    expect(inExisting.status).toBe('supported');
    expect(inExisting.evidence).toEqual(["junit head.xml: 1 test not in base.xml ('test/cart.test.ts › applies discount')"]);
    const none = check(added, evidence({ diff: diff({ 'src/discount.ts': 'modified' }) }));
    expect(none).toMatchObject({ status: 'contradicted', gap: 'claims tests were added for the discount code; the change touches no test file' });
    const noNewIds = check(added, evidence({ diff: diff({ 'test/cart.test.ts': 'modified' }), tests: { base, head: base } }));
    expect(noNewIds.status).toBe('contradicted');
    expect(noNewIds.gap).toBe('claims tests were added for the discount code; test files changed, but the head run has no test the base run did not');
    const open = check(added, evidence({ diff: diff({ 'tests/test_price.py': 'modified' }) }));
    expect(open.status).toBe('unverifiable');
  });

  it('tests updated: a changed test file supports; none contradicts', () => {
    const updated = claim({ kind: 'tests-updated' });
    expect(check(updated, evidence({ diff: diff({ 'src/__tests__/cart.ts': 'modified' }) })).status).toBe('supported');
    expect(check(updated, evidence({ diff: diff({ 'src/cart.ts': 'modified' }) }))).toMatchObject({ status: 'contradicted', gap: 'claims the tests were updated; the change touches no test file' });
  });

  it('fixes issue: unverifiable, saying what would decide it', () => {
    const result = check(claim({ kind: 'fixes-issue', issue: 12 }), evidence());
    expect(result.status).toBe('unverifiable');
    expect(result.gap).toContain('#12');
  });

  it('keeps the claims in order and never reads the claim text', () => {
    const claims = [claim({ kind: 'build-passes' }), claim({ kind: 'lint-clean' })];
    const results = verifyClaims(claims, evidence({ gates: { base: null, head: run(gate('lint', 'lint', 'failed')) } }));
    expect(results.map((result) => [result.claim.kind, result.status])).toEqual([
      ['build-passes', 'unverifiable'],
      ['lint-clean', 'contradicted'],
    ]);
  });
});
