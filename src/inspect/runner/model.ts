/**
 * Facts about what each test runner collects, the same shape for vitest, jest, pytest and mocha.
 * Read statically from config files, `package.json` scripts and workflow `run:` steps (never by
 * running anything); the rule `tests/runner-narrowed` compares them between base and head.
 */
import type { ConfigSource, Origin, Unresolved } from '../coverage/model.js';

export type { ConfigSource, Origin, Unresolved };

export type RunnerTool = 'vitest' | 'jest' | 'pytest' | 'mocha';

/** Where a value came from: the config file, the tool's default, or a command-line flag. */
export type RunnerOrigin = Origin | { default: string } | { flag: string; file: string; line: number };

export interface RunnerPattern {
  pattern: string;
  /**
   * How to read `pattern`: a picomatch glob (vitest, jest `testMatch`, mocha), a regex source
   * tested against `/` + the repository path (jest), a pytest fnmatch pattern (`python_files`,
   * `norecursedirs`, `--ignore-glob`), a path (pytest `--ignore`, jest `roots`, pytest
   * `testpaths`, mocha `spec` naming a file or folder), or a substring filter (vitest CLI file filters).
   */
  syntax: 'glob' | 'regex' | 'fnmatch' | 'path' | 'substring';
  origin: RunnerOrigin;
}

/** A selection whose effect cannot be computed from file names: `-k`, `-m`, `--deselect`, `--grep`, `-t`… */
export interface RunnerFilter {
  /** The flag or setting as written: `-k`, `-m`, `--deselect`, `--grep`, `--invert`, `testNamePattern`, `--lf`… */
  kind: string;
  value: string;
  origin: RunnerOrigin;
}

/**
 * One place tests are collected: a config (or one project of a workspace), or a command line
 * running a config. Which files it collects is computed by `collectedFiles` from:
 * `roots` (where collection starts; empty = `root`), `include` (file patterns), `exclude`, and
 * for pytest `norecursedirs` (folder patterns) — each with the tool's own semantics.
 */
export interface RunnerScope {
  tool: RunnerTool;
  /**
   * Stable identity to pair base and head scopes, keyed by directory like the coverage readers so
   * a renamed config pairs with its base: `vitest:packages/web`, `jest:.#projects[1]`,
   * `pytest:.`, `mocha:.`; a command line: `cli:package.json#scripts.test/vitest`.
   */
  id: string;
  origin: Origin;
  /** Repository directory the patterns are relative to ('' = repository root). */
  root: string;
  roots: RunnerPattern[];
  include: RunnerPattern[];
  exclude: RunnerPattern[];
  /** pytest `norecursedirs`. */
  noRecurse: RunnerPattern[];
  /** mocha: file extensions looked for in spec folders; mocha `recursive`. */
  extensions: string[] | null;
  recursive: boolean;
  /**
   * Path filters of a command line, all of which narrow: a file is collected only if it matches one
   * (vitest positional file filters as substrings, jest positional `testPathPatterns` as regexes).
   */
  pathFilters: RunnerPattern[];
  filters: RunnerFilter[];
  unresolved: Unresolved[];
}

export type RunnerSettingName = 'passWithNoTests' | 'allowOnly' | 'forbidOnly' | 'retries' | 'bail';

/** A run setting; `value` is the effective value (defaults included) and `origin` where it was set. */
export interface RunnerSetting {
  tool: RunnerTool;
  scopeId: string;
  setting: RunnerSettingName;
  /** Booleans for passWithNoTests / allowOnly / forbidOnly; a count for retries and bail (0 = off). */
  value: boolean | number;
  origin: RunnerOrigin;
}

export interface RunnerFacts {
  scopes: RunnerScope[];
  settings: RunnerSetting[];
  /** Values that could not be resolved outside any scope (a whole config that could not be read). */
  unresolved: Unresolved[];
}

export function emptyRunnerFacts(): RunnerFacts {
  return { scopes: [], settings: [], unresolved: [] };
}

/** One module per tool. `configScopes` are the config files' own scopes; `cli` applies command-line words to them. */
export interface RunnerReader {
  tool: RunnerTool;
  readsFile(path: string): boolean;
  /** Scopes of the configs of the revision (one per config or project). */
  read(source: ConfigSource): RunnerFacts;
  /**
   * The scopes a command line runs: the config used from `dir` (or `--config`) with the flags in
   * `words` (words after the tool name) applied; ids are prefixed with `id`.
   */
  command(source: ConfigSource, invocation: Invocation): RunnerFacts;
}

/** A runner invocation on a command line. */
export interface Invocation {
  /** The script's or workflow's file. */
  file: string;
  /** `cli:package.json#scripts.test/vitest` (with `#2`… for later invocations of the same tool). */
  id: string;
  line: number;
  /** Directory the command runs in. */
  dir: string;
  words: { text: string; line: number }[];
}

export function flagOrigin(flag: string, invocation: Invocation, line: number): RunnerOrigin {
  return { flag, file: invocation.file, line };
}

export function originPoint(origin: RunnerOrigin, fallback: Origin): Origin {
  return 'default' in origin ? fallback : { file: origin.file, line: origin.line };
}
