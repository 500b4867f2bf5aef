import { parse as parseToml } from 'smol-toml';
import { splitShell, type Word } from '../commands/shell.js';
import type { ConfigSource } from '../config-source.js';
import { iniGet, parseIni } from '../coverage/ini.js';
import { tomlLocator } from '../coverage/python/toml-lines.js';

/**
 * The pytest config file of a directory, in pytest's order (`_pytest/config/findpaths.py`
 * `locate_config`): `pytest.ini` and `.pytest.ini` (even without a `[pytest]` section),
 * `pyproject.toml` `[tool.pytest.ini_options]`, `tox.ini` `[pytest]`, `setup.cfg` `[tool:pytest]`;
 * for the coverage (pytest-cov `addopts`) and the runner readers.
 */
export const PYTEST_CONFIG_FILES = ['pytest.ini', '.pytest.ini', 'pyproject.toml', 'tox.ini', 'setup.cfg'] as const;
const baseOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const dirOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/** Whether `path` is named like a pytest config file (any of them). */
export function isPytestConfigFile(path: string): boolean {
  return (PYTEST_CONFIG_FILES as readonly string[]).includes(baseOf(path));
}

/** Directories holding a file named like a pytest config, in order. */
export function pytestConfigDirs(paths: readonly string[]): string[] {
  return [...new Set(paths.filter(isPytestConfigFile).map(dirOf))].sort();
}

const SECTION: Record<string, string> = { 'pytest.ini': 'pytest', '.pytest.ini': 'pytest', 'tox.ini': 'pytest', 'setup.cfg': 'tool:pytest' };

/** An ini option's value: its line and its words (a string is split like a shell line, a list item by item). */
export interface IniValue {
  line: number;
  words: Word[];
}

export interface PytestConfig {
  file: string;
  /** Line of the section. */
  line: number;
  get(key: string): IniValue | undefined;
}

/** The config pytest uses in `dir`, an unreadable one (`error`), or null. */
export function pytestConfigIn(source: ConfigSource, dir: string): PytestConfig | { error: string; file: string } | null {
  for (const name of PYTEST_CONFIG_FILES) {
    const file = dir === '' ? name : `${dir}/${name}`;
    const text = source.read(file);
    if (text === null) continue;
    if (name === 'pyproject.toml') {
      let data: Record<string, unknown>;
      try {
        data = parseToml(text);
      } catch {
        return { error: 'invalid TOML', file };
      }
      const tool = data['tool'];
      const pytest = typeof tool === 'object' && tool !== null ? (tool as Record<string, unknown>)['pytest'] : undefined;
      const options = typeof pytest === 'object' && pytest !== null ? (pytest as Record<string, unknown>)['ini_options'] : undefined;
      if (typeof options !== 'object' || options === null) continue;
      const table = options as Record<string, unknown>;
      const locate = tomlLocator(text);
      const path = ['tool', 'pytest', 'ini_options'];
      return {
        file,
        line: locate.table(path) ?? 1,
        get(key) {
          const value = table[key];
          if (value === undefined) return undefined;
          const line = locate.key(path, key) ?? locate.table(path) ?? 1;
          if (typeof value === 'string') return { line, words: splitShell(value, line).flat() };
          if (Array.isArray(value)) {
            const texts = value.filter((item): item is string => typeof item === 'string');
            const lines = locate.items(line, texts);
            return { line, words: texts.map((text, i) => ({ text, line: lines[i] ?? line })) };
          }
          return { line, words: [{ text: typeof value === 'number' || typeof value === 'boolean' ? String(value) : '', line }] };
        },
      };
    }
    let ini;
    try {
      ini = parseIni(text);
    } catch {
      return { error: 'invalid INI', file };
    }
    const section = SECTION[name]!;
    if (!ini.sections.has(section)) {
      if (name === 'pytest.ini' || name === '.pytest.ini') return { file, line: 1, get: () => undefined };
      continue;
    }
    return {
      file,
      line: ini.sections.get(section)!.line,
      get(key) {
        const entry = iniGet(ini, section, key);
        if (!entry) return undefined;
        return { line: entry.line, words: entry.lines.flatMap((line) => splitShell(line.text, line.line).flat()) };
      },
    };
  }
  return null;
}

