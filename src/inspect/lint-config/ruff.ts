import { parse as parseToml } from 'smol-toml';
import type { ConfigSource } from '../config-source.js';
import { tomlLocator } from '../coverage/python/toml-lines.js';
import type { LintConfig } from './model.js';
import { excludeEntry, perFileEntry, pythonConfig, pythonGlob, selectionEntry, type CodeItem } from './python-common.js';

/**
 * ruff: `.ruff.toml`, `ruff.toml`, or `pyproject.toml` with a `[tool.ruff]` table (that order in
 * one folder; the nearest folder's config governs a file). Settings are read from `[lint]` and,
 * for the deprecated top-level spelling, from the root table (`lint.*` wins): `select` (default
 * `E4`, `E7`, `E9`, `F`), `extend-select`, `ignore`, `extend-ignore`, `per-file-ignores`,
 * `extend-per-file-ignores`; `exclude` (replaces ruff's default excludes), `extend-exclude`,
 * `include`/`extend-include`; `line-length` and `mccabe.max-complexity` as limits.
 */

export const RUFF_NAMES = ['.ruff.toml', 'ruff.toml', 'pyproject.toml'];
const DEFAULT_SELECT = ['E4', 'E7', 'E9', 'F'];
const DEFAULT_EXCLUDE = [
  '.bzr', '.direnv', '.eggs', '.git', '.git-rewrite', '.hg', '.ipynb_checkpoints', '.mypy_cache', '.nox', '.pants.d', '.pyenv', '.pytest_cache', '.pytype',
  '.ruff_cache', '.svn', '.tox', '.venv', '.vscode', '__pypackages__', '_build', 'buck-out', 'dist', 'node_modules', 'site-packages', 'venv',
];
const DEFAULT_FILES = ['**/*.py', '**/*.pyi', '**/*.ipynb'];

type Table = Record<string, unknown>;
const isTable = (value: unknown): value is Table => typeof value === 'object' && value !== null && !Array.isArray(value);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
const dirOf = (file: string): string => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '');

/** The ruff table of a file, or null when the file is not a ruff config (a pyproject.toml without `[tool.ruff]`). */
function ruffTable(file: string, data: Table): { table: Table; path: string[] } | null {
  if (!file.endsWith('pyproject.toml')) return { table: data, path: [] };
  const tool = data.tool;
  const ruff = isTable(tool) ? tool.ruff : undefined;
  return isTable(ruff) ? { table: ruff, path: ['tool', 'ruff'] } : null;
}

export function isRuffConfig(file: string, text: string): boolean {
  const name = file.slice(file.lastIndexOf('/') + 1);
  if (name !== 'pyproject.toml') return RUFF_NAMES.includes(name);
  return /^\s*\[tool\.ruff[\].]/m.test(text) || /^\s*\[tool\]/m.test(text);
}

export function readRuff(source: ConfigSource, file: string): LintConfig | null {
  const text = source.read(file);
  if (text === null) return null;
  const dir = dirOf(file);
  const config = pythonConfig('ruff', file, dir, DEFAULT_FILES, DEFAULT_EXCLUDE);
  let data: Table;
  try {
    data = parseToml(text);
  } catch (error) {
    const line = typeof (error as { line?: unknown }).line === 'number' ? (error as { line: number }).line : 1;
    config.unresolved.push({ file, line, setting: 'ruff', expression: file, reason: `invalid TOML: ${(error as Error).message.split('\n')[0] ?? ''}` });
    return config;
  }
  const found = ruffTable(file, data);
  if (found === null) return null;
  const locate = tomlLocator(text);
  const rootLine = locate.table(found.path) ?? 1;
  const lint = isTable(found.table.lint) ? found.table.lint : {};
  const lintPath = [...found.path, 'lint'];
  /** A setting from `[lint]`, else the deprecated top-level one, with the path it was read from. */
  const get = (key: string): { value: unknown; path: string[] } | null => {
    if (key in lint) return { value: lint[key], path: lintPath };
    if (key in found.table) return { value: found.table[key], path: found.path };
    return null;
  };
  const codes = (key: string): CodeItem[] | null => {
    const setting = get(key);
    if (setting === null) return null;
    const list = strings(setting.value);
    const line = locate.key(setting.path, key) ?? rootLine;
    const lines = locate.items(line, list);
    return list.map((code, i) => ({ code, origin: { file, line: lines[i] ?? line } }));
  };
  const select = codes('select') ?? DEFAULT_SELECT.map((code) => ({ code, origin: { file, line: rootLine } }));
  const selection = selectionEntry({ file, line: rootLine }, [...select, ...(codes('extend-select') ?? [])], [...(codes('ignore') ?? []), ...(codes('extend-ignore') ?? [])]);
  config.entries.push(selection);
  for (const key of ['per-file-ignores', 'extend-per-file-ignores']) {
    const setting = get(key);
    if (setting === null || !isTable(setting.value)) continue;
    const tablePath = [...setting.path, key];
    for (const [pattern, value] of Object.entries(setting.value)) {
      const line = locate.key(tablePath, pattern) ?? locate.key(tablePath, `"${pattern}"`) ?? locate.table(tablePath) ?? rootLine;
      const list = strings(value);
      config.entries.push(perFileEntry(pattern, list.map((code) => ({ code, origin: { file, line } })), { file, line }));
    }
  }
  const exclude = found.table.exclude;
  if (Array.isArray(exclude)) {
    // `exclude` replaces ruff's defaults; kept as an entry so a finding can point at it.
    config.defaultIgnores = [];
    config.entries.push(excludeEntry(strings(exclude), { file, line: locate.key(found.path, 'exclude') ?? rootLine }));
  }
  const extendExclude = strings(found.table['extend-exclude']);
  if (extendExclude.length > 0) config.entries.push(excludeEntry(extendExclude, { file, line: locate.key(found.path, 'extend-exclude') ?? rootLine }));
  const include = found.table.include;
  if (Array.isArray(include)) config.defaultFiles = strings(include).map(pythonGlob);
  config.defaultFiles = [...config.defaultFiles, ...strings(found.table['extend-include']).map(pythonGlob)];
  const lineLength = found.table['line-length'];
  // ruff's defaults (88, 10) count when a side does not write the limit: raising it from the default is loosening too.
  config.limits.set('line-length', { value: typeof lineLength === 'number' ? lineLength : 88, origin: { file, line: locate.key(found.path, 'line-length') ?? rootLine } });
  const mccabe = lint.mccabe ?? found.table.mccabe;
  const complexity = isTable(mccabe) && typeof mccabe['max-complexity'] === 'number' ? mccabe['max-complexity'] : 10;
  const mccabePath = isTable(lint.mccabe) ? [...lintPath, 'mccabe'] : [...found.path, 'mccabe'];
  config.limits.set('max-complexity', { value: complexity, origin: { file, line: locate.key(mccabePath, 'max-complexity') ?? rootLine } });
  return config;
}
