import { parse as parseToml } from 'smol-toml';
import type { Unresolved } from '../model.js';
import { iniGet, iniLines, iniList, parseIni, type IniEntry, type IniFile } from '../ini.js';
import { tomlLocator } from './toml-lines.js';

/**
 * coverage.py's configuration as written in one file, with lines. Which file is read and how
 * follows coverage.py's `coverage/config.py` (`config_files_to_try`, `read_coverage_config`,
 * `CoverageConfig.from_file`, `HandyConfigParser`, `tomlconfig.TomlConfigParser`):
 *
 * - Files tried, in order, in the directory coverage runs from: `.coveragerc` (or the file named
 *   by `--rcfile` / `--cov-config` / `COVERAGE_RCFILE`), `setup.cfg`, `tox.ini`, `pyproject.toml`.
 *   The FIRST file that is used wins; nothing is merged. `.coveragerc` ("our file") is used
 *   whenever it exists, even empty; the others only when they set at least one coverage option.
 * - `.coveragerc` sections are `[run]`, `[report]`… or `[coverage:run]`…, the prefixed one
 *   winning; `setup.cfg` / `tox.ini` only `[coverage:run]`…; `pyproject.toml` only
 *   `[tool.coverage.run]`…
 * - INI lists split at newlines and commas; regex lists (`exclude_lines`, `exclude_also`) one per
 *   line; TOML lists must be arrays. `$VAR` / `${VAR}` are environment variables (`$$` is `$`).
 */

export interface PyItem {
  text: string;
  line: number;
}

export interface PyList {
  /** Line of the key. */
  line: number;
  items: PyItem[];
}

export interface PyScalar<T> {
  line: number;
  value: T;
}

export interface CoveragePySettings {
  file: string;
  /** Line of the first coverage section (or 1). */
  line: number;
  source?: PyList;
  sourcePkgs?: PyList;
  runInclude?: PyList;
  runOmit?: PyList;
  branch?: PyScalar<boolean>;
  reportInclude?: PyList;
  reportOmit?: PyList;
  failUnder?: PyScalar<number>;
  excludeLines?: PyList;
  excludeAlso?: PyList;
  unresolved: Unresolved[];
}

export const COVERAGE_FILES = ['.coveragerc', 'setup.cfg', 'tox.ini', 'pyproject.toml'] as const;

/** Options coverage.py reads (`CoverageConfig.CONFIG_FILE_OPTIONS`); setting any of them makes a shared file "used". */
const KNOWN: Record<string, readonly string[]> = {
  run: [
    'branch', 'command_line', 'concurrency', 'context', 'core', 'cover_pylib', 'data_file', 'debug', 'debug_file',
    'disable_warnings', 'dynamic_context', 'parallel', 'patch', 'plugins', 'relative_files', 'include', 'omit',
    'sigterm', 'source', 'source_pkgs', 'source_dirs', 'timid', '_crash',
  ],
  report: [
    'exclude_lines', 'exclude_also', 'fail_under', 'format', 'ignore_errors', 'include_namespace_packages',
    'partial_branches_always', 'partial_branches', 'partial_also', 'precision', 'contexts', 'include', 'omit',
    'show_missing', 'skip_covered', 'skip_empty', 'sort',
  ],
  html: ['extra_css', 'directory', 'skip_covered', 'skip_empty', 'title', 'show_contexts'],
  xml: ['output', 'package_depth'],
  json: ['output', 'pretty_print', 'show_contexts'],
  lcov: ['output', 'line_checksums'],
};

export class CoverageConfigError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CoverageConfigError';
  }
}

const ENV = /\$(?:\{[^}]*\}|\w+)/;

function envUnresolved(file: string, setting: string, item: PyItem): Unresolved | null {
  if (!ENV.test(item.text.replaceAll('$$', ''))) return null;
  return { file, line: item.line, setting, expression: item.text.slice(0, 120), reason: 'environment variable' };
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The coverage settings of one file, or null when coverage.py would not use it (a shared file
 * without coverage options). `ourFile` is true for `.coveragerc` or a file named explicitly.
 * Throws `CoverageConfigError` when coverage.py would fail to read it.
 */
export function readCoverageSettings(file: string, text: string, ourFile: boolean): CoveragePySettings | null {
  return basename(file).endsWith('.toml') ? readToml(file, text, ourFile) : readIni(file, text, ourFile);
}

const TRUE = new Set(['1', 'yes', 'true', 'on']);
const FALSE = new Set(['0', 'no', 'false', 'off']);

function readIni(file: string, text: string, ourFile: boolean): CoveragePySettings | null {
  let ini: IniFile;
  try {
    ini = parseIni(text);
  } catch (error) {
    const line = error instanceof Error && 'line' in error && typeof error.line === 'number' ? error.line : 1;
    throw new CoverageConfigError(error instanceof Error ? error.message : String(error), line);
  }
  const prefixes = ourFile ? ['coverage:', ''] : ['coverage:'];
  const realSection = (section: string): string | undefined =>
    prefixes.map((prefix) => prefix + section).find((name) => ini.sections.has(name));
  let anySet = false;
  let firstLine = Number.POSITIVE_INFINITY;
  for (const section of [...Object.keys(KNOWN), 'paths']) {
    const real = realSection(section);
    if (real === undefined) continue;
    const found = ini.sections.get(real)!;
    const known = KNOWN[section];
    if ([...found.entries.keys()].some((key) => known === undefined || known.includes(key))) anySet = true;
    firstLine = Math.min(firstLine, found.line);
  }
  if (!anySet && !ourFile) return null;
  const settings: CoveragePySettings = { file, line: Number.isFinite(firstLine) ? firstLine : 1, unresolved: [] };
  const get = (section: string, key: string): IniEntry | undefined => {
    const real = realSection(section);
    return real === undefined ? undefined : iniGet(ini, real, key);
  };
  const list = (section: string, key: string, regex = false): PyList | undefined => {
    const entry = get(section, key);
    if (!entry) return undefined;
    const items = regex ? iniLines(entry) : iniList(entry);
    for (const item of items) {
      const unresolved = envUnresolved(file, `${section}.${key}`, item);
      if (unresolved) settings.unresolved.push(unresolved);
    }
    return { line: entry.line, items };
  };
  assignListSettings(settings, list);
  const branch = get('run', 'branch');
  if (branch) {
    const value = branch.value.toLowerCase();
    if (!TRUE.has(value) && !FALSE.has(value)) throw new CoverageConfigError(`[run] branch is not a boolean: ${branch.value}`, branch.line);
    settings.branch = { line: branch.line, value: TRUE.has(value) };
  }
  const failUnder = get('report', 'fail_under');
  if (failUnder) settings.failUnder = { line: failUnder.line, value: toFloat(file, failUnder.value, failUnder.line, settings) };
  return settings;
}

function toFloat(file: string, text: string, line: number, settings: CoveragePySettings): number {
  if (ENV.test(text.replaceAll('$$', ''))) {
    settings.unresolved.push({ file, line, setting: 'report.fail_under', expression: text.slice(0, 120), reason: 'environment variable' });
    return Number.NaN;
  }
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) throw new CoverageConfigError(`[report] fail_under is not a number: ${text}`, line);
  return value;
}

function assign<K extends keyof CoveragePySettings>(settings: CoveragePySettings, key: K, value: CoveragePySettings[K] | undefined): void {
  if (value !== undefined) settings[key] = value;
}

type TomlTable = Record<string, unknown>;

const isTable = (value: unknown): value is TomlTable => typeof value === 'object' && value !== null && !Array.isArray(value);

function readToml(file: string, text: string, ourFile: boolean): CoveragePySettings | null {
  let data: TomlTable;
  try {
    data = parseToml(text);
  } catch (error) {
    const line = error instanceof Error && 'line' in error && typeof error.line === 'number' ? error.line : 1;
    throw new CoverageConfigError(`invalid TOML: ${error instanceof Error ? error.message.split('\n')[0]! : String(error)}`, line);
  }
  const tool = data['tool'];
  const coverage = isTable(tool) ? tool['coverage'] : undefined;
  const sections = isTable(coverage) ? coverage : {};
  let anySet = false;
  const entries: [string, readonly string[] | undefined][] = [...Object.entries(KNOWN), ['paths', undefined]];
  for (const [section, known] of entries) {
    const table = sections[section];
    if (isTable(table) && Object.keys(table).some((key) => known === undefined || known.includes(key))) anySet = true;
  }
  if (!anySet && !ourFile) return null;
  const locate = tomlLocator(text);
  const firstLine = Object.keys(sections)
    .map((section) => locate.table(['tool', 'coverage', section]))
    .filter((line): line is number => line !== null);
  const settings: CoveragePySettings = { file, line: firstLine.length > 0 ? Math.min(...firstLine) : (locate.table(['tool', 'coverage']) ?? 1), unresolved: [] };
  const value = (section: string, key: string): { value: unknown; line: number } | undefined => {
    const table = sections[section];
    if (!isTable(table) || !(key in table)) return undefined;
    const path = ['tool', 'coverage', section];
    return { value: table[key], line: locate.key(path, key) ?? locate.table(path) ?? settings.line };
  };
  const list = (section: string, key: string): PyList | undefined => {
    const found = value(section, key);
    if (!found) return undefined;
    if (!Array.isArray(found.value) || !found.value.every((item): item is string => typeof item === 'string')) {
      throw new CoverageConfigError(`[tool.coverage.${section}] ${key} is not a list of strings`, found.line);
    }
    const texts = found.value.map((item) => item.trim()).filter((item) => item !== '');
    const lines = locate.items(found.line, texts);
    const items = texts.map((item, i) => ({ text: item, line: lines[i]! }));
    for (const item of items) {
      const unresolved = envUnresolved(file, `${section}.${key}`, item);
      if (unresolved) settings.unresolved.push(unresolved);
    }
    return { line: found.line, items };
  };
  assignListSettings(settings, list);
  const branch = value('run', 'branch');
  if (branch) {
    const raw = branch.value;
    const parsed = typeof raw === 'boolean' ? raw : raw === 'true' ? true : raw === 'false' ? false : null;
    if (parsed === null) throw new CoverageConfigError('[tool.coverage.run] branch is not a boolean', branch.line);
    settings.branch = { line: branch.line, value: parsed };
  }
  const failUnder = value('report', 'fail_under');
  if (failUnder) {
    const raw = failUnder.value;
    const number = typeof raw === 'number' ? raw : typeof raw === 'bigint' ? Number(raw) : typeof raw === 'string' ? toFloat(file, raw, failUnder.line, settings) : Number.NaN;
    if (typeof raw !== 'string' && !Number.isFinite(number)) throw new CoverageConfigError('[tool.coverage.report] fail_under is not a number', failUnder.line);
    settings.failUnder = { line: failUnder.line, value: number };
  }
  return settings;
}

/**
 * The list-valued settings, read the same way from INI and TOML. `regex` marks settings whose
 * items are regular expressions (one per line in INI, where commas may be part of a regex).
 */
function assignListSettings(settings: CoveragePySettings, list: (section: string, key: string, regex?: boolean) => PyList | undefined): void {
  assign(settings, 'source', list('run', 'source'));
  assign(settings, 'sourcePkgs', list('run', 'source_pkgs'));
  assign(settings, 'runInclude', list('run', 'include'));
  assign(settings, 'runOmit', list('run', 'omit'));
  assign(settings, 'reportInclude', list('report', 'include'));
  assign(settings, 'reportOmit', list('report', 'omit'));
  assign(settings, 'excludeLines', list('report', 'exclude_lines', true));
  assign(settings, 'excludeAlso', list('report', 'exclude_also', true));
}
