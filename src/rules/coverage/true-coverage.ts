import type { MetricTotals, Totals } from '../../evidence/coverage/compare.js';
import { COVERAGE_METRICS } from '../../evidence/coverage/model.js';
import { lcovExample } from '../support/lcov-example.js';
import { defineRule } from '../rule.js';

/** How many dropped files the message names before "and N more". */
const FILES_SHOWN = 10;

function figure(totals: MetricTotals | null): string {
  if (!totals) return 'n/a';
  return totals.pct === null ? 'n/a' : `${totals.pct}% (${totals.covered}/${totals.total})`;
}

function table(totals: Totals): string {
  return COVERAGE_METRICS.map((metric) => `${metric} ${figure(totals[metric])}`).join(', ');
}


export const coverageTrueCoverage = defineRule({
  id: 'coverage/true-coverage',
  category: 'coverage-scope',
  severity: 'block',
  docs: {
    summary:
      'From the coverage reports of the base and head runs (`--coverage-base`, `--coverage-head`): files the base report measured that still exist but are missing from the head report, with head coverage recomputed over the base report\'s files beside the head\'s own figure.',
    why: 'A coverage figure is only as honest as its denominator. "100%" over the one file left in the report is not 100% of the code the project measured before; the recomputed figure is the one to believe.',
    fix: 'Restore the coverage scope so the head run measures the same files, and write tests for the files that were dropped.',
    bad: {
      base: { 'src/format.ts': 'export const format = 1;\n', 'src/cart.ts': 'export const cart = 1;\n' },
      head: { 'src/format.ts': 'export const format = 1;\n', 'src/cart.ts': 'export const cart = 2;\n' },
      coverage: {
        base: lcovExample({ 'src/format.ts': [4, 4], 'src/cart.ts': [2, 10] }),
        head: lcovExample({ 'src/format.ts': [4, 4] }),
      },
    },
    good: {
      base: { 'src/format.ts': 'export const format = 1;\n', 'src/cart.ts': 'export const cart = 1;\n' },
      head: { 'src/format.ts': 'export const format = 1;\n', 'src/cart.ts': 'export const cart = 2;\n' },
      coverage: {
        base: lcovExample({ 'src/format.ts': [4, 4], 'src/cart.ts': [2, 10] }),
        head: lcovExample({ 'src/format.ts': [4, 4], 'src/cart.ts': [9, 10] }),
      },
    },
  },
  inspectors: [],
  check: ({ evidence }) => {
    const coverage = evidence.coverage;
    if (!coverage) return [];
    const { comparison, head } = coverage;
    if (comparison.droppedFiles.length === 0) return [];
    const dropped = comparison.droppedFiles;
    const shown = dropped.slice(0, FILES_SHOWN).join(', ');
    const more = dropped.length > FILES_SHOWN ? ` and ${dropped.length - FILES_SHOWN} more` : '';
    return [
      {
        message: `The head coverage report leaves out ${dropped.length} file${dropped.length === 1 ? '' : 's'} the base report measured: ${shown}${more}. Head reports ${figure(comparison.headOwn.lines)} of lines; over the base's files it is ${figure(comparison.headOverBaseSet.lines)}`,
        file: head.sourceName,
        line: 0,
        side: 'head',
        before: `head as reported: ${table(comparison.headOwn)}`,
        after: `head over the base report's files: ${table(comparison.headOverBaseSet)}`,
        key: `dropped:${dropped.join(',')}`,
      },
    ];
  },
});
