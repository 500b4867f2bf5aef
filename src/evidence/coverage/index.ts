/** Coverage report evidence: parsers for five formats into one model, and base/head comparison. */
export type { Counts, CoverageFormat, CoverageMetric, CoverageParseOptions, CoverageReport, FileCoverage } from './model.js';
export { COVERAGE_METRICS } from './model.js';
export { parseLcov } from './lcov.js';
export { parseIstanbulFinal } from './istanbul-final.js';
export { parseIstanbulSummary } from './istanbul-summary.js';
export { parseCobertura } from './cobertura.js';
export { parseCoveragePy } from './coverage-py.js';
export { detectCoverageFormat, parseCoverageReport } from './detect.js';
export { compareCoverage, percent, sumTotals } from './compare.js';
export type { CompareOptions, CoverageComparison, MetricTotals, Totals } from './compare.js';
