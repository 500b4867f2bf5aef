import type { ConfigSource } from '../config-source.js';

/**
 * Facts about lint configuration, the same shape for every linter (ESLint flat and legacy,
 * Biome, oxlint, ruff, flake8). Readers build them by parsing and static partial evaluation,
 * never by running anything; `effective.ts` turns them into the effective settings of a file,
 * and the lint rules compare those between base and head.
 */

export type { ConfigSource };

/** Linters whose configs govern the same files are one family: an ESLint legacy config converted to flat is the same linter. */
export type LintTool = 'eslint' | 'biome' | 'oxlint' | 'ruff' | 'flake8';

/** Where a value was written: repository-relative file and 1-based line. */
export interface Origin {
  file: string;
  line: number;
}

/** 0 off, 1 warn (or info), 2 error, as ESLint numbers them. */
export type Level = 0 | 1 | 2;

export interface RuleSetting {
  level: Level;
  /** The options after the severity, as plain JSON; null when only a severity was written (ESLint then keeps earlier options). */
  options: unknown[] | null;
  origin: Origin;
}

/** A shareable config the linter loads from a package: its rules are unknown, its identity is compared. */
export interface SharedConfig {
  /** Canonical identity, the same for the legacy and flat spellings: `typescript-eslint:strictTypeChecked`, `@eslint/js:recommended`. */
  id: string;
  /** As written: `tseslint.configs.strictTypeChecked`, `plugin:react/recommended`. */
  written: string;
}

/** One config object of a config array (ESLint flat), or its equivalent for the other linters. */
export interface LintEntry {
  origin: Origin;
  /** Globs relative to the config's directory; null when the entry applies to every file the config lints. */
  files: string[] | null;
  /** Globs the entry does not apply to (with `files`), relative to the config's directory. */
  ignores: string[];
  /** Only ignores: files the whole config does not lint (ESLint global ignores, `.eslintignore`, ruff `exclude`…). */
  global: boolean;
  rules: Map<string, RuleSetting>;
  /** Set when the entry stands for a shareable config loaded from a package (rules unknown). */
  shared: SharedConfig | null;
}

/** A numeric limit where a larger value is looser (flake8 `max-line-length`, ruff `line-length`, `max-complexity`). */
export interface Limit {
  value: number;
  origin: Origin;
}

/** A value the static evaluator could not resolve: the config is then only partly known. */
export interface Unresolved extends Origin {
  /** What was being read, e.g. `eslint.config.js[2].rules`. */
  setting: string;
  expression: string;
  reason: string;
}

export interface LintConfig {
  tool: LintTool;
  /** How rule names select rules: ESLint-like names, or ruff/flake8 code prefixes (`E`, `E501`, `ALL`). */
  naming: 'names' | 'prefixes';
  /** The config file (`eslint.config.mjs`, `pyproject.toml`…). */
  file: string;
  /** Directory globs are relative to, and whose files the config governs ('' is the root). */
  dir: string;
  /** Globs (relative to `dir`) the linter lints without being told: ESLint `**\/*.{js,mjs,cjs}`, ruff `**\/*.py`. */
  defaultFiles: string[];
  /** Whether `*` and `**` match dot files for this linter. */
  dot: boolean;
  /** Files the linter never lints unless told (ESLint `**\/node_modules/`, ruff `.venv`), as ignore globs. */
  defaultIgnores: string[];
  /** Biome `files.includes`, ruff `include`: a file must be included by the last matching pattern; null when not written. */
  includes: { patterns: string[]; origin: Origin } | null;
  entries: LintEntry[];
  /** `linterOptions.noInlineConfig` (ESLint) and its equivalents; null when not written. */
  noInlineConfig: { value: boolean; origin: Origin } | null;
  /** `linterOptions.reportUnusedDisableDirectives`, as a level; null when not written. */
  reportUnused: { level: Level; origin: Origin } | null;
  /** False when the linter is turned off for the config (Biome `linter.enabled: false`). */
  enabled: { value: boolean; origin: Origin };
  limits: Map<string, Limit>;
  unresolved: Unresolved[];
  /** Legacy ESLint configs of parent folders apply first (cascade) unless `root: true`. */
  cascade: boolean;
}

/** A linter invocation on a command line, with its `--max-warnings` (or Biome `--error-on-warnings`). */
export interface LintInvocation {
  tool: LintTool;
  /** Site id from the command walker plus the tool: `cli:package.json#scripts.lint/eslint`. */
  id: string;
  file: string;
  line: number;
  /** The command as written. */
  text: string;
  /** `--max-warnings N`; null when absent (-1 when written as -1, which ESLint treats as no limit). */
  maxWarnings: number | null;
  /** Biome `--error-on-warnings`, ESLint/oxlint `--deny-warnings`. */
  errorOnWarnings: boolean;
  /** ESLint `--quiet`: warnings are not reported, so `--max-warnings` no longer counts them. */
  quiet: boolean;
  /** Paths and globs the command lints, as written (`.` when none: every linter defaults to its working directory). */
  paths: string[];
  /** Ignores given on the command line: ESLint/oxlint `--ignore-pattern`, ruff/flake8 `--exclude`/`--extend-exclude`. */
  ignores: string[];
  /** Rules or codes the command line turns off: ESLint `--rule 'x: off'`, oxlint `-A x`, ruff/flake8 `--ignore`/`--extend-ignore`, Biome `--skip`. */
  rulesOff: string[];
}

export interface LintFacts {
  configs: LintConfig[];
  invocations: LintInvocation[];
}

/** What differs between linters' configs at creation; the rest starts empty (no entries, enabled, no limits). */
export type LintConfigStart = Pick<LintConfig, 'tool' | 'naming' | 'file' | 'dir' | 'defaultFiles' | 'defaultIgnores' | 'dot' | 'cascade'>;

/** A config with nothing read yet: the readers fill entries, options and limits in. */
export function newLintConfig(start: LintConfigStart): LintConfig {
  return {
    ...start,
    includes: null,
    entries: [],
    noInlineConfig: null,
    reportUnused: null,
    enabled: { value: true, origin: { file: start.file, line: 1 } },
    limits: new Map(),
    unresolved: [],
  };
}
