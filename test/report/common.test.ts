import { describe, expect, it } from 'vitest';
import { compareText, excerptLines, formatBytes, formatDuration, shortCommit, sortFindings, visible } from '../../src/report/common.js';
import { HEAD, finding } from './fixtures.js';

describe('report helpers', () => {
  it('makes control and bidi characters visible, leaving tabs and ordinary text alone', () => {
    expect(visible('plain ünïcode 日本\ttab')).toBe('plain ünïcode 日本\ttab');
    expect(visible('a\nb\r\u0000\u001b[2J\u007f\u009b')).toBe('a\\nb\\r\\x00\\x1b[2J\\x7f\\x9b');
    expect(visible('if (\u202Euser\u2066)')).toBe('if (\\u202euser\\u2066)');
  });

  it('splits excerpts into lines, a trailing newline ending the last line', () => {
    expect(excerptLines('a\nb\n')).toEqual(['a', 'b']);
    expect(excerptLines('a\r\nb')).toEqual(['a', 'b']);
    expect(excerptLines('a\n\n')).toEqual(['a', '']);
    expect(excerptLines('')).toEqual(['']);
  });

  it('formats sizes, durations and commits', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KiB');
    expect(formatBytes(12_582_912)).toBe('12.0 MiB');
    expect(formatBytes(5 * 1024 ** 4)).toBe('5120.0 GiB');
    expect(formatDuration(41.7)).toBe('42 ms');
    expect(formatDuration(1234.5)).toBe('1.23 s');
    expect(shortCommit(HEAD)).toBe('9f8e7d6');
    expect(shortCommit(null)).toBe('(empty tree)');
  });

  it('orders findings the same whatever the locale or input order', () => {
    expect(['b', 'B', 'a', 'ä', 'A'].sort(compareText)).toEqual(['A', 'B', 'a', 'b', 'ä']);
    const findings = [
      finding({ ruleId: 'x/b', category: 'secret', severity: 'block', file: 'z.ts', line: 1 }),
      finding({ ruleId: 'x/a', category: 'coverage-scope', severity: 'info', file: 'a.ts', line: 1 }),
      finding({ ruleId: 'x/a', category: 'coverage-scope', severity: 'block', file: 'b.ts', line: 10 }),
      finding({ ruleId: 'x/a', category: 'coverage-scope', severity: 'block', file: 'b.ts', line: 2 }),
    ];
    const order = (list: typeof findings) => sortFindings(list).map((item) => `${item.category} ${item.severity} ${item.file}:${item.line}`);
    expect(order(findings)).toEqual([
      'coverage-scope block b.ts:2',
      'coverage-scope block b.ts:10',
      'coverage-scope info a.ts:1',
      'secret block z.ts:1',
    ]);
    expect(order([...findings].reverse())).toEqual(order(findings));
  });
});
