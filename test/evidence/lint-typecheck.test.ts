import { describe, expect, it } from 'vitest';

import { parseEslintJson } from '../../src/evidence/lint/eslint-json.js';
import { parseSarif } from '../../src/evidence/lint/sarif.js';
import { parseEvidence } from '../../src/evidence/parse.js';
import { parseTscOutput } from '../../src/evidence/typecheck/tsc.js';
import { fixture, inputError } from './helpers.js';

const ROOT = { repoRoot: '/home/runner/work/shop/shop' };

describe('parseEslintJson', () => {
  it('reads every message with its rule, severity and line; counts are recomputed; suppressed messages are not problems', () => {
    const report = parseEslintJson(fixture('eslint.json'), 'eslint.json', ROOT);
    expect(report.problems).toEqual([
      { file: 'src/cart.ts', line: 3, ruleId: '@typescript-eslint/no-unused-vars', severity: 'error', message: "'total' is assigned a value but never used." },
      { file: 'src/cart.ts', line: 5, ruleId: 'prefer-const', severity: 'warning', message: "'items' is never reassigned. Use 'const' instead." },
      { file: 'src/broken.ts', line: 2, ruleId: null, severity: 'error', message: "Parsing error: ';' expected." },
      { file: 'dist/out.js', line: 0, ruleId: null, severity: 'warning', message: expect.stringMatching(/^File ignored because of a matching ignore pattern/) as string },
    ]);
    expect({ errors: report.errorCount, warnings: report.warningCount, files: report.filesLinted, tool: report.tool }).toEqual({ errors: 2, warnings: 2, files: 4, tool: 'eslint' });
  });

  it('ignores the counts ESLint states', () => {
    const lying = JSON.stringify([{ filePath: '/a.ts', messages: [{ ruleId: 'eqeqeq', severity: 2, message: 'x', line: 1 }], errorCount: 0, warningCount: 0 }]);
    expect(parseEslintJson(lying, 'e.json').errorCount).toBe(1);
  });

  it('reads json-with-metadata output and an empty run', () => {
    const withMetadata = JSON.stringify({ results: [{ filePath: '/a.ts', messages: [] }], metadata: { rulesMeta: {} } });
    expect(parseEslintJson(withMetadata, 'e.json').filesLinted).toBe(1);
    expect(parseEslintJson('[]', 'e.json')).toMatchObject({ problems: [], errorCount: 0, filesLinted: 0 });
  });

  it('rejects what is not ESLint JSON with one line naming the source and the place', () => {
    expect(inputError(() => parseEslintJson('{"a":1}', 'eslint.json'), 'eslint.json')).toBe('eslint.json: expected an array of file results, got an object');
    expect(inputError(() => parseEslintJson('[{"filePath":"/a.ts","messages":[{"severity":3,"message":"x"}]}]', 'eslint.json'), 'eslint.json')).toBe(
      'eslint.json:$[0].messages[0].severity: expected 1 (warning) or 2 (error), got number 3',
    );
    expect(inputError(() => parseEslintJson('[{"messages":[]}]', 'eslint.json'), 'eslint.json')).toMatch(/\$\[0\]: missing "filePath"/);
    expect(inputError(() => parseEslintJson('[{"filePath"', 'eslint.json'), 'eslint.json')).toMatch(/^eslint\.json:1:\d+: invalid JSON/);
    expect(inputError(() => parseEslintJson('', 'eslint.json'), 'eslint.json')).toMatch(/empty input/);
    expect(inputError(() => parseEslintJson(fixture('vitest.junit.xml'), 'eslint.json'), 'eslint.json')).toMatch(/invalid JSON/);
  });
});

describe('parseSarif', () => {
  it('ESLint SARIF: file URIs made relative and decoded, suppressed results left out', () => {
    const report = parseSarif(fixture('eslint.sarif'), 'eslint.sarif', ROOT);
    expect(report.problems).toEqual([
      { file: 'src/cart.ts', line: 2, ruleId: 'no-unused-vars', severity: 'error', message: "'x' is defined but never used." },
      { file: 'src/my file.ts', line: 4, ruleId: 'eqeqeq', severity: 'warning', message: "Expected '===' and instead saw '=='." },
    ]);
    expect({ tool: report.tool, files: report.filesLinted, errors: report.errorCount, warnings: report.warningCount }).toEqual({ tool: 'ESLint', files: 2, errors: 1, warnings: 1 });
  });

  it('ruff and Biome in one log: chained uriBaseIds, level from the rule default, notes and passes are not problems', () => {
    const report = parseSarif(fixture('ruff-biome.sarif'), 'lint.sarif', { repoRoot: '/ci/app' });
    expect(report.problems).toEqual([
      { file: 'backend/app/models.py', line: 1, ruleId: 'F401', severity: 'error', message: '`os` imported but unused' },
      { file: 'backend/app/views.py', line: 12, ruleId: 'E501', severity: 'error', message: 'Line too long (120 > 100)' },
      { file: 'web/src/a.ts', line: 5, ruleId: 'lint/style/useConst', severity: 'warning', message: 'This let declares a variable that is only assigned once.' },
    ]);
    expect(report.tool).toBe('ruff, Biome');
    expect(report.filesLinted).toBeNull();
  });

  it('a level absent everywhere is a warning (SARIF default)', () => {
    const log = { version: '2.1.0', runs: [{ tool: { driver: { name: 't' } }, results: [{ ruleId: 'r', message: { text: 'm' } }] }] };
    expect(parseSarif(JSON.stringify(log), 's.sarif').problems).toEqual([{ file: '', line: 0, ruleId: 'r', severity: 'warning', message: 'm' }]);
  });

  it('rejects what is not a usable SARIF log', () => {
    expect(inputError(() => parseSarif('{"version":"2.0.0","runs":[]}', 'x.sarif'), 'x.sarif')).toBe('x.sarif:$.version: expected SARIF version "2.1.0", got a string "2.0.0"');
    expect(inputError(() => parseSarif('{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}}}]}', 'x.sarif'), 'x.sarif')).toMatch(/run without results/);
    expect(inputError(() => parseSarif('{"version":"2.1.0","runs":[{"results":[]}]}', 'x.sarif'), 'x.sarif')).toMatch(/missing "tool"/);
    expect(inputError(() => parseSarif('{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},"results":[{"level":"fatal","message":{"text":"m"}}]}]}', 'x.sarif'), 'x.sarif')).toMatch(
      /results\[0\]\.level: expected error, warning, note or none/,
    );
    expect(inputError(() => parseSarif(fixture('eslint.json'), 'x.sarif'), 'x.sarif')).toMatch(/expected an object, got an array/);
  });
});

describe('parseTscOutput', () => {
  it('plain output behind an npm banner: continuation lines folded, a global diagnostic without a file', () => {
    const report = parseTscOutput(fixture('tsc-plain.txt'), 'tsc.txt');
    expect(report.diagnostics).toEqual([
      { file: 'src/cart.ts', line: 3, column: 7, code: 'TS2322', category: 'error', message: "Type 'string' is not assignable to type 'number'." },
      { file: 'src/cart.ts', line: 10, column: 5, code: 'TS2345', category: 'error', message: "Argument of type '{ id: number; }' is not assignable to parameter of type 'Item'." },
      { file: 'src/format.ts', line: 1, column: 1, code: 'TS6133', category: 'error', message: "'unused' is declared but its value is never read." },
      { file: null, line: 0, column: 0, code: 'TS5023', category: 'error', message: "Unknown compiler option 'strictNullCheck'." },
    ]);
    expect(report.errorCount).toBe(4);
    expect(report.statedErrorCount).toBeNull();
  });

  it('pretty output with colours, code frames, related information and the summary table', () => {
    const report = parseTscOutput(fixture('tsc-pretty.txt'), 'tsc.txt');
    expect(report.diagnostics.map((d) => `${d.file ?? ''}:${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
      "src/cart.ts:3:7 TS2322 Type 'string' is not assignable to type 'number'.",
      "src/format.ts:12:3 TS2741 Property 'email' is missing in type '{ id: number; }' but required in type 'User'.",
    ]);
    expect(report.statedErrorCount).toBe(2);
  });

  it('the summary forms tsc prints', () => {
    const one = "src/a.ts(1,1): error TS2304: Cannot find name 'x'.\n\nFound 1 error in src/a.ts:1\n";
    expect(parseTscOutput(one, 't').statedErrorCount).toBe(1);
    const same = "src/a.ts:1:1 - error TS2304: Cannot find name 'x'.\n\nFound 2 errors in the same file, starting at: src/a.ts:1\n";
    expect(parseTscOutput(same, 't').statedErrorCount).toBe(2);
    expect(parseTscOutput('[10:00:00 AM] Starting compilation in watch mode...\n\n[10:00:02 AM] Found 0 errors. Watching for file changes.\n', 't').statedErrorCount).toBe(0);
    expect(parseTscOutput('error TS18003: No inputs were found in config file.\n\nFound 1 error.\n', 't')).toMatchObject({ errorCount: 1, statedErrorCount: 1 });
  });

  it('empty output of a passing tsc is a clean report, not an error', () => {
    expect(parseTscOutput('', 'tsc.txt')).toEqual({ format: 'tsc', sourceName: 'tsc.txt', diagnostics: [], errorCount: 0, statedErrorCount: null });
    expect(parseTscOutput('\n> app@1.0.0 typecheck\n> tsc --noEmit\n\n', 'tsc.txt').errorCount).toBe(0);
  });

  it('Windows paths and repository roots', () => {
    const report = parseTscOutput("C:\\ci\\app\\src\\a.ts(2,3): error TS2322: Type 'a' is not assignable to type 'b'.\n", 't', { repoRoot: 'C:\\ci\\app' });
    expect(report.diagnostics[0]!.file).toBe('src/a.ts');
  });

  it('rejects output that is not from tsc, naming the line', () => {
    expect(inputError(() => parseTscOutput('> lint\nsrc/a.ts:1:1: error: something else\n', 'tsc.txt'), 'tsc.txt')).toBe('tsc.txt:2: not tsc output: "src/a.ts:1:1: error: something else"');
    expect(inputError(() => parseTscOutput(fixture('eslint.json'), 'tsc.txt'), 'tsc.txt')).toMatch(/^tsc\.txt:1: not tsc output/);
    expect(inputError(() => parseTscOutput(fixture('vitest.junit.xml'), 'tsc.txt'), 'tsc.txt')).toMatch(/^tsc\.txt:1: not tsc output/);
  });
});

describe('parseEvidence', () => {
  it('dispatches every declared format', () => {
    expect(parseEvidence('eslint', fixture('eslint.json'), 'e.json').kind).toBe('lint');
    expect(parseEvidence('sarif', fixture('eslint.sarif'), 'e.sarif')).toMatchObject({ kind: 'lint', report: { format: 'sarif' } });
    expect(parseEvidence('tsc', fixture('tsc-plain.txt'), 't.txt').kind).toBe('typecheck');
    expect(parseEvidence('junit', fixture('mocha.junit.xml'), 'm.xml').kind).toBe('tests');
    expect(parseEvidence('coverage', fixture('pytest-cov.coverage.xml'), 'c.xml').kind).toBe('coverage');
  });
});
