import type { ConfigSource } from '../config-source.js';
import { iniGet, iniList, IniError, parseIni, type IniEntry, type IniFile } from '../coverage/ini.js';
import type { LintConfig } from './model.js';
import { excludeEntry, perFileEntry, pythonConfig, selectionEntry, type CodeItem } from './python-common.js';

/**
 * flake8: the `[flake8]` section of `setup.cfg`, `tox.ini` or `.flake8` at the repository root
 * (flake8 reads the first that has one, in that order). `select` (default `E,F,W,C90`),
 * `extend-select`, `ignore` (replaces the default ignore list), `extend-ignore`,
 * `per-file-ignores` (`path:codes` items), `exclude` (replaces the defaults), `extend-exclude`,
 * and `max-line-length` (default 79) / `max-complexity` as limits.
 */

export const FLAKE8_NAMES = ['setup.cfg', 'tox.ini', '.flake8'];
const DEFAULT_SELECT = ['E', 'F', 'W', 'C90'];
const DEFAULT_IGNORE = ['E121', 'E123', 'E126', 'E226', 'E24', 'E704', 'W503', 'W504'];
const DEFAULT_EXCLUDE = ['.svn', 'CVS', '.bzr', '.hg', '.git', '__pycache__', '.tox', '.nox', '.eggs', '*.egg'];

export function readFlake8(source: ConfigSource): LintConfig | null {
  for (const file of FLAKE8_NAMES) {
    const text = source.read(file);
    if (text === null || !/^\s*\[flake8\]/m.test(text)) continue;
    const config = pythonConfig('flake8', file, '', ['**/*.py'], DEFAULT_EXCLUDE);
    let ini: IniFile;
    try {
      ini = parseIni(text);
    } catch (error) {
      config.unresolved.push({ file, line: error instanceof IniError ? error.line : 1, setting: 'flake8', expression: file, reason: `invalid INI: ${(error as Error).message}` });
      return config;
    }
    const section = ini.sections.get('flake8')!;
    const at = (entry: IniEntry | undefined): number => entry?.line ?? section.line;
    const codes = (key: string): CodeItem[] | null => {
      const entry = iniGet(ini, 'flake8', key);
      return entry ? iniList(entry).map((item) => ({ code: item.text, origin: { file, line: item.line } })) : null;
    };
    const select = codes('select') ?? DEFAULT_SELECT.map((code) => ({ code, origin: { file, line: section.line } }));
    const ignore = codes('ignore') ?? DEFAULT_IGNORE.map((code) => ({ code, origin: { file, line: section.line } }));
    config.entries.push(selectionEntry({ file, line: section.line }, [...select, ...(codes('extend-select') ?? [])], [...ignore, ...(codes('extend-ignore') ?? [])]));
    const perFile = iniGet(ini, 'flake8', 'per-file-ignores');
    for (const item of perFile?.lines ?? []) {
      // `path:E1,E2` or `path: E1 E2`; several per line are separated by whitespace after the codes.
      const match = /^([^:]+):\s*(.*)$/.exec(item.text.trim());
      if (!match) continue;
      const list = match[2]!.split(/[\s,]+/).filter((code) => code !== '');
      config.entries.push(perFileEntry(match[1]!.trim(), list.map((code) => ({ code, origin: { file, line: item.line } })), { file, line: item.line }));
    }
    const exclude = iniGet(ini, 'flake8', 'exclude');
    if (exclude) {
      // `exclude` replaces flake8's defaults; kept as an entry so a finding can point at it.
      config.defaultIgnores = [];
      config.entries.push(excludeEntry(iniList(exclude).map((item) => item.text), { file, line: exclude.line }));
    }
    const extend = iniGet(ini, 'flake8', 'extend-exclude');
    if (extend) config.entries.push(excludeEntry(iniList(extend).map((item) => item.text), { file, line: extend.line }));
    for (const [key, fallback] of [['max-line-length', 79], ['max-complexity', -1]] as const) {
      const entry = iniGet(ini, 'flake8', key);
      const value = entry ? Number(entry.value) : fallback;
      // max-complexity -1 (the default) means not checked: larger than any limit.
      if (Number.isFinite(value)) config.limits.set(key, { value: key === 'max-complexity' && value < 0 ? Number.POSITIVE_INFINITY : value, origin: { file, line: at(entry) } });
    }
    return config;
  }
  return null;
}
