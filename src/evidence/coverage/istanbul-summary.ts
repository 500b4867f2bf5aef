import { checkedCounts } from './counts.js';
import { expectCount, expectObject, field, jsonPath, parseJson, type JsonContext, type JsonObject } from './json.js';
import type { Counts, CoverageMetric, CoverageParseOptions, CoverageReport, FileCoverage } from './model.js';
import { createReportBuilder } from './report-builder.js';

/**
 * istanbul `coverage-summary.json` (the `json-summary` reporter of nyc, jest, vitest, c8): `total`
 * plus one entry per file, each with `lines`, `statements`, `functions` and `branches` as
 * `{ total, covered, skipped, pct }`. `pct` is ignored (older istanbul writes "Unknown" for an
 * empty metric) and recomputed from the counts; `skipped` is already outside `total`.
 */
export function parseIstanbulSummary(text: string, sourceName: string, options?: CoverageParseOptions): CoverageReport {
  return istanbulSummaryFromJson(parseJson(text, sourceName), sourceName, options);
}

export function istanbulSummaryFromJson(value: unknown, sourceName: string, options?: CoverageParseOptions): CoverageReport {
  const ctx: JsonContext = { sourceName };
  const root = expectObject(ctx, value, '$');
  const builder = createReportBuilder('istanbul-summary', sourceName, options);
  let stated: FileCoverage | null = null;
  for (const [key, entry] of Object.entries(root)) {
    const path = jsonPath('$', key);
    // `total` is the reporter's own sum; files are keyed by (absolute) path, so no file is called `total`.
    if (key === 'total') stated = summaryEntry(ctx, entry, path);
    else builder.add(key, summaryEntry(ctx, entry, path), path);
  }
  return builder.finish(stated);
}

function summaryEntry(ctx: JsonContext, value: unknown, path: string): FileCoverage {
  const entry = expectObject(ctx, value, path);
  const read = (metric: CoverageMetric) => metricCounts(ctx, entry, metric, path);
  return { lines: read('lines'), statements: read('statements'), functions: read('functions'), branches: read('branches') };
}

function metricCounts(ctx: JsonContext, entry: JsonObject, metric: CoverageMetric, path: string): Counts {
  const metricPath = jsonPath(path, metric);
  const counts = expectObject(ctx, field(ctx, entry, metric, path), metricPath);
  const total = expectCount(ctx, field(ctx, counts, 'total', metricPath), jsonPath(metricPath, 'total'));
  const covered = expectCount(ctx, field(ctx, counts, 'covered', metricPath), jsonPath(metricPath, 'covered'));
  return checkedCounts(ctx.sourceName, metricPath, total, covered);
}
