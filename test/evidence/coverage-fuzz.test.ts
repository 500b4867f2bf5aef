import { describe, expect, it } from 'vitest';

import {
  parseCobertura,
  parseCoveragePy,
  parseCoverageReport,
  parseIstanbulFinal,
  parseIstanbulSummary,
  parseLcov,
  type CoverageReport,
} from '../../src/evidence/coverage/index.js';
import { fixture, flipped, parsesOrRejects, prng } from './helpers.js';

/**
 * Property tests: whatever the input, a parser returns a well-formed, non-empty report or throws
 * an InputError with a one-line message. Seeds are fixed so a failure reproduces exactly.
 */

type Parser = (text: string, sourceName: string) => CoverageReport;

interface Subject {
  name: string;
  parse: Parser;
  fixtures: string[];
  /** Whether any strict prefix of a valid report (beyond trailing whitespace) must be rejected. */
  prefixesRejected: boolean;
  huge: (files: number) => string;
}

const SUBJECTS: Subject[] = [
  { name: 'lcov', parse: parseLcov, fixtures: ['vitest-v8.lcov.info', 'jest-absolute.lcov.info', 'geninfo-2.lcov.info'], prefixesRejected: false, huge: hugeLcov },
  { name: 'istanbul final', parse: parseIstanbulFinal, fixtures: ['nyc.coverage-final.json'], prefixesRejected: true, huge: hugeIstanbulFinal },
  { name: 'istanbul summary', parse: parseIstanbulSummary, fixtures: ['jest.coverage-summary.json'], prefixesRejected: true, huge: hugeIstanbulSummary },
  { name: 'cobertura', parse: parseCobertura, fixtures: ['pytest-cov.coverage.xml', 'istanbul.cobertura-coverage.xml'], prefixesRejected: true, huge: hugeCobertura },
  { name: 'coverage.py', parse: parseCoveragePy, fixtures: ['coverage-py-7.json'], prefixesRejected: true, huge: hugeCoveragePy },
  { name: 'detect + parse', parse: parseCoverageReport, fixtures: ['vitest-v8.lcov.info', 'nyc.coverage-final.json', 'jest.coverage-summary.json', 'pytest-cov.coverage.xml', 'coverage-py-7.json'], prefixesRejected: false, huge: hugeLcov },
];

const ALL_FIXTURES = [...new Set(SUBJECTS.flatMap((s) => s.fixtures))];
const SOURCE = 'fuzz/report';

describe.each(SUBJECTS)('$name parser under fuzzing', (subject) => {
  const run = (text: string) => parsesOrRejects(() => subject.parse(text, SOURCE), SOURCE);

  it('parses its own fixtures', () => {
    for (const name of subject.fixtures) expect(run(fixture(name))).toBe('parsed');
  });

  it('never crashes on a truncation at any offset', () => {
    for (const name of subject.fixtures) {
      const text = fixture(name);
      for (let end = 0; end < text.length; end += 1) {
        const prefix = text.slice(0, end);
        const outcome = run(prefix);
        if (subject.prefixesRejected && prefix.trimEnd().length < text.trimEnd().length) expect(outcome, `prefix of ${end} bytes`).toBe('rejected');
        // lcov has no end marker, so a cut between records is undetectable; a cut inside one must not pass.
        if (subject.name === 'lcov' && outcome === 'parsed') expect(lastRecordLine(prefix), `prefix of ${end} bytes`).toBe('end_of_record');
      }
    }
  });

  it('never crashes on random byte flips', () => {
    const random = prng(0x5eed + subject.name.length);
    const alphabet = ['\n', '\r', '\0', '<', '>', '"', "'", '{', '}', '[', ']', ',', ':', '-', '&', '\\', '9', '0', 'e', '\u2028', '\uFFFF', ' '];
    for (const name of subject.fixtures) {
      const text = fixture(name);
      for (let round = 0; round < 400; round += 1) run(flipped(text, random, alphabet));
    }
  });

  it('rejects empty and whitespace-only input', () => {
    for (const text of ['', ' ', '\n\n\r\n', '\t \uFEFF']) expect(run(text)).toBe('rejected');
  });

  it('rejects every other format', () => {
    for (const name of ALL_FIXTURES.filter((n) => !subject.fixtures.includes(n))) {
      if (subject.parse === parseCoverageReport) continue;
      expect(run(fixture(name)), name).toBe('rejected');
    }
  });

  it('survives deep nesting and a very long line', () => {
    const depth = 100_000;
    expect(run(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)).toBe('rejected');
    expect(run(`${'['.repeat(depth)}${']'.repeat(depth)}`)).toBe('rejected');
    expect(run(`<coverage>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</coverage>`)).toBe('rejected');
    expect(run(`SF:${'x'.repeat(1_000_000)}`)).toBe('rejected');
  });

  it('reads a report of 20,000 files', () => {
    const report = subject.parse(subject.huge(20_000), SOURCE);
    expect(report.files.size).toBe(20_000);
  });
});

/** The last line that is not blank and not a test-name or version header (`TN:`, `VER:`). */
function lastRecordLine(text: string): string | undefined {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^(TN|VER):/.test(line))
    .at(-1);
}

const paths = (n: number) => Array.from({ length: n }, (_, i) => `src/module-${Math.floor(i / 100)}/file-${i}.ts`);

function hugeLcov(n: number): string {
  return paths(n)
    .map((p, i) => `TN:\nSF:${p}\nFN:1,f${i}\nFNDA:${i % 2},f${i}\nDA:1,${i % 3}\nDA:2,1\nDA:3,0\nLF:3\nLH:2\nBRDA:2,0,0,${i % 2}\nBRDA:2,0,1,-\nend_of_record`)
    .join('\n');
}

function hugeIstanbulFinal(n: number): string {
  const entries = paths(n).map((p, i) => {
    const loc = (line: number) => ({ start: { line, column: 0 }, end: { line, column: 10 } });
    return [
      `/ci/${p}`,
      {
        path: `/ci/${p}`,
        statementMap: { 0: loc(1), 1: loc(2) },
        fnMap: { 0: { name: 'f', decl: loc(1), loc: loc(1), line: 1 } },
        branchMap: { 0: { loc: loc(2), type: 'if', locations: [loc(2), loc(2)], line: 2 } },
        s: { 0: i % 2, 1: 1 },
        f: { 0: i % 2 },
        b: { 0: [1, 0] },
      },
    ] as const;
  });
  return JSON.stringify(Object.fromEntries(entries));
}

function hugeIstanbulSummary(n: number): string {
  const counts = { total: 4, covered: 3, skipped: 0, pct: 75 };
  const entry = { lines: counts, statements: counts, functions: counts, branches: counts };
  return JSON.stringify({ total: entry, ...Object.fromEntries(paths(n).map((p) => [`/ci/${p}`, entry])) });
}

function hugeCobertura(n: number): string {
  const classes = paths(n)
    .map((p, i) => `<class name="f${i}" filename="${p}" line-rate="0.5" branch-rate="0.5"><methods/><lines><line number="1" hits="${i % 2}"/><line number="2" hits="1" branch="true" condition-coverage="50% (1/2)"/></lines></class>`)
    .join('\n');
  return `<?xml version="1.0" ?>\n<coverage version="7.6.1"><sources><source>/ci</source></sources><packages><package name="p"><classes>\n${classes}\n</classes></package></packages></coverage>\n`;
}

function hugeCoveragePy(n: number): string {
  const summary = { covered_lines: 3, num_statements: 4, num_branches: 2, covered_branches: 1 };
  return JSON.stringify({ meta: { format: 3, version: '7.6.1', branch_coverage: true }, files: Object.fromEntries(paths(n).map((p) => [p, { summary }])), totals: summary });
}
