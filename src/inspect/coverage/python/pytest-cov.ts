import { parse as parseToml } from 'smol-toml';
import { pytestFlagFacts, splitShell } from '../cli-flags.js';
import { emptyCoverageFacts, type ConfigSource, type CoverageFacts, type CoverageReader } from '../model.js';
import { iniGet, parseIni } from '../ini.js';
import { mergeFacts } from './coverage-py.js';
import { tomlLocator } from './toml-lines.js';

/**
 * pytest-cov flags in pytest's own configuration: `addopts` of the first pytest config file of a
 * directory, in pytest's order (`_pytest/config/findpaths.py` `locate_config`): `pytest.ini` and
 * `.pytest.ini` (used even without a `[pytest]` section), `pyproject.toml`
 * `[tool.pytest.ini_options]`, `tox.ini` `[pytest]`, `setup.cfg` `[tool:pytest]`.
 * `addopts` is shell-split (pytest uses `shlex.split`); a TOML array is taken word by word.
 * Facts use the scope id `coverage.py:pytest:<dir>` and merge the directory's coverage.py config
 * under the flags (`--cov=PATH` replaces `source`, `--cov-fail-under` replaces `fail_under`).
 */

const PYTEST_FILES = ['pytest.ini', '.pytest.ini', 'pyproject.toml', 'tox.ini', 'setup.cfg'] as const;
const INI_SECTION: Record<string, string> = { 'pytest.ini': 'pytest', '.pytest.ini': 'pytest', 'tox.ini': 'pytest', 'setup.cfg': 'tool:pytest' };

const baseOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const dirOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

interface Addopts {
  file: string;
  line: number;
  words: { text: string; line: number }[];
}

/** The `addopts` of the pytest config used in `dir`, or null (no config, or no addopts). */
export function pytestAddopts(source: ConfigSource, dir: string): Addopts | null | { error: string; file: string } {
  for (const name of PYTEST_FILES) {
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
      const tool = data['tool'] as Record<string, unknown> | undefined;
      const pytest = tool?.['pytest'] as Record<string, unknown> | undefined;
      const options = pytest?.['ini_options'] as Record<string, unknown> | undefined;
      if (options === undefined || typeof options !== 'object') continue;
      const addopts = options['addopts'];
      const line = tomlLocator(text).key(['tool', 'pytest', 'ini_options'], 'addopts') ?? 1;
      if (typeof addopts === 'string') return { file, line, words: splitShell(addopts, line).flat() };
      if (Array.isArray(addopts)) {
        const texts = addopts.filter((a): a is string => typeof a === 'string');
        const lines = tomlLocator(text).items(line, texts);
        return { file, line, words: texts.map((t, i) => ({ text: t, line: lines[i]! })) };
      }
      return null;
    }
    let ini;
    try {
      ini = parseIni(text);
    } catch {
      return { error: 'invalid INI', file };
    }
    const section = INI_SECTION[name]!;
    if (!ini.sections.has(section) && name !== 'pytest.ini' && name !== '.pytest.ini') continue;
    const entry = iniGet(ini, section, 'addopts');
    if (!entry) return null;
    return { file, line: entry.line, words: entry.lines.flatMap((l) => splitShell(l.text, l.line).flat()) };
  }
  return null;
}

export const pytestCovReader = {
  tool: 'coverage.py',
  readsFile: (path: string) => (PYTEST_FILES as readonly string[]).includes(baseOf(path)) || baseOf(path) === '.coveragerc',
  read(source: ConfigSource): CoverageFacts {
    const facts = emptyCoverageFacts();
    const dirs = [...new Set(source.paths.filter((p) => (PYTEST_FILES as readonly string[]).includes(baseOf(p))).map(dirOf))].sort();
    for (const dir of dirs) {
      const found = pytestAddopts(source, dir);
      if (found === null) continue;
      if ('error' in found) {
        facts.unresolved.push({ file: found.file, line: 1, setting: 'pytest config', expression: found.error, reason: 'pytest cannot read the file' });
        continue;
      }
      mergeFacts(facts, pytestFlagFacts(source, found.file, `coverage.py:pytest:${dir === '' ? '.' : dir}`, found.line, dir, found.words));
    }
    return facts;
  },
} satisfies CoverageReader;
