import { parse as parseToml } from 'smol-toml';
import type { ConfigSource } from '../config-source.js';
import { IniError, parseIni, type IniSection } from '../coverage/ini.js';
import { tomlLocator } from '../coverage/python/toml-lines.js';
import { dirname, joinPath } from '../config-eval/paths.js';
import { unwrapLauncher } from '../commands/launchers.js';
import { gateCommandList } from './commands.js';
import type { MypyConfig, MypySection, Origin, PatternList, Setting, Unresolved } from './model.js';
import { MYPY_STRICT_FLAGS } from './mypy-options.js';

/**
 * mypy's configuration, as mypy reads it (`mypy/config_parser.py`, `mypy/defaults.py`):
 *
 * - File: the one a `mypy --config-file X` command names, else the first of `mypy.ini`,
 *   `.mypy.ini`, `pyproject.toml` (only with `[tool.mypy]`), `setup.cfg` (only with `[mypy]`) at
 *   the repository root. Nothing is merged across files.
 * - `[mypy]` / `[tool.mypy]` is global; `[mypy-pkg.*,other]` sections and
 *   `[[tool.mypy.overrides]]` tables (`module = "pkg.*"` or a list) apply to modules.
 * - `strict = True` (global only) turns on the flags `mypy --help` lists under `--strict`; a flag
 *   set explicitly in the same section wins over it (mypy applies `strict` first).
 * - Inverted spellings are normalised: `allow_untyped_defs = True` is
 *   `disallow_untyped_defs = False`, `no_implicit_optional = True` is `implicit_optional = False`.
 * - What is checked: `files`, else the paths given to a `mypy` command, else every Python file.
 */

export const MYPY_FILES = ['mypy.ini', '.mypy.ini', 'pyproject.toml', 'setup.cfg'] as const;


/** Flags a `no_` prefix may negate (the strict set and the other flags commonly negated on command lines). */
const MYPY_KNOWN_FLAGS: Readonly<Record<string, true>> = Object.fromEntries(
  [...Object.keys(MYPY_STRICT_FLAGS), 'strict_optional', 'warn_no_return', 'warn_unreachable', 'implicit_optional', 'implicit_reexport', 'strict', 'local_partial_types', 'strict_bytes'].map((name) => [name, true]),
);

const BOOLEAN_TRUE = new Set(['true', '1', 'yes', 'on']);
const BOOLEAN_FALSE = new Set(['false', '0', 'no', 'off']);
const LIST_OPTIONS = new Set(['files', 'disable_error_code', 'enable_error_code', 'modules', 'packages']);

/** Inverted spellings mypy accepts, to their canonical option and whether the value flips. */
function canonical(key: string): { key: string; invert: boolean } {
  const name = key.toLowerCase().replace(/-/g, '_');
  if (name.startsWith('allow_untyped') || name.startsWith('allow_incomplete') || name.startsWith('allow_subclassing') || name.startsWith('allow_any_')) return { key: `dis${name}`, invert: true };
  if (name === 'no_implicit_optional') return { key: 'implicit_optional', invert: true };
  if (name === 'no_implicit_reexport') return { key: 'implicit_reexport', invert: true };
  if (name === 'no_strict_optional') return { key: 'strict_optional', invert: true };
  if (name === 'no_warn_no_return') return { key: 'warn_no_return', invert: true };
  if (name === 'strict_concatenate') return { key: 'extra_checks', invert: false };
  // Command-line negations (`--no-warn-unused-ignores`, `--no-check-untyped-defs`).
  if (name.startsWith('no_') && name.slice(3) in MYPY_KNOWN_FLAGS) return { key: name.slice(3), invert: true };
  return { key: name, invert: false };
}

function normalise(key: string, raw: unknown): { key: string; value: unknown } {
  const { key: name, invert } = canonical(key);
  let value: unknown = raw;
  if (typeof raw === 'string' && !LIST_OPTIONS.has(name)) {
    const lower = raw.trim().toLowerCase();
    if (BOOLEAN_TRUE.has(lower)) value = true;
    else if (BOOLEAN_FALSE.has(lower)) value = false;
    else value = raw.trim();
  } else if (typeof raw === 'string') {
    value = raw.split(/[,\n]/).map((item) => item.trim()).filter((item) => item !== '');
  }
  if (invert && typeof value === 'boolean') value = !value;
  return { key: name, value };
}

function iniSection(file: string, section: IniSection, modules: string[]): MypySection {
  const options: Record<string, Setting> = {};
  for (const entry of section.entries.values()) {
    // configparser joins continuation lines with newlines; an `exclude` keeps them for verbose regexes.
    const { key, value } = normalise(entry.key, entry.value);
    options[key] = { value, origin: { file, line: entry.line } };
  }
  return { modules, options, origin: { file, line: section.line } };
}

function readIni(file: string, text: string, requireSection: boolean): MypyConfig | Unresolved | null {
  let ini;
  try {
    ini = parseIni(text);
  } catch (error) {
    if (error instanceof IniError) return { file, line: error.line, setting: 'mypy', expression: file, reason: `cannot be parsed (${error.message})` };
    throw error;
  }
  const global = ini.sections.get('mypy');
  if (!global && requireSection) return null;
  const config: MypyConfig = {
    file,
    global: global ? iniSection(file, global, ['*']) : { modules: ['*'], options: {}, origin: { file, line: 1 } },
    modules: new Map(),
    targets: { patterns: [], dir: '', origin: { file, line: 1 } },
    unresolved: [],
  };
  for (const [name, section] of ini.sections) {
    if (!name.startsWith('mypy-')) continue;
    const modules = name.slice(5).split(',').map((m) => m.trim()).filter((m) => m !== '');
    config.modules.set(modules.join(','), iniSection(file, section, modules));
  }
  return config;
}

function readPyproject(file: string, text: string): MypyConfig | Unresolved | null {
  let data: Record<string, unknown>;
  try {
    data = parseToml(text);
  } catch (error) {
    const line = typeof (error as { line?: unknown }).line === 'number' ? (error as { line: number }).line : 1;
    return { file, line, setting: 'mypy', expression: file, reason: 'cannot be parsed as TOML' };
  }
  const tool = data.tool as Record<string, unknown> | undefined;
  const mypy = tool?.mypy as Record<string, unknown> | undefined;
  if (!mypy || typeof mypy !== 'object') return null;
  const locate = tomlLocator(text);
  const lines = text.split(/\r\n|\n|\r/);
  const options: Record<string, Setting> = {};
  for (const [key, value] of Object.entries(mypy)) {
    if (key === 'overrides') continue;
    const normal = normalise(key, value);
    options[normal.key] = { value: normal.value, origin: { file, line: locate.key(['tool', 'mypy'], key) ?? locate.table(['tool', 'mypy']) ?? 1 } };
  }
  const config: MypyConfig = {
    file,
    global: { modules: ['*'], options, origin: { file, line: locate.table(['tool', 'mypy']) ?? 1 } },
    modules: new Map(),
    targets: { patterns: [], dir: '', origin: { file, line: 1 } },
    unresolved: [],
  };
  // `[[tool.mypy.overrides]]` headers in order; smol-toml keeps no positions, so lines are found in the text.
  const headers = lines.flatMap((line, index) => (/^\s*\[\[\s*tool\s*\.\s*mypy\s*\.\s*overrides\s*\]\]/.test(line) ? [index] : []));
  const overrides = Array.isArray(mypy.overrides) ? (mypy.overrides as unknown[]) : [];
  overrides.forEach((override, index) => {
    if (!override || typeof override !== 'object') return;
    const start = headers[index] ?? 0;
    const end = lines.findIndex((line, at) => at > start && /^\s*\[/.test(line));
    const keyLine = (key: string): number => {
      for (let i = start + 1; i < (end < 0 ? lines.length : end); i++) if (new RegExp(`^\\s*["']?${key}["']?\\s*=`).test(lines[i]!)) return i + 1;
      return start + 1;
    };
    const record = override as Record<string, unknown>;
    const module = record.module;
    const modules = (Array.isArray(module) ? module : [module]).filter((m): m is string => typeof m === 'string');
    const sectionOptions: Record<string, Setting> = {};
    for (const [key, value] of Object.entries(record)) {
      if (key === 'module') continue;
      const normal = normalise(key, value);
      sectionOptions[normal.key] = { value: normal.value, origin: { file, line: keyLine(key) } };
    }
    const name = modules.join(',');
    const existing = config.modules.get(name);
    // Two override tables for the same modules: mypy applies both, the later one winning.
    config.modules.set(name, { modules, options: { ...existing?.options, ...sectionOptions }, origin: existing?.origin ?? { file, line: start + 1 } });
  });
  return config;
}

/** Value-taking mypy options (their value is not a target). */
const MYPY_VALUE_OPTIONS = new Set(['-p', '--package', '-m', '--module', '-c', '--command', '--python-version', '--python-executable', '--cache-dir', '--platform', '--follow-imports', '--custom-typeshed-dir', '--junit-xml', '--html-report', '--txt-report', '--linecount-report', '--linecoverage-report', '--memory-xml-report', '--cobertura-xml-report', '--xml-report', '--any-exprs-report', '--lineprecision-report', '--shadow-file', '--always-true', '--always-false', '--enable-error-code', '--disable-error-code', '--exclude', '--config-file', '--mypy-path', '--cache-map', '--package-root']);

interface MypyCommands {
  configFile: { path: string; origin: Origin } | null;
  targets: { text: string; dir: string; origin: Origin }[];
  /** Options given on the command line (`--strict`, `--no-strict-optional`, `--exclude`), which override the config file's. */
  options: Record<string, Setting>;
}

/** Paths a `mypy` command checks, the config file it names and the options it sets, from scripts and workflow steps. */
function mypyCommands(source: ConfigSource): MypyCommands {
  const found: MypyCommands = { configFile: null, targets: [], options: {} };
  const excludes: string[] = [];
  for (const { site, words } of gateCommandList(source)) {
    const launched = unwrapLauncher(words, (name) => (name === 'mypy' || name === 'dmypy' ? name : null));
    if (!launched) continue;
    let args = launched.words;
    // `dmypy run -- src`: the daemon's subcommand, then mypy's own arguments.
    if (launched.tool === 'dmypy') {
      if (!['run', 'check'].includes(args[0]?.text ?? '')) continue;
      args = args.slice(1).filter((word) => word.text !== '--');
    }
    for (let i = 0; i < args.length; i++) {
      const word = args[i]!;
      const origin = { file: site.file, line: word.line };
      const eq = word.text.indexOf('=');
      const flag = word.text.startsWith('--') && eq > 0 ? word.text.slice(0, eq) : word.text;
      const inline = flag === word.text ? null : word.text.slice(eq + 1);
      const value = (): string | null => (inline !== null ? inline : (args[++i]?.text ?? null));
      if (flag === '--config-file') {
        const text = value();
        const path = text === null ? null : joinPath(site.dir, text);
        if (path !== null) found.configFile = { path, origin };
      } else if (flag === '--exclude') {
        const text = value();
        if (text !== null) {
          excludes.push(text);
          found.options.exclude = { value: [...excludes], origin };
        }
      } else if (flag === '--follow-imports' || flag === '--disable-error-code' || flag === '--enable-error-code') {
        const text = value();
        const key = flag.slice(2).replace(/-/g, '_');
        if (text !== null) found.options[key] = { value: key === 'follow_imports' ? text : [...((found.options[key]?.value as string[] | undefined) ?? []), text], origin };
      } else if (MYPY_VALUE_OPTIONS.has(flag)) {
        if (inline === null) i++;
      } else if (flag.startsWith('--')) {
        const normal = normalise(flag.slice(2), 'True');
        found.options[normal.key] = { value: normal.value, origin };
      } else if (!flag.startsWith('-')) found.targets.push({ text: word.text, dir: site.dir, origin });
    }
  }
  return found;
}

export function readMypy(source: ConfigSource): MypyConfig | null {
  const commands = mypyCommands(source);
  const candidates: string[] = commands.configFile ? [commands.configFile.path] : [...MYPY_FILES];
  let config: MypyConfig | null = null;
  for (const file of candidates) {
    const text = source.read(file);
    if (text === null) continue;
    const named = commands.configFile !== null;
    const read = file.endsWith('.toml') ? readPyproject(file, text) : readIni(file, text, !named && file.endsWith('setup.cfg'));
    if (read === null) continue;
    if ('reason' in read) {
      config = { file, global: { modules: ['*'], options: {}, origin: { file, line: 1 } }, modules: new Map(), targets: { patterns: ['.'], dir: '', origin: { file, line: 1 } }, unresolved: [read] };
    } else config = read;
    break;
  }
  if (!config && commands.targets.length === 0) return null;
  config ??= { file: '', global: { modules: ['*'], options: {}, origin: { file: '', line: 1 } }, modules: new Map(), targets: { patterns: [], dir: '', origin: { file: '', line: 1 } }, unresolved: [] };
  // Command-line options override the config file's global section.
  Object.assign(config.global.options, commands.options);
  const files = config.global.options.files;
  if (commands.targets.length > 0) {
    // Paths on the command line replace `files`.
    const first = commands.targets[0]!;
    config.targets = { patterns: commands.targets.map((t) => joinPath(t.dir, t.text) ?? t.text), dir: '', origin: first.origin };
  } else if (files && Array.isArray(files.value)) {
    config.targets = { patterns: files.value.map(String), dir: dirname(config.file), origin: files.origin };
  } else {
    config.targets = { patterns: ['.'], dir: '', origin: config.global.origin };
  }
  return config;
}

export type { PatternList };
