import type { CoverageMetric, CoverageReport, FileCoverage } from './model.js';

/** One metric summed over a set of files. `pct` is null when nothing was measured (total 0). */
export interface MetricTotals {
  readonly total: number;
  readonly covered: number;
  readonly pct: number | null;
}

/** Per metric; null when it cannot be computed (the format does not measure it). */
export type Totals = Readonly<Record<CoverageMetric, MetricTotals | null>>;

export interface CoverageComparison {
  /** Files the base report measured that the head report does not (sorted). */
  readonly droppedFiles: readonly string[];
  /** Files the head report measures that the base report did not (sorted). */
  readonly addedFiles: readonly string[];
  /** The base report's own figures. */
  readonly baseOwn: Totals;
  /** The head report's own figures: what the tool printed, whatever it chose to measure. */
  readonly headOwn: Totals;
  /** Head coverage over the base report's file set: the figure to put beside `headOwn`. */
  readonly headOverBaseSet: Totals;
}

export interface CompareOptions {
  /** Files the change deleted: not measured at head because they no longer exist, which is not narrowing. */
  readonly deleted?: ReadonlySet<string>;
  /** Files the change renamed, base path → head path: looked up in the head report under the new name. */
  readonly renamed?: ReadonlyMap<string, string>;
}

/**
 * Compares two reports by what they measure, not only by their percentages.
 *
 * `headOverBaseSet` recomputes head coverage over the files the base report measured: a base file
 * the head report still measures contributes its head counts; a base file the head report no
 * longer measures contributes its BASE totals with nothing covered. It was measured before and is
 * not now, but its code is still there and still untested by anything the head run proves — so it
 * counts as uncovered, with the size the base run recorded (the only size known for it). Files
 * the change deleted are left out of the base set; renamed files are followed.
 *
 * A metric is null in `headOverBaseSet` when either report does not measure it for a file that
 * takes part: an unknown denominator cannot be filled with a guess.
 */
export function compareCoverage(base: CoverageReport, head: CoverageReport, options: CompareOptions = {}): CoverageComparison {
  const deleted = options.deleted ?? new Set<string>();
  const renamed = options.renamed ?? new Map<string, string>();
  const baseSet = [...base.files.keys()].filter((path) => !deleted.has(path));
  const headPathOf = (basePath: string) => renamed.get(basePath) ?? basePath;
  const followed = new Set(baseSet.map(headPathOf));
  const droppedFiles = baseSet.filter((path) => !head.files.has(headPathOf(path))).sort();
  const addedFiles = [...head.files.keys()].filter((path) => !followed.has(path) && !base.files.has(path)).sort();
  const contributions = baseSet.map((path): FileCoverage => head.files.get(headPathOf(path)) ?? uncovered(base.files.get(path)!));
  return {
    droppedFiles,
    addedFiles,
    baseOwn: sumTotals([...base.files.values()]),
    headOwn: sumTotals([...head.files.values()]),
    headOverBaseSet: sumTotals(contributions),
  };
}

function uncovered(file: FileCoverage): FileCoverage {
  const zero = (metric: CoverageMetric) => {
    const counts = file[metric];
    return counts === null ? null : { total: counts.total, covered: 0 };
  };
  return { lines: zero('lines'), statements: zero('statements'), functions: zero('functions'), branches: zero('branches') };
}

export function sumTotals(files: readonly FileCoverage[]): Totals {
  const sum = (metric: CoverageMetric): MetricTotals | null => {
    let total = 0;
    let covered = 0;
    for (const file of files) {
      const counts = file[metric];
      if (counts === null) return null;
      total += counts.total;
      covered += counts.covered;
    }
    return { total, covered, pct: percent(covered, total) };
  };
  return { lines: sum('lines'), statements: sum('statements'), functions: sum('functions'), branches: sum('branches') };
}

/**
 * Percentage with 2 decimals, rounded DOWN: 99.996% must not print as 100%, which is the one
 * figure a claim checker compares exactly. Integer arithmetic avoids 0.29 * 100 = 28.999….
 * Null for 0 of 0: "100% of nothing" is the kind of figure this tool exists to question.
 */
export function percent(covered: number, total: number): number | null {
  if (total === 0) return null;
  return Math.floor((covered * 10000) / total) / 100;
}
