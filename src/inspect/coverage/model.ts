import type { ConfigSource } from '../config-source.js';

/**
 * Facts about coverage configuration, the same shape for every tool (vitest, jest, nyc, c8,
 * coverage.py, repository threshold files, command-line flags). Readers produce them from
 * config files by parsing and partial evaluation, never by executing anything; the rules
 * compare them between base and head.
 */

export type CoverageTool = 'vitest' | 'jest' | 'nyc' | 'c8' | 'coverage.py' | 'threshold-file';

/** Where a value was written: repository-relative file and 1-based line. */
export interface Origin {
  file: string;
  line: number;
}

/** A value the static evaluator could not resolve (a call, an env variable, a computed key…). */
export interface Unresolved extends Origin {
  /** What was being read, e.g. `test.coverage.include`. */
  setting: string;
  /** The source text of the expression, clipped to 120 characters. */
  expression: string;
  /** Why, in a few words: `function call`, `environment variable`, `import from a package`… */
  reason: string;
}

export interface Pattern {
  /** As written (a glob for vitest/nyc/c8/jest collectCoverageFrom; a regex source for jest coveragePathIgnorePatterns; a path or glob for coverage.py). */
  pattern: string;
  /** How to interpret `pattern`. */
  syntax: 'glob' | 'regex' | 'python-path' | 'python-glob';
  /** Where it came from: the config file, the tool's default, or a command-line flag. */
  origin: Origin | { default: string } | { flag: string; file: string; line: number };
}

/**
 * One place coverage is measured: a config (or a project of a workspace, or a CLI invocation).
 * `include: 'dynamic'` means the tool measures only the files the tests load (jest without
 * `collectCoverageFrom`, vitest 4 without `coverage.include`): the set is not static, and the
 * rules say so rather than guess.
 */
export interface CoverageScope {
  tool: CoverageTool;
  /** Stable identity to pair base and head scopes: `vitest:packages/web` or `jest:package.json#jest/projects[1]`. */
  id: string;
  /** The file that defines the scope and the line of its coverage section. */
  origin: Origin;
  /** Directory the patterns are relative to ('' is the repository root). */
  root: string;
  include: Pattern[] | 'dynamic';
  exclude: Pattern[];
  /** File extensions measured, when the tool filters by extension (`.js`, `.ts`…); null when it does not. */
  extensions: string[] | null;
  /** Whether dot files/folders match `*` and `**` for this tool. */
  dot: boolean;
  /** Values of this scope that could not be resolved; its set is then only partly known. */
  unresolved: Unresolved[];
}

export type CoverageMetric = 'lines' | 'statements' | 'functions' | 'branches';

export interface Threshold {
  tool: CoverageTool;
  /** The scope id it belongs to (same as CoverageScope.id) or the threshold file's path. */
  scopeId: string;
  /** `global`, `perFile`, a glob or path key (`src/core/**`), or a nested key path for threshold files (`packages.web.lines`). */
  target: string;
  metric: CoverageMetric;
  /**
   * As the tool reads it: a percentage (0–100), or for vitest/jest a negative number meaning
   * the maximum count of uncovered items allowed (-10 allows 10; -20 is looser).
   */
  value: number;
  origin: Origin;
}

/** A switch that makes thresholds enforced at all (nyc `check-coverage`, c8 `check-coverage`, coverage.py `fail_under` > 0). */
export interface Enforcement {
  tool: CoverageTool;
  scopeId: string;
  enforced: boolean;
  origin: Origin;
}

export interface CoverageFacts {
  scopes: CoverageScope[];
  thresholds: Threshold[];
  enforcement: Enforcement[];
  /** coverage.py `exclude_lines` / `exclude_also` regexes, which remove matching lines from measurement. */
  excludedLinePatterns: { tool: 'coverage.py'; pattern: string; origin: Origin }[];
  /** Values that could not be resolved, outside any scope (a whole config that could not be read). */
  unresolved: Unresolved[];
}

export function emptyCoverageFacts(): CoverageFacts {
  return { scopes: [], thresholds: [], enforcement: [], excludedLinePatterns: [], unresolved: [] };
}

/** Add one reader's (or one directory's) facts to another's. */
export function mergeCoverageFacts(into: CoverageFacts, from: CoverageFacts): CoverageFacts {
  into.scopes.push(...from.scopes);
  into.thresholds.push(...from.thresholds);
  into.enforcement.push(...from.enforcement);
  into.excludedLinePatterns.push(...from.excludedLinePatterns);
  into.unresolved.push(...from.unresolved);
  return into;
}

/** What a coverage reader gets: the revision's file list and synchronous reads (see `config-source.ts`). */
export type { ConfigSource };

/** One module per tool: which files it reads, and the facts it extracts from them. */
export interface CoverageReader {
  tool: CoverageTool;
  /** Whether a path is one of this tool's config inputs (the engine loads exactly these files). */
  readsFile(path: string): boolean;
  read(source: ConfigSource): CoverageFacts;
}
