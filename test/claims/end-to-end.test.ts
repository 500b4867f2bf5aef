import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { parseClaims } from '../../src/claims/parse.js';
import { verifyClaims } from '../../src/claims/verify.js';
import { compareCoverage, parseCoverageReport } from '../../src/evidence/coverage/index.js';
import type { DiffEntry } from '../../src/git/repository.js';

/**
 * The case Gatehouse exists for: an agent narrowed coverage to the files already covered, added a
 * lint suppression, and reported every gate green. Its report, read and checked end to end.
 */
describe('claims end to end', () => {
  it('reads the Claude Code style summary and checks it against evidence that disagrees', () => {
    const text = readFileSync(new URL('./corpus/claude-code-summary.md', import.meta.url), 'utf8');
    const claims = parseClaims([{ origin: 'report', name: 'claude-code-summary.md', text }]);

    const lcov = (files: string[]) => files.map((file) => `SF:${file}\nLF:10\nLH:10\nend_of_record`).join('\n');
    const base = parseCoverageReport(`${lcov(['src/cart.ts'])}\nSF:src/legacy.ts\nLF:30\nLH:3\nend_of_record\n`, 'base/lcov.info');
    const head = parseCoverageReport(`${lcov(['src/cart.ts', 'src/discount.ts'])}\n`, 'head/lcov.info');
    const entry = (path: string, status: DiffEntry['status']): DiffEntry => ({
      status,
      basePath: status === 'added' ? null : path,
      headPath: path,
      baseOid: null,
      headOid: null,
      baseMode: null,
      headMode: null,
    });
    const tests = Array.from({ length: 148 }, (_unused, index) => ({
      id: `test/t.test.ts › t${index}`,
      file: 'test/t.test.ts',
      suite: [],
      name: `t${index}`,
      outcome: 'passed' as const,
      flaky: false,
      retries: 0,
      message: null,
    }));
    const checks = verifyClaims(claims, {
      coverage: { base, head, comparison: compareCoverage(base, head) },
      headCoverage: null,
      tests: { base: null, head: { format: 'junit', sourceName: 'junit.xml', tests, totals: { tests: 148, passed: 148, failed: 0, errors: 0, skipped: 0 } } },
      gates: { base: null, head: null },
      findings: [
        {
          ruleId: 'lint/suppression',
          category: 'lint-suppression',
          severity: 'block',
          message: 'Added `eslint-disable-next-line @typescript-eslint/no-explicit-any` disabling 1 rule for the next line',
          file: 'src/discount.ts',
          line: 14,
          side: 'head',
          why: '',
          fix: '',
          fingerprint: 'f',
        },
      ],
      diff: [entry('src/cart.ts', 'modified'), entry('src/discount.ts', 'added'), entry('test/discount.test.ts', 'added'), entry('vitest.config.ts', 'modified')],
    });

    expect(checks.map((check) => [check.claim.kind, check.claim.source.line, check.status, check.gap])).toEqual([
      ['tests-added', 9, 'supported', null],
      ['tests-pass', 13, 'supported', null],
      [
        'lint-clean',
        14,
        'contradicted',
        'claims the lint is clean, but this change told it to look away: src/discount.ts:14 (Added `eslint-disable-next-line @typescript-eslint/no-explicit-any` disabling 1 rule for the next line)',
      ],
      ['types-clean', 15, 'unverifiable', 'no type check gate ran: run `gatehouse audit --check` with a gate of kind typecheck in gatehouse.yml'],
      [
        'coverage',
        16,
        'contradicted',
        'claims 100% statements, branches, functions, lines coverage; measured over the files measured at base: lines 25% — 1 file was removed from measurement',
      ],
    ]);
  });
});
