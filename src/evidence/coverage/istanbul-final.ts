import { countHits } from './counts.js';
import { coverageInputError } from './input-error.js';
import { expectArray, expectCount, expectObject, field, jsonPath, own, parseJson, type JsonContext, type JsonObject } from './json.js';
import type { CoverageParseOptions, CoverageReport, FileCoverage } from './model.js';
import { createReportBuilder } from './report-builder.js';

/**
 * istanbul `coverage-final.json` (nyc, jest, vitest with the istanbul or v8 provider, c8
 * `--reporter=json`): an object keyed by file, each with `statementMap`/`s`, `fnMap`/`f` and
 * `branchMap`/`b`. Totals are computed exactly as istanbul-lib-coverage's `FileCoverage#toSummary`
 * does, so the figures match what the tool printed.
 */
export function parseIstanbulFinal(text: string, sourceName: string, options?: CoverageParseOptions): CoverageReport {
  return istanbulFinalFromJson(parseJson(text, sourceName), sourceName, options);
}

export function istanbulFinalFromJson(value: unknown, sourceName: string, options?: CoverageParseOptions): CoverageReport {
  const ctx: JsonContext = { sourceName };
  const root = expectObject(ctx, value, '$');
  const builder = createReportBuilder('istanbul-final', sourceName, options);
  for (const [key, entry] of Object.entries(root)) {
    const path = jsonPath('$', key);
    const data = expectObject(ctx, entry, path);
    // Reporters name a file by its `path` property; the key is normally the same string.
    const declared = own(data, 'path');
    if (declared !== undefined && typeof declared !== 'string') {
      throw coverageInputError(sourceName, jsonPath(path, 'path'), 'expected a string');
    }
    builder.add(declared ?? key, fileCoverage(ctx, data, path), path);
  }
  return builder.finish(null);
}

function fileCoverage(ctx: JsonContext, data: JsonObject, path: string): FileCoverage {
  const sub = (key: string) => expectObject(ctx, field(ctx, data, key, path), jsonPath(path, key));
  const s = sub('s');
  const statementMap = sub('statementMap');
  const f = sub('f');
  sub('fnMap');
  const b = sub('b');
  sub('branchMap');
  const statementHits = countsOf(ctx, s, jsonPath(path, 's'));
  return {
    lines: countHits(lineHits(ctx, statementMap, statementHits, path).values()),
    statements: countHits(statementHits.values()),
    functions: countHits(countsOf(ctx, f, jsonPath(path, 'f')).values()),
    branches: countHits(branchHits(ctx, b, jsonPath(path, 'b'))),
  };
}

function countsOf(ctx: JsonContext, hits: JsonObject, path: string): Map<string, number> {
  const result = new Map<string, number>();
  for (const [key, value] of Object.entries(hits)) result.set(key, expectCount(ctx, value, jsonPath(path, key)));
  return result;
}

/**
 * istanbul-lib-coverage `getLineCoverage`: each statement counted in `s` contributes its hit count
 * to the line its location starts on (the highest count wins); statements without a location in
 * `statementMap` are ignored. A line is covered when that count is non-zero.
 */
function lineHits(ctx: JsonContext, statementMap: JsonObject, statements: ReadonlyMap<string, number>, path: string): Map<number, number> {
  const lines = new Map<number, number>();
  for (const [id, count] of statements) {
    const location = own(statementMap, id);
    if (location === undefined) continue;
    const locationPath = jsonPath(jsonPath(path, 'statementMap'), id);
    const start = expectObject(ctx, field(ctx, expectObject(ctx, location, locationPath), 'start', locationPath), jsonPath(locationPath, 'start'));
    const line = expectCount(ctx, field(ctx, start, 'line', jsonPath(locationPath, 'start')), jsonPath(jsonPath(locationPath, 'start'), 'line'));
    lines.set(line, Math.max(lines.get(line) ?? 0, count));
  }
  return lines;
}

/** Every entry of every branch's hit array is one branch path (istanbul `computeBranchTotals`). */
function* branchHits(ctx: JsonContext, b: JsonObject, path: string): Generator<number> {
  for (const [id, value] of Object.entries(b)) {
    const entryPath = jsonPath(path, id);
    const paths = expectArray(ctx, value, entryPath);
    for (let i = 0; i < paths.length; i += 1) yield expectCount(ctx, paths[i], jsonPath(entryPath, i));
  }
}
