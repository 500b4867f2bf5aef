import { readFileSync } from 'node:fs';
import { InputError } from '../../core/errors.js';
import type { DiffEntry } from '../../git/repository.js';
import { compareCoverage, type CoverageComparison } from './compare.js';
import { parseCoverageReport } from './detect.js';
import type { CoverageReport } from './model.js';

/** Coverage reports of the base and head runs, compared over the same file set. */
export interface CoverageEvidence {
  base: CoverageReport;
  head: CoverageReport;
  comparison: CoverageComparison;
}

export interface CoverageEvidenceFiles {
  base: string;
  head: string;
}

/** An evidence file given on the command line; a read failure names the option and the file. */
export function readEvidenceText(file: string, option: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new InputError(`${option} ${file}: cannot read (${reason})`);
  }
}

/**
 * Parse both reports (format detected from content) and compare them. Absolute paths from CI
 * runs are mapped onto the revisions' files; deleted files leave the base set and renamed files
 * are followed, so only files that still exist and went unmeasured count against the head.
 */
export function loadCoverageEvidence(files: CoverageEvidenceFiles, diff: readonly DiffEntry[], knownPaths: ReadonlySet<string>): CoverageEvidence {
  const base = parseCoverageReport(readEvidenceText(files.base, '--coverage-base'), files.base, { knownPaths });
  const head = parseCoverageReport(readEvidenceText(files.head, '--coverage-head'), files.head, { knownPaths });
  return coverageEvidenceOf(base, head, diff);
}

/** Two parsed reports compared over the same files: deleted files leave the base set, renamed ones are followed. */
export function coverageEvidenceOf(base: CoverageReport, head: CoverageReport, diff: readonly DiffEntry[]): CoverageEvidence {
  const deleted = new Set(diff.filter((entry) => entry.status === 'deleted' && entry.basePath).map((entry) => entry.basePath!));
  const renamed = new Map(diff.filter((entry) => entry.status === 'renamed').map((entry) => [entry.basePath!, entry.headPath!]));
  return { base, head, comparison: compareCoverage(base, head, { deleted, renamed }) };
}
