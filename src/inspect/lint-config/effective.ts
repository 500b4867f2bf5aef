import { pathsUnder } from '../config-source.js';
import { anyMatch, ignoreList, relativeTo, type PathTest } from './globs.js';
import type { Level, LintConfig, LintEntry, LintTool, Origin, RuleSetting, SharedConfig } from './model.js';

/**
 * Effective lint settings of a file, with ESLint flat-config semantics for every linter:
 * the config objects whose `files` match (an object without `files` applies to every file the
 * config lints) are merged in order, a later one overriding an earlier one; a severity written
 * alone keeps the options set before it. Global ignores (objects with only `ignores`) take a
 * file out of the config entirely. ruff and flake8 select rules by code prefix instead: the
 * longest matching prefix of `select` and `ignore` decides (ignore wins a tie), and
 * `per-file-ignores` turn codes off for their files.
 */

/** An effective rule of a file: level `unknown` when only shareable configs (whose rules are not read) could set it. */
export interface EffectiveRule {
  level: Level;
  options: unknown[] | null;
  origin: Origin;
}

export interface FileState {
  /** The configs that govern the file (ESLint legacy cascades: parents first), or none. */
  configs: LintConfig[];
  linted: boolean;
  rules: Map<string, EffectiveRule>;
  /** Shareable configs that apply to the file, with the line that includes them. */
  shared: (SharedConfig & { origin: Origin })[];
}

/** Which linter family governs a file: an ESLint legacy config and its flat replacement are the same linter. */
export const FAMILIES: readonly LintTool[] = ['eslint', 'biome', 'oxlint', 'ruff', 'flake8'];

interface CompiledEntry {
  entry: LintEntry;
  /** The entry's own `files`; null applies to every file the config lints. */
  files: PathTest | null;
  ignores: PathTest;
  /** ESLint lints a file an entry's `files` names (not a universal `**`), or a shareable config's known files. */
  addsFiles: PathTest | null;
}

interface Compiled {
  /**
   * A key under which files match the same way, when every pattern of the config looks only at
   * a file's folder, the suffix of its name after the first dot (`*.ts`, `*.d.ts`, `**`, `dir/`)
   * or a literal name; null when some pattern needs the whole path.
   */
  matchKey: ((relative: string) => string) | null;
  globalIgnored: PathTest;
  defaults: PathTest;
  included: PathTest | null;
  entries: CompiledEntry[];
}

const compiledCache = new WeakMap<LintConfig, Compiled>();

const UNIVERSAL = new Set(['**', '**/*', '*']);

/** Files that shareable configs of these families lint although no pattern in the repository names them. */
const SHARED_FILES: Record<string, string[]> = {
  'typescript-eslint': ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
  'eslint-plugin-vue': ['**/*.vue'],
  'eslint-plugin-svelte': ['**/*.svelte'],
  'eslint-plugin-astro': ['**/*.astro'],
  'eslint-config-next': ['**/*.jsx', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
  'eslint-plugin-react': ['**/*.jsx', '**/*.tsx'],
};

function sharedFiles(shared: SharedConfig): string[] {
  return SHARED_FILES[shared.id.slice(0, shared.id.lastIndexOf(':'))] ?? [];
}

function compileEntry(config: LintConfig, entry: LintEntry): CompiledEntry {
  const files = entry.files === null ? null : anyMatch(entry.files, config.dot);
  let addsFiles: PathTest | null = null;
  if (config.tool === 'eslint') {
    const named = (entry.files ?? []).filter((pattern) => !UNIVERSAL.has(pattern));
    if (named.length > 0) addsFiles = anyMatch(named, config.dot);
    else if (entry.files === null && entry.shared) addsFiles = anyMatch(sharedFiles(entry.shared), config.dot);
  }
  return { entry, files, ignores: anyMatch(entry.ignores, config.dot), addsFiles };
}

const SUFFIX_SEGMENT = /^(\*\*|\*(\.[\w.-]+)?|\*\.\{[\w.,-]+\})$/;
const GLOB_CHARS = /[*?[\]{}()!+@]/;

/** See `Compiled.matchKey`. */
function matchKeyOf(patterns: readonly string[]): ((relative: string) => string) | null {
  const literals = new Set<string>();
  for (const raw of patterns) {
    const pattern = raw.replace(/^!/, '');
    if (pattern.endsWith('/')) continue;
    const last = pattern.slice(pattern.lastIndexOf('/') + 1);
    if (SUFFIX_SEGMENT.test(last)) continue;
    if (GLOB_CHARS.test(last)) return null;
    literals.add(last);
  }
  return (relative) => {
    const slash = relative.lastIndexOf('/');
    const name = relative.slice(slash + 1);
    const dot = name.indexOf('.', 1);
    const suffix = literals.has(name) ? `=${name}` : `${name.startsWith('.') ? '.' : ''}${dot < 0 ? '' : name.slice(dot)}`;
    return `${relative.slice(0, slash + 1)}\0${suffix}`;
  };
}

function compile(config: LintConfig): Compiled {
  let compiled = compiledCache.get(config);
  if (compiled) return compiled;
  const globals = config.entries.filter((entry) => entry.global).flatMap((entry) => entry.ignores);
  const patterns = [
    ...config.defaultFiles,
    ...config.defaultIgnores,
    ...(config.includes?.patterns ?? []),
    ...config.entries.flatMap((entry) => [...(entry.files ?? []), ...entry.ignores, ...(entry.shared ? sharedFiles(entry.shared) : [])]),
  ];
  compiled = {
    matchKey: matchKeyOf(patterns),
    globalIgnored: ignoreList([...config.defaultIgnores, ...globals], config.dot),
    defaults: anyMatch(config.defaultFiles, config.dot),
    included: config.includes === null ? null : ignoreList(config.includes.patterns, config.dot),
    entries: config.entries.filter((entry) => !entry.global).map((entry) => compileEntry(config, entry)),
  };
  compiledCache.set(config, compiled);
  return compiled;
}

const matchCache = new WeakMap<LintConfig, Map<string, { linted: boolean; matched: boolean[] }>>();

/**
 * Whether a config lints a file at all, and which of its (non-global) entries apply: the file's
 * signature. Memoized per config: both lint rules ask the same question of every file.
 */
function matchConfig(config: LintConfig, file: string): { linted: boolean; matched: boolean[] } {
  let cache = matchCache.get(config);
  if (!cache) matchCache.set(config, (cache = new Map<string, { linted: boolean; matched: boolean[] }>()));
  const relative = relativeTo(config.dir, file);
  const matchKey = compile(config).matchKey;
  const key = relative === null ? '\0outside' : matchKey ? matchKey(relative) : file;
  let result = cache.get(key);
  if (!result) cache.set(key, (result = matchConfigUncached(config, file)));
  return result;
}

function matchConfigUncached(config: LintConfig, file: string): { linted: boolean; matched: boolean[] } {
  const compiled = compile(config);
  const relative = relativeTo(config.dir, file);
  if (relative === null || !config.enabled.value || compiled.globalIgnored(relative)) return { linted: false, matched: [] };
  if (compiled.included && !compiled.included(relative)) return { linted: false, matched: [] };
  const matched = compiled.entries.map(({ files, ignores }) => (files === null || files(relative)) && !ignores(relative));
  const linted = compiled.defaults(relative) || compiled.entries.some((item) => item.addsFiles !== null && item.addsFiles(relative) && !item.ignores(relative));
  return { linted, matched };
}

/** The configs of each family that govern a file: nearest flat ESLint config, else the legacy cascade; nearest config for the others. */
export function governing(configs: readonly LintConfig[]): (file: string) => Map<LintTool, LintConfig[]> {
  const byDir = new Map<string, LintConfig[]>();
  for (const config of configs) byDir.set(config.dir, [...(byDir.get(config.dir) ?? []), config]);
  // Every file of a folder has the same governing configs: computed once per folder.
  const memo = new Map<string, Map<LintTool, LintConfig[]>>();
  return (file) => {
    const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    let result = memo.get(folder);
    if (!result) memo.set(folder, (result = governFolder(file)));
    return result;
  };
  function governFolder(file: string): Map<LintTool, LintConfig[]> {
    const dirs: string[] = [];
    const parts = file.split('/');
    for (let i = parts.length - 1; i >= 0; i--) dirs.push(parts.slice(0, i).join('/'));
    const result = new Map<LintTool, LintConfig[]>();
    const legacyChain: LintConfig[] = [];
    let legacyDone = false;
    let flat: LintConfig | null = null;
    for (const dir of dirs) {
      for (const config of byDir.get(dir) ?? []) {
        if (config.tool === 'eslint') {
          if (!config.cascade && config.file.match(/eslint\.config\.[cm]?[jt]s$/)) {
            flat ??= config;
          } else if (!legacyDone) {
            legacyChain.unshift(config);
            if (!config.cascade) legacyDone = true;
          }
        } else if (!result.has(config.tool)) {
          result.set(config.tool, [config]);
        }
      }
    }
    if (flat) result.set('eslint', [flat]);
    else if (legacyChain.length > 0) result.set('eslint', legacyChain);
    return result;
  }
}

function mergeRule(rules: Map<string, EffectiveRule>, name: string, setting: RuleSetting): void {
  const previous = rules.get(name);
  const options = setting.options ?? previous?.options ?? null;
  rules.set(name, { level: setting.level, options, origin: setting.origin });
}

/** The effective state of a file under a chain of configs of one family. `universe`: the codes to decide for prefix-named linters. */
export function fileState(chain: readonly LintConfig[], file: string, universe: readonly string[]): FileState {
  const rules = new Map<string, EffectiveRule>();
  const shared: FileState['shared'] = [];
  let linted = chain.length > 0;
  for (const config of chain) {
    const { linted: configLints, matched } = matchConfig(config, file);
    if (!configLints) linted = false;
    const entries = compile(config).entries;
    if (config.naming === 'prefixes') {
      decidePrefixes(entries.filter((_, i) => matched[i]).map((item) => item.entry), universe, rules);
      continue;
    }
    entries.forEach(({ entry }, i) => {
      if (!matched[i]) return;
      if (entry.shared) shared.push({ ...entry.shared, origin: entry.origin });
      for (const [name, setting] of entry.rules) mergeRule(rules, name, setting);
    });
  }
  return { configs: [...chain], linted, rules, shared };
}

/** Whether every config of the chain lints the file (no rules merged: the scope alone). */
export function lints(chain: readonly LintConfig[], file: string): boolean {
  return chain.length > 0 && chain.every((config) => matchConfig(config, file).linted);
}

/** A signature of the file: configs and matched entries. Files with one signature have one effective state. */
export function signature(chain: readonly LintConfig[], file: string): string {
  return chain.map((config) => {
    const { linted, matched } = matchConfig(config, file);
    return `${config.file}:${linted ? 1 : 0}:${matched.map((m) => (m ? 1 : 0)).join('')}`;
  }).join('|');
}

/** ruff/flake8: for each code of the universe, on when the longest matching selector is a select (and no per-file ignore applies). */
function decidePrefixes(matched: readonly LintEntry[], universe: readonly string[], rules: Map<string, EffectiveRule>): void {
  const selection = matched.find((entry) => entry.files === null);
  const perFile = matched.filter((entry) => entry.files !== null);
  for (const code of universe) {
    let best: { length: number; setting: RuleSetting } | null = null;
    for (const [prefix, setting] of selection?.rules ?? []) {
      const stem = prefix === 'ALL' ? '' : prefix;
      if (!code.startsWith(stem) || (code === 'ALL' && stem !== '')) continue;
      // A longer prefix is more specific; an ignore wins a tie with a select.
      if (best === null || stem.length > best.length || (stem.length === best.length && setting.level === 0)) best = { length: stem.length, setting };
    }
    if (best === null) continue;
    let decided: EffectiveRule = { level: best.setting.level, options: null, origin: best.setting.origin };
    for (const entry of perFile) {
      for (const [prefix, setting] of entry.rules) {
        const stem = prefix === 'ALL' ? '' : prefix;
        if (code.startsWith(stem) && decided.level > 0) decided = { level: 0, options: null, origin: setting.origin };
      }
    }
    rules.set(code, decided);
  }
}

/** The files of a revision each config family lints, with the chain that governs each. */
export function lintedFiles(configs: readonly LintConfig[], paths: readonly string[]): Map<LintTool, Map<string, LintConfig[]>> {
  const govern = governing(configs);
  const roots = [...new Set(configs.map((config) => config.dir))];
  const candidates = new Set<string>();
  for (const root of roots) for (const file of pathsUnder(paths, root)) candidates.add(file);
  const out = new Map<LintTool, Map<string, LintConfig[]>>();
  for (const file of candidates) {
    for (const [tool, chain] of govern(file)) {
      if (!lints(chain, file)) continue;
      let files = out.get(tool);
      if (!files) out.set(tool, (files = new Map<string, LintConfig[]>()));
      files.set(file, chain);
    }
  }
  return out;
}
