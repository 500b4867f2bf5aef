import { describe, expect, it } from 'vitest';

import {
  detectCoverageFormat,
  parseCobertura,
  parseCoveragePy,
  parseCoverageReport,
  parseIstanbulFinal,
  parseIstanbulSummary,
  parseLcov,
  type CoverageReport,
} from '../../src/evidence/coverage/index.js';
import { expectWellFormed, fixture, inputError } from './helpers.js';

const ROOT = '/home/runner/work/shop/shop';

function file(report: CoverageReport, path: string) {
  const found = report.files.get(path);
  if (found === undefined) expect.fail(`${path} not in ${[...report.files.keys()].join(', ')}`);
  return found;
}

describe('lcov', () => {
  it('reads a vitest v8 report with relative paths', () => {
    const report = parseLcov(fixture('vitest-v8.lcov.info'), 'lcov.info');
    expectWellFormed(report);
    expect(report.format).toBe('lcov');
    expect([...report.files.keys()]).toEqual(['src/cart/total.ts', 'src/cart/format.ts']);
    expect(file(report, 'src/cart/total.ts')).toEqual({
      lines: { total: 10, covered: 7 },
      statements: null,
      functions: { total: 2, covered: 1 },
      branches: { total: 2, covered: 2 },
    });
    expect(file(report, 'src/cart/format.ts').branches).toEqual({ total: 0, covered: 0 });
    expect(report.unresolvedPaths).toEqual([]);
  });

  it('strips the repository root from jest absolute paths and counts "-" as a branch not taken', () => {
    const report = parseLcov(fixture('jest-absolute.lcov.info'), 'lcov.info', { repoRoot: ROOT });
    expect(file(report, 'src/cart/total.js')).toEqual({
      lines: { total: 6, covered: 5 },
      statements: null,
      functions: { total: 3, covered: 2 },
      branches: { total: 3, covered: 2 },
    });
    expect(file(report, 'src/cart/format.js').lines).toEqual({ total: 2, covered: 0 });
  });

  it('keeps absolute paths it cannot resolve, and says so', () => {
    const report = parseLcov(fixture('jest-absolute.lcov.info'), 'lcov.info');
    expect(report.unresolvedPaths).toEqual([`${ROOT}/src/cart/total.js`, `${ROOT}/src/cart/format.js`]);
  });

  it('reads lcov 2.x records (VER, FNL/FNA aliases, branch expressions) without LF/LH', () => {
    const report = parseLcov(fixture('geninfo-2.lcov.info'), 'app.info', { knownPaths: new Set(['lib/parse.c', 'lib/io.c']) });
    expect(file(report, 'lib/parse.c')).toEqual({
      lines: { total: 6, covered: 3 },
      statements: null,
      functions: { total: 2, covered: 1 },
      branches: { total: 2, covered: 1 },
    });
  });

  it('reads CRLF and Windows paths', () => {
    const text = 'TN:\r\nSF:C:\\a\\shop\\src\\x.ts\r\nDA:1,1\r\nDA:2,0\r\nLF:2\r\nLH:1\r\nend_of_record\r\n';
    const report = parseLcov(text, 'lcov.info', { repoRoot: 'C:\\a\\shop' });
    expect(file(report, 'src/x.ts').lines).toEqual({ total: 2, covered: 1 });
  });

  it('merges records of the same file from concatenated runs line by line', () => {
    const run1 = 'SF:src/a.ts\nDA:1,1\nDA:2,0\nDA:3,0\nend_of_record\n';
    const run2 = 'SF:src/a.ts\nDA:1,0\nDA:2,4\nDA:3,0\nend_of_record\n';
    expect(file(parseLcov(run1 + run2, 'merged.info'), 'src/a.ts').lines).toEqual({ total: 3, covered: 2 });
  });

  it('falls back to LF/LH when a record has no DA detail', () => {
    expect(file(parseLcov('SF:src/a.ts\nLF:10\nLH:4\nend_of_record\n', 's.info'), 'src/a.ts').lines).toEqual({ total: 10, covered: 4 });
  });

  it('rejects malformed records with the line number', () => {
    expect(inputError(() => parseLcov('SF:a.ts\nDA:x,1\nend_of_record\n', 'l.info'), 'l.info')).toBe(
      'l.info:2: DA: expected <line>,<hits> in "DA:x,1"',
    );
    expect(inputError(() => parseLcov('DA:1,1\n', 'l.info'), 'l.info')).toBe('l.info:1: DA outside an SF record');
    expect(inputError(() => parseLcov('SF:a.ts\nDA:1,1\n', 'l.info'), 'l.info')).toBe(
      'l.info:1: record for "a.ts" has no end_of_record (truncated?)',
    );
    expect(inputError(() => parseLcov('SF:a.ts\nLF:3\nend_of_record\n', 'l.info'), 'l.info')).toMatch(/half a summary/);
    expect(inputError(() => parseLcov('TN:\n', 'l.info'), 'l.info')).toBe('l.info: no files in report');
    expect(inputError(() => parseLcov('hello world\n', 'l.info'), 'l.info')).toBe('l.info:1: unrecognised line "hello world"');
  });

  it('rejects the same file reached through two spellings', () => {
    const text = `SF:src/a.ts\nDA:1,1\nend_of_record\nSF:${ROOT}/src/a.ts\nDA:1,1\nend_of_record\n`;
    expect(inputError(() => parseLcov(text, 'l.info', { repoRoot: ROOT }), 'l.info')).toMatch(/"src\/a.ts" is listed twice/);
  });
});

describe('istanbul coverage-final.json', () => {
  it('derives lines from statements as istanbul-lib-coverage getLineCoverage does', () => {
    const report = parseIstanbulFinal(fixture('nyc.coverage-final.json'), 'coverage-final.json', { repoRoot: ROOT });
    expectWellFormed(report);
    // Statements 1 and 2 share line 3 and statements 3 and 4 share line 4: 8 statements on 6 lines.
    expect(file(report, 'src/cart/total.js')).toEqual({
      lines: { total: 6, covered: 5 },
      statements: { total: 8, covered: 7 },
      functions: { total: 3, covered: 2 },
      branches: { total: 3, covered: 2 },
    });
    // nyc --all: a file no test loaded, every count zero, is measured and uncovered.
    expect(file(report, 'src/cart/format.js')).toEqual({
      lines: { total: 2, covered: 0 },
      statements: { total: 2, covered: 0 },
      functions: { total: 0, covered: 0 },
      branches: { total: 0, covered: 0 },
    });
  });

  it('agrees with the lcov the same run wrote', () => {
    const fromJson = parseIstanbulFinal(fixture('nyc.coverage-final.json'), 'f.json', { repoRoot: ROOT });
    const fromLcov = parseLcov(fixture('jest-absolute.lcov.info'), 'l.info', { repoRoot: ROOT });
    for (const [path, counts] of fromLcov.files) {
      expect({ ...file(fromJson, path), statements: null }).toEqual(counts);
    }
  });

  it('names the JSON path of what is wrong', () => {
    const bad = JSON.stringify({ '/r/a.js': { path: '/r/a.js', statementMap: {}, fnMap: {}, branchMap: {}, s: { '0': -1 }, f: {}, b: {} } });
    expect(inputError(() => parseIstanbulFinal(bad, 'f.json'), 'f.json')).toBe(
      'f.json:$["/r/a.js"].s["0"]: expected a non-negative integer, got number -1',
    );
    const missing = JSON.stringify({ '/r/a.js': { statementMap: {}, s: {} } });
    expect(inputError(() => parseIstanbulFinal(missing, 'f.json'), 'f.json')).toBe('f.json:$["/r/a.js"]: missing "f"');
    expect(inputError(() => parseIstanbulFinal('{}', 'f.json'), 'f.json')).toBe('f.json: no files in report');
    expect(inputError(() => parseIstanbulFinal('{"a": {', 'f.json'), 'f.json')).toMatch(/^f\.json(:1:\d+)?: invalid JSON/);
  });

  it('does not read statement locations from Object.prototype', () => {
    const text = JSON.stringify({ 'a.js': { statementMap: {}, fnMap: {}, branchMap: {}, s: { constructor: 1 }, f: {}, b: {} } });
    expect(file(parseIstanbulFinal(text, 'f.json'), 'a.js').lines).toEqual({ total: 0, covered: 0 });
  });
});

describe('istanbul coverage-summary.json', () => {
  it('reads per-file counts and the stated total, ignoring pct ("Unknown" included)', () => {
    const report = parseIstanbulSummary(fixture('jest.coverage-summary.json'), 'coverage-summary.json', { repoRoot: ROOT });
    expectWellFormed(report);
    expect([...report.files.keys()]).toEqual(['src/cart/total.js', 'src/cart/format.js']);
    expect(file(report, 'src/cart/format.js').functions).toEqual({ total: 0, covered: 0 });
    expect(report.statedTotals?.lines).toEqual({ total: 8, covered: 5 });
  });

  it('rejects counts that contradict each other', () => {
    const text = JSON.stringify({
      'a.js': { lines: { total: 1, covered: 2 }, statements: { total: 1, covered: 1 }, functions: { total: 0, covered: 0 }, branches: { total: 0, covered: 0 } },
    });
    expect(inputError(() => parseIstanbulSummary(text, 's.json'), 's.json')).toBe('s.json:$["a.js"].lines: covered 2 exceeds total 1');
    expect(inputError(() => parseIstanbulSummary('{"total": {}}', 's.json'), 's.json')).toBe('s.json:$.total: missing "lines"');
  });
});

describe('cobertura', () => {
  it('reads a pytest-cov report, joining <source> and filename', () => {
    const report = parseCobertura(fixture('pytest-cov.coverage.xml'), 'coverage.xml', { repoRoot: ROOT });
    expectWellFormed(report);
    expect(file(report, 'src/shop/cart.py')).toEqual({
      lines: { total: 7, covered: 5 },
      statements: null,
      functions: null,
      branches: { total: 2, covered: 1 },
    });
    expect(file(report, 'src/shop/__init__.py').lines).toEqual({ total: 2, covered: 2 });
    expect(report.statedTotals).toEqual({ lines: { total: 9, covered: 7 }, statements: null, functions: null, branches: { total: 2, covered: 1 } });
  });

  it('picks the source that puts the file on a known path', () => {
    const text = fixture('pytest-cov.coverage.xml').replace(
      '<source>/home/runner/work/shop/shop/src</source>',
      '<source>/elsewhere</source><source>/home/runner/work/shop/shop/src</source>',
    );
    const report = parseCobertura(text, 'c.xml', { knownPaths: new Set(['src/shop/cart.py', 'src/shop/__init__.py']) });
    expect([...report.files.keys()].sort()).toEqual(['src/shop/__init__.py', 'src/shop/cart.py']);
  });

  it('reads an istanbul cobertura report with methods and a DOCTYPE', () => {
    const report = parseCobertura(fixture('istanbul.cobertura-coverage.xml'), 'cobertura-coverage.xml', { repoRoot: ROOT });
    expect(file(report, 'src/cart/total.js')).toEqual({
      lines: { total: 6, covered: 5 },
      statements: null,
      functions: { total: 3, covered: 2 },
      branches: { total: 2, covered: 2 },
    });
    expect(file(report, 'src/cart/format.js').functions).toEqual({ total: 0, covered: 0 });
  });

  it('merges classes of one file (Java inner classes)', () => {
    const text = `<coverage><packages><package name="p"><classes>
      <class name="A" filename="src/A.java"><methods><method name="a" signature="()V"><lines><line number="2" hits="1"/></lines></method></methods>
        <lines><line number="2" hits="1"/><line number="3" hits="0" branch="true" condition-coverage="50% (1/2)"/></lines></class>
      <class name="A$1" filename="src/A.java"><methods><method name="run" signature="()V"><lines><line number="9" hits="0"/></lines></method></methods>
        <lines><line number="9" hits="0"/><line number="3" hits="2" branch="true" condition-coverage="100% (2/2)"/></lines></class>
    </classes></package></packages></coverage>`;
    expect(file(parseCobertura(text, 'j.xml'), 'src/A.java')).toEqual({
      lines: { total: 3, covered: 2 },
      statements: null,
      functions: { total: 2, covered: 1 },
      branches: { total: 2, covered: 2 },
    });
  });

  it('decodes XML character references in paths, as the JUnit reader does', () => {
    const text = `<coverage><packages><package name="p"><classes>
      <class name="c" filename="src/caf&#233; &amp; bar.py"><lines><line number="1" hits="1"/></lines></class>
    </classes></package></packages></coverage>`;
    expect([...parseCobertura(text, 'c.xml').files.keys()]).toEqual(['src/caf\u00e9 & bar.py']);
  });

  it('rejects malformed XML with line and column, and bad values with the element path', () => {
    expect(inputError(() => parseCobertura('<coverage>\n<packages></package></coverage>', 'c.xml'), 'c.xml')).toBe(
      'c.xml:2:11: invalid XML: </package> closes <packages>',
    );
    expect(inputError(() => parseCobertura('<coverage>\n<packages>', 'c.xml'), 'c.xml')).toMatch(/is not closed \(truncated\?\)/);
    expect(inputError(() => parseCobertura('<coverage><packages/></coverage>', 'c.xml'), 'c.xml')).toBe('c.xml: no files in report');
    expect(inputError(() => parseCobertura('<testsuites/>', 'c.xml'), 'c.xml')).toBe('c.xml: no <coverage> root element: not a cobertura report');
    const badHits = '<coverage><packages><package><classes><class filename="a.py"><lines><line number="1" hits="x"/></lines></class></classes></package></packages></coverage>';
    expect(inputError(() => parseCobertura(badHits, 'c.xml'), 'c.xml')).toBe(
      'c.xml:/coverage/packages/package[1]/classes/class[1]/lines/line[1]: hits "x" is not a non-negative integer',
    );
    const entities = '<!DOCTYPE c [<!ENTITY x "xxxxxxxx">]><coverage a="&x;&x;"/>';
    expect(inputError(() => parseCobertura(entities, 'c.xml'), 'c.xml')).toMatch(/internal subset/);
  });
});

describe('coverage.py JSON', () => {
  it('reads coverage.py 7 format 3 with branch coverage', () => {
    const report = parseCoveragePy(fixture('coverage-py-7.json'), 'coverage.json');
    expectWellFormed(report);
    expect(file(report, 'src/shop/cart.py')).toEqual({
      lines: { total: 7, covered: 5 },
      statements: { total: 7, covered: 5 },
      functions: null,
      branches: { total: 2, covered: 1 },
    });
    expect(report.statedTotals?.lines).toEqual({ total: 9, covered: 7 });
  });

  it('has no branch figure for a run without --branch', () => {
    const text = JSON.stringify({
      meta: { format: 2, version: '6.5.0', branch_coverage: false },
      files: { 'a.py': { summary: { covered_lines: 1, num_statements: 2 } } },
    });
    expect(file(parseCoveragePy(text, 'c.json'), 'a.py').branches).toBeNull();
  });

  it('rejects a summary without its counts', () => {
    const text = JSON.stringify({ meta: { version: '7.6.1', branch_coverage: true }, files: { 'a.py': { summary: { covered_lines: 1, num_statements: 2 } } } });
    expect(inputError(() => parseCoveragePy(text, 'c.json'), 'c.json')).toBe('c.json:$.files["a.py"].summary: missing "num_branches"');
    expect(inputError(() => parseCoveragePy('{"files": {}}', 'c.json'), 'c.json')).toBe('c.json:$: missing "meta"');
  });
});

describe('detectCoverageFormat and parseCoverageReport', () => {
  const cases = [
    ['vitest-v8.lcov.info', 'lcov'],
    ['geninfo-2.lcov.info', 'lcov'],
    ['nyc.coverage-final.json', 'istanbul-final'],
    ['jest.coverage-summary.json', 'istanbul-summary'],
    ['pytest-cov.coverage.xml', 'cobertura'],
    ['istanbul.cobertura-coverage.xml', 'cobertura'],
    ['coverage-py-7.json', 'coverage.py'],
  ] as const;

  it.each(cases)('detects %s as %s from its content', (name, format) => {
    expect(detectCoverageFormat(fixture(name))).toBe(format);
    const report = parseCoverageReport(fixture(name), 'report');
    expect(report.format).toBe(format);
    expectWellFormed(report);
  });

  it('recognises nothing else', () => {
    expect(detectCoverageFormat('<testsuites><testsuite/></testsuites>')).toBeNull();
    expect(detectCoverageFormat('{"a": 1}')).toBeNull();
    expect(detectCoverageFormat('{"a": ')).toBeNull();
    expect(detectCoverageFormat('hello')).toBeNull();
    expect(inputError(() => parseCoverageReport('<testsuites/>', 'r.xml'), 'r.xml')).toMatch(/not a coverage report Gatehouse reads/);
    expect(inputError(() => parseCoverageReport('  \n', 'r'), 'r')).toBe('r: empty input: no files in report');
    expect(inputError(() => parseCoverageReport('{}', 'r'), 'r')).toBe('r: empty JSON object: no files in report');
    expect(inputError(() => parseCoverageReport('{"a": ', 'r'), 'r')).toMatch(/^r(:1:\d+)?: invalid JSON/);
  });

  it('reads a report with a byte order mark', () => {
    expect(parseCoverageReport(`\uFEFF${fixture('vitest-v8.lcov.info')}`, 'r').format).toBe('lcov');
    expect(parseCoverageReport(`\uFEFF${fixture('coverage-py-7.json')}`, 'r').format).toBe('coverage.py');
    expect(parseCoverageReport(`\uFEFF${fixture('pytest-cov.coverage.xml')}`, 'r').format).toBe('cobertura');
  });
});
