import { describe, expect, it } from 'vitest';

import { parseJUnit } from '../../src/evidence/tests/junit.js';
import type { TestResult, TestRunReport } from '../../src/evidence/tests/model.js';
import { parseEvidence } from '../../src/evidence/parse.js';
import { fixture, inputError } from './helpers.js';

const byId = (report: TestRunReport) => new Map(report.tests.map((t) => [t.id, t]));
const brief = (t: TestResult) => ({ file: t.file, suite: t.suite, name: t.name, outcome: t.outcome, flaky: t.flaky, retries: t.retries });

describe('parseJUnit on real reporter outputs', () => {
  it('vitest: classname is the file, the name is the describe path joined by " > "', () => {
    const report = parseJUnit(fixture('vitest.junit.xml'), 'vitest.xml');
    expect(report.tests.map(brief)).toEqual([
      { file: 'src/cart.test.ts', suite: ['cart'], name: 'adds items', outcome: 'passed', flaky: false, retries: 0 },
      { file: 'src/cart.test.ts', suite: ['cart', 'totals'], name: 'sums', outcome: 'failed', flaky: false, retries: 0 },
      { file: 'src/cart.test.ts', suite: ['cart'], name: 'skipped one', outcome: 'skipped', flaky: false, retries: 0 },
    ]);
    expect(report.tests[1]!.id).toBe('src/cart.test.ts › cart › totals › sums');
    expect(report.tests[1]!.message).toBe('expected 3 to be 4');
    expect(report.totals).toEqual({ tests: 3, passed: 1, failed: 1, errors: 0, skipped: 1 });
  });

  it('jest-junit defaults: no file, the suite is the first describe, classname = name is not repeated', () => {
    const report = parseJUnit(fixture('jest-junit.junit.xml'), 'jest.xml');
    const tests = byId(report);
    expect(brief(tests.get('cart › cart totals sums prices')!)).toEqual({ file: null, suite: ['cart'], name: 'cart totals sums prices', outcome: 'failed', flaky: false, retries: 0 });
    expect(tests.get('cart › cart totals applies discounts')!.outcome).toBe('skipped');
    // addFileAttribute: the testcase's file attribute is the file.
    expect(brief(tests.get('src/format.test.js › format › format money')!)).toMatchObject({ file: 'src/format.test.js', suite: ['format'], outcome: 'passed' });
    expect(report.tests[1]!.message).toBe('Error: expect(received).toBe(expected) // Object.is equality');
    // The root says tests="5"; the report has 5 testcases; totals are counted, not copied.
    expect(report.totals).toEqual({ tests: 5, passed: 3, failed: 1, errors: 0, skipped: 1 });
  });

  it('pytest xunit2: file from the dotted classname, classes as suites, error kept apart from failure, xfail is skipped', () => {
    const report = parseJUnit(fixture('pytest-xunit2.junit.xml'), 'pytest.xml', { knownPaths: new Set(['tests/test_cart.py', 'tests/conftest.py']) });
    expect(report.tests.map((t) => t.id)).toEqual([
      'tests/test_cart.py › test_add',
      'tests/test_cart.py › TestTotals › test_sum[1-2-3]',
      'tests/test_cart.py › TestTotals › test_sum[2-2-5]',
      'tests/test_cart.py › test_db',
      'tests/test_cart.py › test_slow',
      'tests/test_cart.py › test_known_bug',
    ]);
    const tests = byId(report);
    expect(tests.get('tests/test_cart.py › test_db')).toMatchObject({ outcome: 'error', message: 'failed on setup with "ConnectionRefusedError: [Errno 111] Connection refused"' });
    expect(tests.get('tests/test_cart.py › test_slow')).toMatchObject({ outcome: 'skipped', message: 'slow' });
    // Numeric character references are decoded: the message is the first line of "assert 4 == 5&#10;…".
    const multiLine = fixture('pytest-xunit2.junit.xml').replace('message="assert 4 == 5"', 'message="assert 4 == 5&#10; +  where 4 = add(2, 2)"');
    expect(byId(parseJUnit(multiLine, 'p.xml')).get('tests/test_cart.py › TestTotals › test_sum[2-2-5]')!.message).toBe('assert 4 == 5');
    expect(report.totals).toEqual({ tests: 6, passed: 2, failed: 1, errors: 1, skipped: 2 });
  });

  it('pytest without known paths: the module ends before the first capitalised part', () => {
    const report = parseJUnit(fixture('pytest-xunit2.junit.xml'), 'pytest.xml');
    expect(report.tests[1]).toMatchObject({ file: 'tests/test_cart.py', suite: ['TestTotals'], name: 'test_sum[1-2-3]' });
  });

  it('pytest xunit1 with a root <testsuite>: the file attribute wins, captured output is not read', () => {
    const report = parseJUnit(fixture('pytest-xunit1-legacy.junit.xml'), 'legacy.xml');
    expect(report.tests.map(brief)).toEqual([
      { file: 'pkg/tests/test_io.py', suite: ['TestRead'], name: 'test_read', outcome: 'passed', flaky: false, retries: 0 },
      { file: 'pkg/tests/test_io.py', suite: [], name: 'test_write', outcome: 'passed', flaky: false, retries: 0 },
    ]);
  });

  it('pytest xunit1: the file attribute tells where the module ends, even before a lower-case class', () => {
    const xml = '<testsuite name="pytest"><testcase classname="tests.test_io.test_helpers" file="tests/test_io.py" line="4" name="test_read"/></testsuite>';
    expect(parseJUnit(xml, 'x.xml').tests[0]).toMatchObject({ id: 'tests/test_io.py › test_helpers › test_read', file: 'tests/test_io.py', suite: ['test_helpers'] });
  });

  it('jest-junit with suiteNameTemplate "{filepath}": the suite name is the file', () => {
    const xml = '<testsuites name="jest tests"><testsuite name="src/cart.test.js" tests="1"><testcase classname="cart adds" name="cart adds" time="0.1"/></testsuite></testsuites>';
    expect(parseJUnit(xml, 'x.xml').tests[0]).toMatchObject({ id: 'src/cart.test.js › cart adds', file: 'src/cart.test.js', suite: [] });
  });

  it('Playwright: projects are part of the id, flaky and rerun elements are read', () => {
    const report = parseJUnit(fixture('playwright.junit.xml'), 'pw.xml', { knownPaths: new Set(['e2e/login.spec.ts']) });
    const tests = byId(report);
    expect(brief(tests.get('[chromium] › e2e/login.spec.ts › login › signs in')!)).toEqual({ file: 'e2e/login.spec.ts', suite: ['login'], name: 'signs in', outcome: 'passed', flaky: true, retries: 1 });
    expect(brief(tests.get('[chromium] › e2e/login.spec.ts › login › rejects a bad password')!)).toMatchObject({ outcome: 'failed', flaky: false, retries: 1 });
    expect(tests.get('[firefox] › e2e/login.spec.ts › login › signs in')!.outcome).toBe('passed');
    expect(report.totals).toEqual({ tests: 4, passed: 2, failed: 1, errors: 0, skipped: 1 });
  });

  it('mocha-junit-reporter: the file from <testsuite file>, "Root Suite" left out, full title as name', () => {
    const report = parseJUnit(fixture('mocha.junit.xml'), 'mocha.xml', { repoRoot: '/home/runner/work/app/app' });
    expect(report.tests.map((t) => t.id)).toEqual([
      'test/parser.spec.js › parser › parser reads numbers',
      'test/parser.spec.js › parser › parser rejects garbage',
      'test/parser.spec.js › parser › parser handles unicode',
      'test/parser.spec.js › strings › parser strings escapes quotes',
    ]);
    expect(report.totals).toEqual({ tests: 4, passed: 2, failed: 1, errors: 0, skipped: 1 });
  });

  it('nested <testsuite>s (Ant-style writers): suite names outermost first, the file inherited, the root suite left out', () => {
    const xml = `<testsuites name="Mocha Tests">
  <testsuite name="Root Suite" tests="0">
    <testsuite name="parser" file="/ci/app/test/parser.spec.js" tests="1">
      <testcase name="reads numbers" classname="reads numbers"/>
      <testsuite name="unicode" tests="1">
        <testcase name="reads emoji" classname="reads emoji"><skipped/></testcase>
      </testsuite>
    </testsuite>
  </testsuite>
</testsuites>`;
    const report = parseJUnit(xml, 'nested.xml', { repoRoot: '/ci/app' });
    expect(report.tests.map((t) => [t.id, t.outcome])).toEqual([
      ['test/parser.spec.js › parser › reads numbers', 'passed'],
      ['test/parser.spec.js › parser › unicode › reads emoji', 'skipped'],
    ]);
  });

  it('surefire: flakyFailure/flakyError mean passed on retry, rerunFailure an extra failed attempt, duplicates merged', () => {
    const report = parseJUnit(fixture('surefire-reruns.junit.xml'), 'surefire.xml');
    expect(report.tests.map(brief)).toEqual([
      { file: null, suite: ['com.example.CartTest'], name: 'addsItem', outcome: 'passed', flaky: true, retries: 2 },
      { file: null, suite: ['com.example.CartTest'], name: 'sums', outcome: 'failed', flaky: false, retries: 1 },
      { file: null, suite: ['com.example.CartTest'], name: 'empties', outcome: 'passed', flaky: false, retries: 1 },
    ]);
  });

  it('duplicated testcases per attempt (Gradle): failed then passed is flaky and passed', () => {
    const report = parseJUnit(fixture('gradle-duplicated-retries.junit.xml'), 'gradle.xml');
    expect(report.tests.map(brief)).toEqual([
      { file: null, suite: ['com.example.NetTest'], name: 'connects', outcome: 'passed', flaky: true, retries: 1 },
      { file: null, suite: ['com.example.NetTest'], name: 'reads', outcome: 'passed', flaky: false, retries: 0 },
    ]);
    expect(report.totals.tests).toBe(2);
  });

  it('pytest-rerunfailures 16.6.1 writes each failed rerun as an empty testcase: the last attempt decides', () => {
    const report = parseJUnit(fixture('pytest-rerunfailures.junit.xml'), 'rerun.xml');
    expect(report.tests.map(brief)).toEqual([
      { file: 'test_rerun.py', suite: [], name: 'test_always_fails', outcome: 'failed', flaky: false, retries: 2 },
      { file: 'test_rerun.py', suite: [], name: 'test_eventually_passes', outcome: 'passed', flaky: false, retries: 1 },
    ]);
    expect(report.totals).toEqual({ tests: 2, passed: 1, failed: 1, errors: 0, skipped: 0 });
  });

  it('ids do not depend on durations, timestamps or machine names', () => {
    const text = fixture('vitest.junit.xml');
    const other = text.replaceAll(/time="[^"]*"/g, 'time="9.99"').replace('hostname="runner"', 'hostname="fv-az-1"').replace(/timestamp="[^"]*"/, 'timestamp="2030-01-01T00:00:00Z"');
    expect(parseJUnit(other, 'b.xml').tests.map((t) => t.id)).toEqual(parseJUnit(text, 'a.xml').tests.map((t) => t.id));
  });

  it('control characters in names do not reach ids', () => {
    const xml = '<testsuites><testsuite name="s&#10;x"><testcase classname="c" name="two&#10;lines &#27;[31mred &#x1F600; &lt;b&gt; &amp;amp; &#0;"/></testsuite></testsuites>';
    const id = parseJUnit(xml, 'x.xml').tests[0]!.id;
    expect(id).toBe('s x › c › two lines  [31mred 😀 <b> &amp; \uFFFD');
    expect(Array.from(id, (ch) => ch.charCodeAt(0)).every((code) => code >= 0x20)).toBe(true);
  });

  it('a run of zero tests is a valid, empty report', () => {
    const report = parseJUnit('<testsuites name="vitest tests" tests="0"></testsuites>', 'empty.xml');
    expect(report.tests).toEqual([]);
    expect(report.totals.tests).toBe(0);
  });

  it('parseEvidence dispatches junit and coverage', () => {
    expect(parseEvidence('junit', fixture('vitest.junit.xml'), 'v.xml').kind).toBe('tests');
    expect(parseEvidence('coverage', fixture('vitest-v8.lcov.info'), 'lcov.info').kind).toBe('coverage');
  });
});

describe('parseJUnit errors', () => {
  it('names the source and the line of malformed XML', () => {
    const text = fixture('vitest.junit.xml').replace('</testcase>\n        <testcase classname="src/cart.test.ts" name="cart &gt; totals', '<testcase classname="src/cart.test.ts" name="cart &gt; totals');
    expect(inputError(() => parseJUnit(text, 'reports/junit.xml'), 'reports/junit.xml')).toMatch(/^reports\/junit\.xml:\d+:\d+: invalid XML: /);
    expect(inputError(() => parseJUnit('<testsuites><testcase name="a">', 'r.xml'), 'r.xml')).toMatch(/not closed \(truncated\?\)/);
  });

  it('rejects documents that are not JUnit: coverage XML, HTML, JSON, empty', () => {
    expect(inputError(() => parseJUnit(fixture('pytest-cov.coverage.xml'), 'j.xml'), 'j.xml')).toMatch(/not a JUnit report: root element <coverage>/);
    expect(inputError(() => parseJUnit('<!DOCTYPE html><html><body><p>Bad gateway</p></body></html>', 'j.xml'), 'j.xml')).toMatch(/not a JUnit report: root element <html>/);
    expect(inputError(() => parseJUnit('<html><head><meta charset="utf-8"></head></html>', 'j.xml'), 'j.xml')).toMatch(/invalid XML/);
    expect(inputError(() => parseJUnit('{"numTotalTests": 3}', 'j.xml'), 'j.xml')).toMatch(/expected JUnit XML, got JSON/);
    expect(inputError(() => parseJUnit('  \n', 'j.xml'), 'j.xml')).toMatch(/empty input/);
  });

  it('rejects a testcase without a name, naming where it is', () => {
    expect(inputError(() => parseJUnit('<testsuites><testsuite name="s"><testcase classname="a"/></testsuite></testsuites>', 'j.xml'), 'j.xml')).toBe(
      'j.xml:/testsuites/testsuite[1]/testcase[1]: <testcase> without a name',
    );
  });
});
