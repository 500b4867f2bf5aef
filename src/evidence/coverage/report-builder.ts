import { coverageInputError } from './input-error.js';
import type { CoverageFormat, CoverageParseOptions, CoverageReport, FileCoverage } from './model.js';
import { createPathResolver } from './paths.js';

/**
 * Collects files under their normalised paths and enforces what every parser promises: no
 * empty report, no file listed twice under one path (two entries that normalise to the same
 * file would otherwise silently overwrite each other's counts).
 */
export interface ReportBuilder {
  add(rawPath: string, coverage: FileCoverage, where: string): void;
  finish(statedTotals: FileCoverage | null): CoverageReport;
}

export function createReportBuilder(format: CoverageFormat, sourceName: string, options: CoverageParseOptions | undefined): ReportBuilder {
  const resolver = createPathResolver(options);
  const files = new Map<string, FileCoverage>();
  const firstSeen = new Map<string, string>();
  const unresolved: string[] = [];
  return {
    add(rawPath, coverage, where) {
      if (rawPath.trim() === '') throw coverageInputError(sourceName, where, 'empty file path');
      const path = resolver.resolve(rawPath);
      const previous = firstSeen.get(path);
      if (previous !== undefined) {
        throw coverageInputError(sourceName, where, `file ${JSON.stringify(path)} is listed twice (first at ${previous})`);
      }
      firstSeen.set(path, where);
      files.set(path, coverage);
      if (resolver.isUnresolved(path)) unresolved.push(path);
    },
    finish(statedTotals) {
      if (files.size === 0) throw coverageInputError(sourceName, '', 'no files in report');
      return { format, sourceName, files, statedTotals, unresolvedPaths: unresolved };
    },
  };
}
