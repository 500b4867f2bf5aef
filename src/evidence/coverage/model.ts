/**
 * The common model every coverage report parser produces (lcov, istanbul final and summary JSON,
 * cobertura XML, coverage.py JSON). Only counts survive parsing: comparing base and head needs
 * "how many of what, per file", never the per-line detail, and counts are cheap to keep for
 * reports of tens of thousands of files.
 */

export type CoverageFormat = 'lcov' | 'istanbul-final' | 'istanbul-summary' | 'cobertura' | 'coverage.py';

export type CoverageMetric = 'lines' | 'statements' | 'functions' | 'branches';

export const COVERAGE_METRICS: readonly CoverageMetric[] = ['lines', 'statements', 'functions', 'branches'];

/** Items measured and items executed at least once; integers with 0 <= covered <= total. */
export interface Counts {
  readonly total: number;
  readonly covered: number;
}

/** Per metric, `null` when the format does not measure it (cobertura has no statements). */
export type FileCoverage = Readonly<Record<CoverageMetric, Counts | null>>;

export interface CoverageReport {
  readonly format: CoverageFormat;
  /** What the report was read from, as given to the parser; used in messages. */
  readonly sourceName: string;
  /** Repository-relative POSIX path → counts; never empty (an empty report is an input error). */
  readonly files: ReadonlyMap<string, FileCoverage>;
  /**
   * Totals as the report itself states them (istanbul summary `total`, coverage.py `totals`,
   * cobertura root attributes), or null when the format has none. Kept so a claim can be checked
   * against the figure the tool printed; comparisons recompute from `files` instead.
   */
  readonly statedTotals: FileCoverage | null;
  /** Paths that stayed absolute: outside the repository root, or no root/known path matched them. */
  readonly unresolvedPaths: readonly string[];
}

export interface CoverageParseOptions {
  /** Absolute directory the report's absolute paths are relative to (the checkout it was produced in). */
  readonly repoRoot?: string;
  /**
   * Repository-relative paths of the revision. Absolute paths that are not under `repoRoot` are
   * mapped onto the longest known path they end with; relative paths that are not known are
   * mapped onto the single known path they are a suffix of (a report produced in a sub-package).
   */
  readonly knownPaths?: ReadonlySet<string>;
}
