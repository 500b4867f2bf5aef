import { checkedCounts } from './counts.js';
import { coverageInputError } from './input-error.js';
import { expectCount, expectObject, field, jsonPath, own, parseJson, type JsonContext, type JsonObject } from './json.js';
import type { Counts, CoverageParseOptions, CoverageReport, FileCoverage } from './model.js';
import { createReportBuilder } from './report-builder.js';

/**
 * coverage.py JSON (`coverage json`, formats 2 and 3 of coverage.py 6.x/7.x): `meta`, `files`
 * keyed by path with a `summary` each, and `totals`.
 *
 * coverage.py measures executable lines and calls them statements, so `lines` and `statements`
 * carry the same counts (`covered_lines` of `num_statements`); a claim about either is checked
 * against that one figure. Branches exist only when the run measured them (`--branch`, shown by
 * `num_branches` in the summaries). Functions are null: format 3's `functions` regions hold line
 * coverage of each function body, not whether the function was called.
 */
export function parseCoveragePy(text: string, sourceName: string, options?: CoverageParseOptions): CoverageReport {
  return coveragePyFromJson(parseJson(text, sourceName), sourceName, options);
}

export function coveragePyFromJson(value: unknown, sourceName: string, options?: CoverageParseOptions): CoverageReport {
  const ctx: JsonContext = { sourceName };
  const root = expectObject(ctx, value, '$');
  const meta = expectObject(ctx, field(ctx, root, 'meta', '$'), '$.meta');
  if (typeof own(meta, 'version') !== 'string') throw coverageInputError(sourceName, '$.meta.version', 'expected the coverage.py version string');
  // Decided once for the report: a file without branches in a --branch run is 0 of 0, not "unknown".
  const branchRun = own(meta, 'branch_coverage') === true;
  const files = expectObject(ctx, field(ctx, root, 'files', '$'), '$.files');
  const builder = createReportBuilder('coverage.py', sourceName, options);
  for (const [key, entry] of Object.entries(files)) {
    const path = jsonPath('$.files', key);
    const summaryPath = jsonPath(path, 'summary');
    builder.add(key, summaryCoverage(ctx, field(ctx, expectObject(ctx, entry, path), 'summary', path), summaryPath, branchRun), path);
  }
  const totals = own(root, 'totals');
  return builder.finish(totals === undefined ? null : summaryCoverage(ctx, totals, '$.totals', branchRun));
}

function summaryCoverage(ctx: JsonContext, value: unknown, path: string, branchRun: boolean): FileCoverage {
  const summary = expectObject(ctx, value, path);
  const lines = pair(ctx, summary, path, 'num_statements', 'covered_lines');
  const hasBranches = branchRun || own(summary, 'num_branches') !== undefined;
  return {
    lines,
    statements: lines,
    functions: null,
    branches: hasBranches ? pair(ctx, summary, path, 'num_branches', 'covered_branches') : null,
  };
}

function pair(ctx: JsonContext, summary: JsonObject, path: string, totalKey: string, coveredKey: string): Counts {
  const total = expectCount(ctx, field(ctx, summary, totalKey, path), jsonPath(path, totalKey));
  const covered = expectCount(ctx, field(ctx, summary, coveredKey, path), jsonPath(path, coveredKey));
  return checkedCounts(ctx.sourceName, path, total, covered);
}
