import { describe, expect, it } from 'vitest';

import { InputError } from '../../src/core/errors.js';
import { parseEslintJson } from '../../src/evidence/lint/eslint-json.js';
import type { LintReport } from '../../src/evidence/lint/model.js';
import { parseSarif } from '../../src/evidence/lint/sarif.js';
import { parseEvidence } from '../../src/evidence/parse.js';
import { parseJUnit } from '../../src/evidence/tests/junit.js';
import type { TestRunReport } from '../../src/evidence/tests/model.js';
import type { TypecheckReport } from '../../src/evidence/typecheck/model.js';
import { parseTscOutput } from '../../src/evidence/typecheck/tsc.js';
import { fixture, flipped, prng } from './helpers.js';

/**
 * Property tests for the test-run, lint and tsc parsers, in the style of coverage-fuzz: whatever
 * the input, a parser returns a well-formed report or throws an InputError with a one-line
 * message naming the source; never another exception. Seeds are fixed so failures reproduce.
 */

type Report = TestRunReport | LintReport | TypecheckReport;

interface Subject {
  name: string;
  parse: (text: string, sourceName: string) => Report;
  fixtures: string[];
  /** Whether every strict prefix (beyond trailing whitespace) must be rejected. */
  prefixesRejected: boolean;
  /** Whether the empty input is a valid report (tsc: a passing run prints nothing). */
  emptyValid: boolean;
  huge: (n: number) => string;
}

const SUBJECTS: Subject[] = [
  {
    name: 'junit',
    parse: parseJUnit,
    fixtures: ['vitest.junit.xml', 'jest-junit.junit.xml', 'pytest-xunit2.junit.xml', 'pytest-xunit1-legacy.junit.xml', 'playwright.junit.xml', 'mocha.junit.xml', 'surefire-reruns.junit.xml', 'gradle-duplicated-retries.junit.xml', 'pytest-rerunfailures.junit.xml'],
    prefixesRejected: true,
    emptyValid: false,
    huge: hugeJUnit,
  },
  { name: 'eslint json', parse: parseEslintJson, fixtures: ['eslint.json'], prefixesRejected: true, emptyValid: false, huge: hugeEslint },
  { name: 'sarif', parse: parseSarif, fixtures: ['eslint.sarif', 'ruff-biome.sarif'], prefixesRejected: true, emptyValid: false, huge: hugeSarif },
  // tsc output has no end marker: a prefix cut at a line end is a shorter, valid output.
  { name: 'tsc', parse: parseTscOutput, fixtures: ['tsc-plain.txt', 'tsc-pretty.txt'], prefixesRejected: false, emptyValid: true, huge: hugeTsc },
];

const ALL_FIXTURES = [...new Set([...SUBJECTS.flatMap((s) => s.fixtures), 'pytest-cov.coverage.xml', 'vitest-v8.lcov.info', 'coverage-py-7.json'])];
const SOURCE = 'fuzz/evidence';

function wellFormed(report: Report): void {
  expect(report.sourceName).toBe(SOURCE);
  const count = (n: number) => Number.isSafeInteger(n) && n >= 0;
  if (report.format === 'junit') {
    const ids = new Set(report.tests.map((t) => t.id));
    expect(ids.size).toBe(report.tests.length);
    for (const t of report.tests) {
      expect(t.name.length).toBeGreaterThan(0);
      expect(['passed', 'failed', 'error', 'skipped']).toContain(t.outcome);
      expect(count(t.retries)).toBe(true);
      expect(t.message === null || !/[\r\n]/.test(t.message)).toBe(true);
    }
    const { tests, passed, failed, errors, skipped } = report.totals;
    expect(tests).toBe(report.tests.length);
    expect(passed + failed + errors + skipped).toBe(tests);
  } else if (report.format === 'tsc') {
    for (const d of report.diagnostics) expect(count(d.line) && count(d.column) && /^TS\d+$/.test(d.code)).toBe(true);
    expect(report.errorCount).toBe(report.diagnostics.filter((d) => d.category === 'error').length);
    expect(report.statedErrorCount === null || count(report.statedErrorCount)).toBe(true);
  } else {
    for (const p of report.problems) {
      expect(count(p.line)).toBe(true);
      expect(['error', 'warning']).toContain(p.severity);
    }
    expect(report.errorCount + report.warningCount).toBe(report.problems.length);
    expect(report.filesLinted === null || count(report.filesLinted)).toBe(true);
  }
}

function outcome(run: () => Report): 'parsed' | 'rejected' {
  let report: Report;
  try {
    report = run();
  } catch (error) {
    if (!(error instanceof InputError)) throw new Error(`not an InputError: ${String(error)}`, { cause: error });
    if (/[\r\n]/.test(error.message) || !error.message.startsWith(SOURCE)) throw new Error(`bad message: ${JSON.stringify(error.message)}`, { cause: error });
    return 'rejected';
  }
  wellFormed(report);
  return 'parsed';
}

describe.each(SUBJECTS)('$name parser under fuzzing', (subject) => {
  const run = (text: string) => outcome(() => subject.parse(text, SOURCE));

  it('parses its own fixtures', () => {
    for (const name of subject.fixtures) expect(run(fixture(name)), name).toBe('parsed');
  });

  it('never crashes on a truncation at any offset', () => {
    for (const name of subject.fixtures) {
      const text = fixture(name);
      for (let end = 0; end < text.length; end += 1) {
        const prefix = text.slice(0, end);
        const result = run(prefix);
        if (subject.prefixesRejected && prefix.trimEnd().length < text.trimEnd().length) expect(result, `${name}: prefix of ${end}`).toBe('rejected');
      }
    }
  });

  it('never crashes on random byte flips', () => {
    const random = prng(0xe51d + subject.name.length);
    const alphabet = ['\n', '\r', '\0', '<', '>', '/', '"', "'", '{', '}', '[', ']', ',', ':', '(', ')', '-', '&', '\\', '9', '0', 'e', '\u001b', '\u2028', '\uFFFF', ' '];
    for (const name of subject.fixtures) {
      const text = fixture(name);
      for (let round = 0; round < 300; round += 1) run(flipped(text, random, alphabet));
    }
  });

  it('never crashes when elements, keys or lines are deleted or given the wrong type', () => {
    const random = prng(0xde1 + subject.name.length);
    for (const name of subject.fixtures) {
      const text = fixture(name);
      for (let round = 0; round < 150; round += 1) run(mutate(text, random));
    }
  });

  it('empty and whitespace-only input', () => {
    for (const text of ['', ' ', '\n\n\r\n', '\t \uFEFF']) expect(run(text)).toBe(subject.emptyValid ? 'parsed' : 'rejected');
  });

  it('rejects every other format', () => {
    for (const name of ALL_FIXTURES.filter((n) => !subject.fixtures.includes(n))) expect(run(fixture(name)), name).toBe('rejected');
  });

  it('survives deep nesting and a very long line', () => {
    const depth = 100_000;
    expect(run(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)).toBe('rejected');
    expect(run(`${'['.repeat(depth)}${']'.repeat(depth)}`)).toBe('rejected');
    run(`<testsuites>${'<testsuite name="s">'.repeat(depth)}${'</testsuite>'.repeat(depth)}</testsuites>`);
    run(`x${'y'.repeat(1_000_000)}`);
  });

  it('reads a report of 20,000 entries', () => {
    const report = subject.parse(subject.huge(20_000), SOURCE);
    wellFormed(report);
    const size = report.format === 'junit' ? report.tests.length : report.format === 'tsc' ? report.diagnostics.length : report.problems.length;
    expect(size).toBe(20_000);
  });
});

describe('parseEvidence under fuzzing', () => {
  it('gives the same guarantees through the dispatcher', () => {
    const random = prng(0xd15);
    for (const [format, name] of [['junit', 'playwright.junit.xml'], ['eslint', 'eslint.json'], ['sarif', 'ruff-biome.sarif'], ['tsc', 'tsc-pretty.txt']] as const) {
      const text = fixture(name);
      for (let round = 0; round < 50; round += 1) outcome(() => parseEvidence(format, mutate(text, random), SOURCE).report as Report);
    }
  });
});

/** Structural mutations: delete a tag, a line or a JSON value; swap a value for one of the wrong type. */
function mutate(text: string, random: () => number): string {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const kind = Math.floor(random() * 4);
  if (kind === 0) {
    const tags = [...text.matchAll(/<\/?[A-Za-z][^>]*>/g)];
    if (tags.length > 0) {
      const tag = pick(tags);
      return text.slice(0, tag.index) + text.slice(tag.index + tag[0].length);
    }
  }
  if (kind === 1) {
    const lines = text.split('\n');
    lines.splice(Math.floor(random() * lines.length), 1);
    return lines.join('\n');
  }
  if (kind === 2) {
    const values = [...text.matchAll(/:\s*("(?:[^"\\]|\\.)*"|-?\d+|true|false|null|\[\]|\{\})/g)];
    if (values.length > 0) {
      const value = pick(values);
      const start = value.index + value[0].indexOf(value[1]!);
      return text.slice(0, start) + pick(['"x"', '-1', '1e400', '2.5', 'null', '[]', '{}', 'true', '"\\u0000"', '[1,2]']) + text.slice(start + value[1]!.length);
    }
  }
  const attributes = [...text.matchAll(/ ([a-z]+)="[^"]*"/g)];
  if (attributes.length > 0) {
    const attribute = pick(attributes);
    return text.slice(0, attribute.index) + pick(['', ` ${attribute[1]!}=""`, ` ${attribute[1]!}="&#0;"`, ` ${attribute[1]!}="a > b"`]) + text.slice(attribute.index + attribute[0].length);
  }
  return text.slice(0, Math.floor(random() * text.length));
}

function hugeJUnit(n: number): string {
  const cases = Array.from({ length: n }, (_, i) => `<testcase classname="src/m${Math.floor(i / 100)}.test.ts" name="suite &gt; test ${i}" time="0.001">${i % 7 === 0 ? '<skipped/>' : ''}</testcase>`);
  return `<?xml version="1.0"?>\n<testsuites name="vitest tests">\n<testsuite name="all">\n${cases.join('\n')}\n</testsuite>\n</testsuites>\n`;
}

function hugeEslint(n: number): string {
  return JSON.stringify(Array.from({ length: n }, (_, i) => ({ filePath: `/ci/src/f${i}.ts`, messages: [{ ruleId: 'eqeqeq', severity: 1 + (i % 2), message: 'use ===', line: i + 1, column: 1 }], errorCount: 0, warningCount: 0 })));
}

function hugeSarif(n: number): string {
  const results = Array.from({ length: n }, (_, i) => ({ ruleId: 'F401', level: 'error', message: { text: 'unused' }, locations: [{ physicalLocation: { artifactLocation: { uri: `src/f${i}.py` }, region: { startLine: 1 } } }] }));
  return JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'ruff' } }, results }] });
}

function hugeTsc(n: number): string {
  return `${Array.from({ length: n }, (_, i) => `src/f${i}.ts(${i + 1},1): error TS2322: Type 'a' is not assignable to type 'b'.`).join('\n')}\nFound ${n} errors in ${n} files.\n`;
}
