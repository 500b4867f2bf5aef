import { describe, expect, it } from 'vitest';

import { compareCoverage, parseCoverageReport, parseLcov, percent } from '../../src/evidence/coverage/index.js';
import { fixture } from './helpers.js';

/** One lcov record with `total` lines of which the first `covered` ran, as vitest writes it. */
function record(path: string, total: number, covered: number): string {
  const da = Array.from({ length: total }, (_, i) => `DA:${i + 1},${i < covered ? 2 : 0}`).join('\n');
  return `TN:\nSF:${path}\n${da}\nLF:${total}\nLH:${covered}\nend_of_record`;
}

// The story: base measures 12 files at 71% of lines. The agent, asked for 100%, narrows the
// include to the one file already at 100% and the head report says 100%.
const BASE_FILES: [string, number, number][] = [
  ['src/cart/total.ts', 120, 96],
  ['src/cart/discount.ts', 80, 40],
  ['src/cart/tax.ts', 60, 30],
  ['src/checkout/pay.ts', 150, 105],
  ['src/checkout/address.ts', 90, 72],
  ['src/checkout/review.ts', 70, 35],
  ['src/catalog/search.ts', 110, 88],
  ['src/catalog/filters.ts', 60, 42],
  ['src/catalog/product.ts', 80, 56],
  ['src/account/login.ts', 70, 49],
  ['src/account/profile.ts', 70, 57],
  ['src/util/format.ts', 40, 40],
];
const base = parseLcov(BASE_FILES.map(([p, t, c]) => record(p, t, c)).join('\n'), 'base/lcov.info');
const head = parseLcov(record('src/util/format.ts', 40, 40), 'head/lcov.info');

describe('compareCoverage', () => {
  it('puts the claimed 100% beside the figure over the files measured at base', () => {
    const result = compareCoverage(base, head);
    expect(result.baseOwn.lines).toEqual({ total: 1000, covered: 710, pct: 71 });
    expect(result.headOwn.lines).toEqual({ total: 40, covered: 40, pct: 100 });
    // 40 covered lines of the 1000 the base measured: the 960 lines no longer measured still exist, untested.
    expect(result.headOverBaseSet.lines).toEqual({ total: 1000, covered: 40, pct: 4 });
    expect(result.droppedFiles).toHaveLength(11);
    expect(result.droppedFiles[0]).toBe('src/account/login.ts');
    expect(result.addedFiles).toEqual([]);
    // lcov has no statements: unknown, not 0% and not 100%.
    expect(result.headOverBaseSet.statements).toBeNull();
  });

  it('uses head counts for files both measured, and lists files only head measures', () => {
    const improvedHead = parseLcov([record('src/util/format.ts', 40, 40), record('src/cart/tax.ts', 60, 60), record('src/new.ts', 10, 10)].join('\n'), 'h');
    const result = compareCoverage(base, improvedHead);
    expect(result.headOverBaseSet.lines).toEqual({ total: 1000, covered: 100, pct: 10 });
    expect(result.addedFiles).toEqual(['src/new.ts']);
    expect(result.droppedFiles).not.toContain('src/cart/tax.ts');
  });

  it('does not count a deleted file as dropped, and follows a rename', () => {
    const small = parseLcov([record('src/a.ts', 10, 10), record('src/b.ts', 10, 0), record('src/c.ts', 10, 5)].join('\n'), 'b');
    const after = parseLcov([record('src/a.ts', 10, 10), record('src/c2.ts', 10, 5)].join('\n'), 'h');
    const result = compareCoverage(small, after, { deleted: new Set(['src/b.ts']), renamed: new Map([['src/c.ts', 'src/c2.ts']]) });
    expect(result.droppedFiles).toEqual([]);
    expect(result.addedFiles).toEqual([]);
    expect(result.headOverBaseSet.lines).toEqual({ total: 20, covered: 15, pct: 75 });
  });

  it('is exact when nothing was narrowed', () => {
    const report = parseCoverageReport(fixture('nyc.coverage-final.json'), 'r', { repoRoot: '/home/runner/work/shop/shop' });
    const result = compareCoverage(report, report);
    expect(result.headOverBaseSet).toEqual(result.headOwn);
    expect(result.headOwn.statements).toEqual({ total: 10, covered: 7, pct: 70 });
    expect(result.headOwn.branches).toEqual({ total: 3, covered: 2, pct: 66.66 });
  });

  it('gives no figure for a metric one side does not measure', () => {
    const lcov = parseLcov(fixture('jest-absolute.lcov.info'), 'l', { repoRoot: '/home/runner/work/shop/shop' });
    const istanbul = parseCoverageReport(fixture('nyc.coverage-final.json'), 'f', { repoRoot: '/home/runner/work/shop/shop' });
    expect(compareCoverage(istanbul, lcov).headOverBaseSet.statements).toBeNull();
    expect(compareCoverage(istanbul, lcov).headOverBaseSet.lines).toEqual({ total: 8, covered: 5, pct: 62.5 });
  });
});

describe('percent', () => {
  it('rounds down so only complete coverage reads 100, and has no figure for 0 of 0', () => {
    expect(percent(99_999, 100_000)).toBe(99.99);
    expect(percent(29, 100)).toBe(29);
    expect(percent(2, 3)).toBe(66.66);
    expect(percent(5, 5)).toBe(100);
    expect(percent(0, 0)).toBeNull();
  });
});
