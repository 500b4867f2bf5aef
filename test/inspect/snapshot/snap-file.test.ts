import { describe, expect, it } from 'vitest';
import { UnparseableError } from '../../../src/core/errors.js';
import { isSnapshotFile, parseSnapshotFile, testFileOf, testNameOfKey } from '../../../src/inspect/snapshot/index.js';

const JEST = '// Jest Snapshot v1, https://goo.gl/fbAQLP\n\n';
const VITEST = '// Vitest Snapshot v1, https://vitest.dev/guide/snapshot.html\n\n';
const parse = (text: string) => parseSnapshotFile('src/__snapshots__/a.test.ts.snap', text);

describe('parseSnapshotFile', () => {
  it('reads jest entries with keys, test names, lines and value sizes', () => {
    const facts = parse(`${JEST}exports[\`Button renders 1\`] = \`\n<button>\n  Save\n</button>\n\`;\n\nexports[\`Button renders 2\`] = \`"x"\`;\n`);
    expect(facts.format).toBe('jest');
    expect(facts.entries.map(({ key, testName, line, lines }) => ({ key, testName, line, lines }))).toEqual([
      { key: 'Button renders 1', testName: 'Button renders', line: 3, lines: 3 },
      { key: 'Button renders 2', testName: 'Button renders', line: 9, lines: 1 },
    ]);
  });

  it('recognises the vitest header and ` > ` names', () => {
    const facts = parse(`${VITEST}exports[\`suite > test 1\`] = \`"a"\`;\n`);
    expect(facts.format).toBe('vitest');
    expect(facts.entries[0]?.testName).toBe('suite > test');
  });

  it('decodes escapes: backticks, ${ and backslashes in keys and values', () => {
    const text = `${JEST}exports[\`renders \\\`code\\\` and \\\${x} 1\`] = \`\n"a \\\` b \\\${c} d \\\\ e"\n\`;\n`;
    const [entry] = parse(text).entries;
    expect(entry?.key).toBe('renders `code` and ${x} 1');
    expect(entry?.testName).toBe('renders `code` and ${x}');
    // The same value written differently (as a string literal) hashes the same.
    const other = parse(`${JEST}exports[\`x 1\`] = ${JSON.stringify('\n"a ` b ${c} d \\ e"\n')};\n`).entries[0];
    expect(other?.valueHash).toBe(entry?.valueHash);
  });

  it('keeps a value whose text looks like another entry inside one entry', () => {
    const value = 'exports[\\`fake 1\\`] = \\`no\\`;';
    const facts = parse(`${JEST}exports[\`real 1\`] = \`\n${value}\n\`;\n`);
    expect(facts.entries.map((entry) => entry.key)).toEqual(['real 1']);
  });

  it('hashes values regardless of line endings, trailing spaces and blank lines around the value', () => {
    const a = parse(`${JEST}exports[\`a 1\`] = \`\nline one\nline two\n\`;\n`).entries[0]!;
    const b = parse(`${JEST}exports[\`a 1\`] = \`\r\nline one   \r\nline two\r\n\r\n\`;\r\n`).entries[0]!;
    const c = parse(`${JEST}exports[\`a 1\`] = \`\n  line one\nline two\n\`;\n`).entries[0]!;
    expect(b.valueHash).toBe(a.valueHash);
    expect(c.valueHash).not.toBe(a.valueHash); // indentation is structure
  });

  it('returns no entries for an empty file or a header alone', () => {
    expect(parse('')).toEqual({ format: 'unknown', entries: [] });
    expect(parse(JEST)).toEqual({ format: 'jest', entries: [] });
  });

  it('throws UnparseableError with the line of a syntax error', () => {
    const text = `${JEST}exports[\`a 1\`] = \`ok\`;\n\nexports[\`b 1\`] = \`unterminated;\n`;
    expect(() => parse(text)).toThrow(UnparseableError);
    try {
      parse(`${JEST}exports[\`a 1\`] = \`ok\`;\nexports[\`b 1\`] = ;\n`);
    } catch (error) {
      expect(error).toBeInstanceOf(UnparseableError);
      expect((error as UnparseableError).line).toBe(4);
    }
  });

  it('throws for statements that are not snapshot entries, with their line', () => {
    const cases = [
      `${JEST}exports[\`a 1\`] = \`ok\`;\nconsole.log(1);\n`,
      `${JEST}exports[\`a 1\`] = \`ok\`;\nexports[\`b 1\`] = \`\${value}\`;\n`,
      `${JEST}exports[\`a 1\`] = \`ok\`;\nexports[name] = \`x\`;\n`,
      `${JEST}exports[\`a 1\`] = \`ok\`;\nmodule.exports[\`b 1\`] = \`x\`;\n`,
    ];
    for (const text of cases) {
      expect(() => parse(text), text).toThrow(UnparseableError);
      try {
        parse(text);
      } catch (error) {
        expect((error as UnparseableError).line, text).toBe(4);
      }
    }
  });
});

describe('snapshot paths', () => {
  it('recognises __snapshots__/*.snap files', () => {
    expect(isSnapshotFile('src/__snapshots__/a.test.ts.snap')).toBe(true);
    expect(isSnapshotFile('__snapshots__/a.test.ts.snap')).toBe(true);
    expect(isSnapshotFile('src/snapshots/a.snap')).toBe(false);
    expect(isSnapshotFile('src/__snapshots__/nested/a.snap')).toBe(false);
  });

  it('finds the test file beside the __snapshots__ folder', () => {
    expect(testFileOf('src/components/__snapshots__/Button.test.tsx.snap')).toBe('src/components/Button.test.tsx');
    expect(testFileOf('__snapshots__/a.spec.js.snap')).toBe('a.spec.js');
  });

  it('strips only the trailing counter from a key', () => {
    expect(testNameOfKey('adds 2 numbers 12')).toBe('adds 2 numbers');
    expect(testNameOfKey('renders: with hint 1')).toBe('renders: with hint');
  });
});
