/**
 * Facts about type-checker configuration, read statically (never by running a checker): the
 * effective options of each tsconfig a gate uses (extends chains resolved, each option with the
 * file and line that set it), which files each checks, and the same for mypy and pyright /
 * basedpyright. The rules `types/strictness-lowered` and `types/scope-narrowed` compare them.
 */
import type { Origin, Unresolved } from '../coverage/model.js';

export type { Origin, Unresolved };

/** A value as written in a config, and where. */
export interface Setting<T = unknown> {
  value: T;
  /** Where it was written; for a value from a shipped published base, the `extends` line that brought it in. */
  origin: Origin;
  /** Set when the value comes from a published base of Gatehouse's table (`@tsconfig/strictest@2.0.0`). */
  from?: string;
}

/** A list of paths or patterns (`include`, `exclude`, `files`), relative to `dir`. */
export interface PatternList {
  patterns: string[];
  /** Directory of the config that wrote them ('' = repository root). */
  dir: string;
  origin: Origin;
}

/** How a gate runs a tsconfig. */
export interface TsGate {
  /** `tsc -b` (follows references), `tsc -p`, or no gate command (every tsconfig*.json). */
  how: 'build' | 'project' | 'every-config';
  /** The command as a site id (`cli:package.json#scripts.typecheck`), or '' for every-config. */
  site: string;
  /** The command's line, or for a project built through `references`, the reference's line. */
  origin: Origin | null;
  /** Reached through `references` of another gated tsconfig (`tsc -b`). */
  reference?: boolean;
}

/** One tsconfig that a gate uses, with its `extends` chain resolved. */
export interface TsProject {
  /** Repository path of the tsconfig. */
  config: string;
  gates: TsGate[];
  /** `compilerOptions` after merging the chain, as written (no defaults, no `strict` implication). */
  options: Record<string, Setting>;
  /** Options set on the gate's command line (`tsc -p . --skipLibCheck`), which override the file. */
  cliOptions: Record<string, Setting>;
  /** From the last config of the chain that sets them; null when none does. */
  include: PatternList | null;
  exclude: PatternList | null;
  files: PatternList | null;
  /**
   * The TypeScript major version the project's package.json asks for (devDependencies and the
   * like, nearest package.json upwards), which decides defaults (`strict` is on by default from 6.0);
   * null when no package.json names a readable version (5.x defaults are used).
   */
  typescript: { major: number | null; origin: Origin | null };
  /** The line of the config's own `extends` (where a changed base shows), or null. */
  extendsOrigin: Origin | null;
  /** Referenced tsconfigs (resolved paths) and the line of each reference. */
  references: { path: string; origin: Origin }[];
  /**
   * Set when part of the chain could not be read (an unknown package base, a missing file, a
   * parse error): options and lists not set after that point are unknown.
   */
  unknownBase: Unresolved | null;
  unresolved: Unresolved[];
}

export type TypeCheckTool = 'tsc' | 'mypy' | 'pyright' | 'basedpyright';

/** A mypy config section: `[mypy]` (pattern '*'), or a per-module section / override. */
export interface MypySection {
  /** Module patterns (`pkg.*`), or `['*']` for the global section. */
  modules: string[];
  /** Options as written, lowercased names, values normalised (booleans as booleans, lists as string arrays). */
  options: Record<string, Setting>;
  origin: Origin;
}

export interface MypyConfig {
  file: string;
  global: MypySection;
  /** Per-module sections keyed by their pattern list as written (`pkg.*,other.*`). */
  modules: Map<string, MypySection>;
  /** What mypy checks: `files` from the config, else the paths of a `mypy` command, else every Python file. */
  targets: PatternList;
  unresolved: Unresolved[];
}

/** One pyright or basedpyright configuration (pyrightconfig.json, `[tool.pyright]`, `[tool.basedpyright]`). */
export interface PyrightConfig {
  tool: 'pyright' | 'basedpyright';
  file: string;
  /** Directory paths are relative to. */
  dir: string;
  origin: Origin;
  /** Settings as written (`typeCheckingMode`, `reportX`, booleans, `strict`). */
  settings: Record<string, Setting>;
  include: PatternList | null;
  exclude: PatternList | null;
  ignore: PatternList | null;
  unresolved: Unresolved[];
}

export interface TypeCheckFacts {
  ts: TsProject[];
  /** How the TypeScript configs were chosen: gate commands name them, or every tsconfig*.json. */
  tsSelection: 'gates' | 'every-config';
  mypy: MypyConfig | null;
  pyright: PyrightConfig[];
  unresolved: Unresolved[];
}

/** A revision's type-check facts with its file list: checked sets are computed from both. */
export interface TypeCheckProjectFacts {
  facts: TypeCheckFacts;
  paths: readonly string[];
}
