import { isPytestConfigFile, pytestConfigDirs, pytestConfigIn } from '../../tools/pytest-config.js';
import { pytestFlagFacts } from '../cli-flags.js';
import { emptyCoverageFacts, mergeCoverageFacts, type ConfigSource, type CoverageFacts, type CoverageReader } from '../model.js';

/**
 * pytest-cov flags in pytest's own configuration: `addopts` of the first pytest config file of a
 * directory, in pytest's order (`_pytest/config/findpaths.py` `locate_config`): `pytest.ini` and
 * `.pytest.ini` (used even without a `[pytest]` section), `pyproject.toml`
 * `[tool.pytest.ini_options]`, `tox.ini` `[pytest]`, `setup.cfg` `[tool:pytest]`.
 * `addopts` is shell-split (pytest uses `shlex.split`); a TOML array is taken word by word.
 * Facts use the scope id `coverage.py:pytest:<dir>` and merge the directory's coverage.py config
 * under the flags (`--cov=PATH` replaces `source`, `--cov-fail-under` replaces `fail_under`).
 */

const baseOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

interface Addopts {
  file: string;
  line: number;
  words: { text: string; line: number }[];
}

/** The `addopts` of the pytest config used in `dir`, or null (no config, or no addopts). */
export function pytestAddopts(source: ConfigSource, dir: string): Addopts | null | { error: string; file: string } {
  const config = pytestConfigIn(source, dir);
  if (config === null || 'error' in config) return config;
  const addopts = config.get('addopts');
  return addopts ? { file: config.file, line: addopts.line, words: addopts.words } : null;
}

export const pytestCovReader = {
  tool: 'coverage.py',
  readsFile: (path: string) => isPytestConfigFile(path) || baseOf(path) === '.coveragerc',
  read(source: ConfigSource): CoverageFacts {
    const facts = emptyCoverageFacts();
    const dirs = pytestConfigDirs(source.paths);
    for (const dir of dirs) {
      const found = pytestAddopts(source, dir);
      if (found === null) continue;
      if ('error' in found) {
        facts.unresolved.push({ file: found.file, line: 1, setting: 'pytest config', expression: found.error, reason: 'pytest cannot read the file' });
        continue;
      }
      mergeCoverageFacts(facts, pytestFlagFacts(source, found.file, `coverage.py:pytest:${dir === '' ? '.' : dir}`, found.line, dir, found.words));
    }
    return facts;
  },
} satisfies CoverageReader;
