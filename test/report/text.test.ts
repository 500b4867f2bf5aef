import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/core/result.js';
import { CATEGORIES } from '../../src/core/types.js';
import { createPalette } from '../../src/report/colour.js';
import { renderText } from '../../src/report/text.js';
import { ALL_RESULTS, BASE, HEAD, blockResult, finding, nastyResult, passResult } from './fixtures.js';

const ESC = '\u001b';
// Any SGR sequence, built without a control character in a regex literal.
const SGR = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');

const small: AuditResult = {
  ...blockResult,
  claims: blockResult.claims.filter((check) => check.status !== 'supported'),
  verdict: 'needs-human',
  findings: [
    finding({
      ruleId: 'tests/deleted',
      category: 'test-deleted',
      severity: 'warn',
      side: 'base',
      file: 'test/a.test.ts',
      line: 4,
      message: "Test 'adds' was deleted",
      before: "it('adds', () => {\n  expect(add(1, 2)).toBe(3);\n});\n",
      why: 'A deleted test no longer guards the behaviour it checked.',
      fix: 'Restore the test, or move it and keep its assertions.',
      fingerprint: 'f1',
    }),
    finding({
      ruleId: 'lint/disable-added',
      category: 'lint-suppression',
      severity: 'info',
      file: 'src/gen/api.ts',
      line: 1,
      ignored: { reason: 'generated client' },
      pathGroup: 'generated',
      fingerprint: 'f2',
    }),
  ],
  stats: {
    ...blockResult.stats,
    skipped: [{ path: 'data/big.json', side: 'head', reason: 'too-large', size: 3_145_728 }],
    durationMs: 87.2,
  },
};

describe('renderText', () => {
  it('renders header, claims, findings, ignored, skipped and stats in that order', () => {
    expect(renderText(small, { color: false })).toBe(
      [
        'Gatehouse  NEEDS HUMAN  main..agent/coverage-100  1a2b3c4..9f8e7d6',
        `0 block · 1 warn · 0 info · 1 ignored by policy · policy gatehouse.yml@${BASE}`,
        '',
        'Claims vs evidence (2 claims: 1 contradicted, 1 unverifiable, 0 supported)',
        '  ✗ CONTRADICTED  pr.md:12  "Coverage is now 100% across statements, branches, functions and lines"',
        '    gap: claims 100% coverage; measured over the files measured at base: 18.18% — 2 files were removed from measurement',
        '    evidence: coverage head.lcov over the 11 files measured at base: lines 18.18% (2/11)',
        '  ? UNVERIFIABLE  commit 9f8e7d6c5b4a:3  "No lint errors"',
        '    needs: no lint gate ran: run `gatehouse audit --check` with a lint gate in gatehouse.yml',
        '',
        'test-deleted (1)',
        "  WARN   test/a.test.ts:4 (base)  Test 'adds' was deleted  [tests/deleted]",
        '    before:',
        "      - it('adds', () => {",
        '      -   expect(add(1, 2)).toBe(3);',
        '      - });',
        '    why: A deleted test no longer guards the behaviour it checked.',
        '    fix: Restore the test, or move it and keep its assertions.',
        '',
        'Ignored by policy (1)',
        '  INFO   src/gen/api.ts:1  [lint/disable-added]  reason: generated client (path group: generated)',
        '',
        'Skipped, not inspected (1)',
        '  data/big.json (head): too large, 3.0 MiB',
        '',
        '12 files changed, 9 inspected · 3 commits · 24 rules run · 87 ms · gatehouse 0.1.0',
        '',
      ].join('\n'),
    );
  });

  it('groups findings by category in CATEGORIES order, then severity, file and line', () => {
    const out = renderText(blockResult, { color: false });
    const headings = out.split('\n').filter((line) => /^[a-z-]+ \(\d+\)$/.test(line));
    const categories = headings.map((line) => line.split(' ')[0]);
    expect(categories).toEqual(['coverage-scope', 'coverage-threshold', 'test-deleted', 'type-suppression', 'ci-weakened', 'unresolvable']);
    const ranks = categories.map((category) => (CATEGORIES as readonly (string | undefined)[]).indexOf(category));
    expect(ranks.every((rank, index) => rank >= 0 && (index === 0 || rank > (ranks[index - 1] ?? -1)))).toBe(true);

    const mixed: AuditResult = {
      ...blockResult,
      findings: [
        finding({ ruleId: 'tests/skip', category: 'test-disabled', severity: 'info', file: 'a.test.ts', line: 1 }),
        finding({ ruleId: 'tests/skip', category: 'test-disabled', severity: 'block', file: 'b.test.ts', line: 9 }),
        finding({ ruleId: 'tests/skip', category: 'test-disabled', severity: 'block', file: 'b.test.ts', line: 2 }),
        finding({ ruleId: 'tests/skip', category: 'test-disabled', severity: 'block', file: 'a.test.ts', line: 30 }),
      ],
    };
    const locations = renderText(mixed, { color: false })
      .split('\n')
      .filter((line) => line.startsWith('  BLOCK') || line.startsWith('  INFO'))
      .map((line) => line.trim().split(/\s+/).slice(0, 2).join(' '));
    expect(locations).toEqual(['BLOCK a.test.ts:30', 'BLOCK b.test.ts:2', 'BLOCK b.test.ts:9', 'INFO a.test.ts:1']);
  });

  it('shows the base side, path group, whole-file findings and skipped files', () => {
    const out = renderText(blockResult, { color: false });
    expect(out).toContain('test/web/cart.test.ts:42 (base)');
    expect(out).toContain('  INFO   eslint.config.js  The lint configuration');
    expect(out).toContain('      +         continue-on-error: true');
    expect(out).toContain('src/generated/api.ts:3  [lint/disable-added]  reason: Generated client; regenerated by openapi-generator on every build (path group: generated)');
    expect(out).toContain('  test/fixtures/orders.json (head): too large, 12.0 MiB');
    expect(out).toContain('  assets/logo.png (head): binary');
    expect(out).toContain('  vendor/design-system (base): not a file (submodule or symlink)');
    expect(out).toContain('· 1.23 s ·');
    // The ignored finding is not listed among the active ones.
    expect(out.split('eslint-disable added for the whole file')).toHaveLength(1);
  });

  it('says so when there is nothing to report, and names the empty tree', () => {
    const out = renderText(passResult, { color: false });
    expect(out.split('\n')[0]).toBe(`Gatehouse  PASS  HEAD  (empty tree)..${HEAD.slice(0, 7)}`);
    expect(out).toContain('\n\nNo findings.\n\n');
    expect(out).not.toContain('Ignored by policy');
    expect(out).not.toContain('Skipped');
  });

  it('has no escape codes at all without colour, even when the content carries some', () => {
    for (const [, result] of ALL_RESULTS) {
      expect(renderText(result, { color: false })).not.toContain(ESC);
    }
    const out = renderText(nastyResult, { color: false });
    expect(out).toContain('- \\x1b[31mred\\x1b[0m \\u202eevil');
    expect(out).toContain('`tick`, 100%: #1?\\nline2 ü.md:3');
  });

  it('colours verdict, severities and excerpts with plain ANSI codes when asked', () => {
    const out = renderText(blockResult, { color: true });
    expect(out).toContain(`${ESC}[1m${ESC}[31mBLOCK${ESC}[39m${ESC}[22m`);
    expect(out).toContain(`${ESC}[33mWARN ${ESC}[39m`);
    expect(out).toContain(`${ESC}[32m+ // @ts-ignore${ESC}[39m`);
    expect(out).toContain(`${ESC}[31m- branches: 90,${ESC}[39m`);
    // Stripping the codes gives exactly the plain rendering.
    expect(out.replace(SGR, '')).toBe(renderText(blockResult, { color: false }));
  });

  it('keeps content escape codes visible when colour is on', () => {
    const out = renderText(nastyResult, { color: true }).replace(SGR, '');
    expect(out).not.toContain(ESC);
  });
});

describe('createPalette', () => {
  it('is the identity without colour and wraps with matching resets with colour', () => {
    expect(createPalette(false).red('x')).toBe('x');
    expect(createPalette(true).red('x')).toBe(`${ESC}[31mx${ESC}[39m`);
    expect(createPalette(true).bold('')).toBe('');
  });
});
