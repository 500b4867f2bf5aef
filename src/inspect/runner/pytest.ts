import type { Word } from '../commands/shell.js';
import { joinPath } from '../config-eval/paths.js';
import { isPytestConfigFile, pytestConfigDirs, pytestConfigIn, type PytestConfig } from '../tools/pytest-config.js';
import { RUNTIME_VALUE, takeValue, type FlagReader } from './commands.js';
import { defaults, forCommand, nearestConfigDir, newScope } from './common.js';
import { emptyRunnerFacts, flagOrigin, type ConfigSource, type Invocation, type RunnerFacts, type RunnerOrigin, type RunnerReader, type RunnerScope, type RunnerSetting } from './model.js';

/**
 * pytest test collection (pytest-dev/pytest src/_pytest/main.py `pytest_addoption`,
 * `pytest_ignore_collect`, `pytest_collection_modifyitems`; python.py `python_files` default;
 * config/findpaths.py `locate_config`):
 * - config: the first of `pytest.ini`, `.pytest.ini`, `pyproject.toml` `[tool.pytest.ini_options]`,
 *   `tox.ini` `[pytest]`, `setup.cfg` `[tool:pytest]` in a directory (its directory is the rootdir;
 *   `../tools/pytest-config.ts`, shared with pytest-cov);
 * - `testpaths` (default: the directory pytest runs in; globs allowed), `python_files` (default
 *   `test_*.py *_test.py`), `norecursedirs` (default `*.egg .* _darcs build CVS dist node_modules
 *   venv {arch}`), ini "args" values split like a shell (`shlex.split`);
 * - `addopts` is read as command-line words placed before the command's own;
 * - flags: positional paths (replace `testpaths`), `--ignore` (a path and what is below it),
 *   `--ignore-glob` (fnmatch), `--reruns` (pytest-rerunfailures) → retries, `-x`/`--exitfirst`/
 *   `--maxfail` → bail; `-k`, `-m`, `--deselect`, `--lf`/`--last-failed`, `--sw`/`--stepwise` and a
 *   non-default `python_functions`/`python_classes` select tests inside files: filters whose effect
 *   cannot be computed from file names.
 */
export const PYTHON_FILES = ['test_*.py', '*_test.py'];
export const NORECURSEDIRS = ['*.egg', '.*', '_darcs', 'build', 'CVS', 'dist', 'node_modules', 'venv', '{arch}'];
const PYTHON_FUNCTIONS = 'test';
const PYTHON_CLASSES = 'Test';

const dirOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

function listOf(config: PytestConfig, key: string, fallback: readonly string[], syntax: 'fnmatch' | 'path' | 'glob'): RunnerScope['include'] {
  const value = config.get(key);
  if (!value) return defaults(fallback, syntax, `pytest ${key}`);
  return value.words.map((word) => ({ pattern: word.text, syntax: syntax === 'path' && /[*?[]/.test(word.text) ? 'glob' : syntax, origin: { file: config.file, line: word.line } }));
}

function setSetting(facts: RunnerFacts, scopeId: string, setting: RunnerSetting['setting'], value: number, origin: RunnerOrigin): void {
  facts.settings = facts.settings.filter((entry) => !(entry.scopeId === scopeId && entry.setting === setting));
  facts.settings.push({ tool: 'pytest', scopeId, setting, value, origin });
}

function scopeFor(config: PytestConfig, dir: string, id: string, facts: RunnerFacts): RunnerScope {
  const scope = newScope('pytest', id, { file: config.file, line: config.line }, dir);
  const testpaths = config.get('testpaths');
  scope.roots = testpaths ? listOf(config, 'testpaths', [], 'path') : [];
  scope.include = listOf(config, 'python_files', PYTHON_FILES, 'fnmatch');
  scope.noRecurse = listOf(config, 'norecursedirs', NORECURSEDIRS, 'fnmatch');
  for (const [key, fallback] of [
    ['python_functions', PYTHON_FUNCTIONS],
    ['python_classes', PYTHON_CLASSES],
  ] as const) {
    const value = config.get(key);
    const text = value?.words.map((word) => word.text).join(' ');
    if (value && text !== fallback) scope.filters.push({ kind: key, value: text ?? '', origin: { file: config.file, line: value.line } });
  }
  facts.scopes.push(scope);
  setSetting(facts, id, 'retries', 0, { default: 'pytest (no reruns)' });
  setSetting(facts, id, 'bail', 0, { default: 'pytest maxfail 0' });
  const addopts = config.get('addopts');
  if (addopts) applyFlags(facts, scope, addopts.words, dir, (flag, line) => ({ flag: `addopts ${flag}`, file: config.file, line }), config.file);
  return scope;
}

const VALUE_OPTIONS = new Set(['-p', '-c', '--config-file', '--rootdir', '--basetemp', '--cov-report', '--cov-config', '--cov-fail-under', '--junitxml', '--junit-xml', '--tb', '-n', '--numprocesses', '--dist', '--durations', '--log-level', '--timeout', '-W', '--import-mode', '--confcutdir', '--reruns-delay', '--only-rerun', '--doctest-glob', '--html', '--maxprocesses', '-r']);

/** Applies pytest flags (from `addopts` or a command line) to a scope. Returns whether positional paths were given. */
function applyFlags(facts: RunnerFacts, scope: RunnerScope, words: Word[], cwd: string, origin: (flag: string, line: number) => RunnerOrigin, file: string): void {
  const reader: FlagReader = { i: 0, words };
  const positional: Word[] = [];
  while (reader.i < words.length) {
    const word = words[reader.i]!;
    let v;
    if ((v = takeValue(reader, ['--ignore', '--ignore-glob']))) {
      const rel = joinPath(cwd, v.value);
      const pattern = rel === null ? v.value : scope.root === '' ? rel : rel.startsWith(`${scope.root}/`) ? rel.slice(scope.root.length + 1) : rel;
      scope.exclude.push({ pattern, syntax: v.flag === '--ignore' ? 'path' : 'fnmatch', origin: origin(v.flag, v.line) });
      if (RUNTIME_VALUE.test(v.value)) scope.unresolved.push({ file, line: v.line, setting: 'ignore', expression: v.value, reason: 'runtime value' });
    } else if ((v = takeValue(reader, ['-k', '-m', '--deselect']))) {
      // `-k`/`-m` given twice: the last wins (argparse store); `--deselect` appends.
      const kind = v.flag;
      if (kind !== '--deselect') scope.filters = scope.filters.filter((filter) => filter.kind !== kind);
      scope.filters.push({ kind, value: v.value, origin: origin(v.flag, v.line) });
    } else if ((v = takeValue(reader, ['--reruns', '--maxfail']))) {
      const count = Number(v.value);
      setSetting(facts, scope.id, v.flag === '--reruns' ? 'retries' : 'bail', Number.isFinite(count) ? count : 1, origin(v.flag, v.line));
    } else if (word.text === '-x' || word.text === '--exitfirst' || /^-[a-wyzA-Z]*x[a-wyzA-Z]*$/.test(word.text)) {
      setSetting(facts, scope.id, 'bail', 1, origin(word.text, word.line));
      reader.i++;
    } else if (['--lf', '--last-failed', '--sw', '--stepwise', '--pyargs'].includes(word.text)) {
      if (word.text === '--pyargs') scope.unresolved.push({ file, line: word.line, setting: 'testpaths', expression: '--pyargs', reason: 'paths are Python packages' });
      else scope.filters.push({ kind: word.text, value: 'true', origin: origin(word.text, word.line) });
      reader.i++;
    } else if ((v = takeValue(reader, ['-o', '--override-ini']))) {
      const key = v.value.split('=')[0] ?? '';
      if (['testpaths', 'python_files', 'norecursedirs', 'addopts', 'python_functions', 'python_classes'].includes(key)) {
        scope.unresolved.push({ file, line: v.line, setting: key, expression: v.value, reason: '-o override not modelled' });
      }
    } else if (word.text === '--cov') {
      reader.i += words[reader.i + 1] !== undefined && !words[reader.i + 1]!.text.startsWith('-') ? 2 : 1;
    } else if (word.text.startsWith('-')) {
      reader.i += VALUE_OPTIONS.has(word.text) ? 2 : 1;
    } else {
      positional.push(word);
      reader.i++;
    }
  }
  if (positional.length > 0) {
    scope.roots = positional.map((word) => {
      const path = word.text.split('::')[0] ?? word.text;
      const rel = joinPath(cwd, path) ?? path;
      const relative = scope.root === '' ? rel : rel.startsWith(`${scope.root}/`) ? rel.slice(scope.root.length + 1) : rel === scope.root ? '' : rel;
      if (word.text.includes('::')) scope.filters.push({ kind: 'node id', value: word.text, origin: origin('node id', word.line) });
      return { pattern: relative, syntax: 'path', origin: origin('path argument', word.line) };
    });
  }
}

function readAll(source: ConfigSource): RunnerFacts {
  const facts = emptyRunnerFacts();
  const dirs = pytestConfigDirs(source.paths);
  for (const dir of dirs) {
    const config = pytestConfigIn(source, dir);
    if (config === null) continue;
    if ('error' in config) {
      facts.unresolved.push({ file: config.file, line: 1, setting: 'pytest config', expression: config.error, reason: 'pytest cannot read the file' });
      continue;
    }
    scopeFor(config, dir, `pytest:${dir || '.'}`, facts);
  }
  return facts;
}

function command(source: ConfigSource, invocation: Invocation): RunnerFacts {
  let configFile: string | null = null;
  const words = invocation.words;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    if ((word.text === '-c' || word.text === '--config-file') && next) configFile = joinPath(invocation.dir, next.text);
    else if (word.text.startsWith('--config-file=')) configFile = joinPath(invocation.dir, word.text.slice(14));
  }
  const base = emptyRunnerFacts();
  let root = invocation.dir;
  if (configFile !== null) {
    const text = source.read(configFile);
    if (text === null) base.unresolved.push({ file: invocation.file, line: invocation.line, setting: 'config', expression: configFile, reason: 'config file not found' });
  }
  const dir = configFile !== null ? dirOf(configFile) : nearestConfigDir(invocation.dir, (candidate) => pytestConfigIn(source, candidate) !== null);
  const config = dir === null ? null : pytestConfigIn(source, dir);
  let scope: RunnerScope;
  if (config && !('error' in config)) {
    root = dir ?? '';
    scope = scopeFor(config, root, `pytest:${root || '.'}`, base);
  } else {
    scope = newScope('pytest', `pytest:${root || '.'}`, { file: invocation.file, line: invocation.line }, root);
    scope.include = defaults(PYTHON_FILES, 'fnmatch', 'pytest python_files');
    scope.noRecurse = defaults(NORECURSEDIRS, 'fnmatch', 'pytest norecursedirs');
    base.scopes.push(scope);
    setSetting(base, scope.id, 'retries', 0, { default: 'pytest (no reruns)' });
    setSetting(base, scope.id, 'bail', 0, { default: 'pytest maxfail 0' });
  }
  // testpaths apply only when pytest runs from the rootdir (and no paths are given).
  if (invocation.dir !== root) scope.roots = [{ pattern: invocation.dir.slice(root === '' ? 0 : root.length + 1), syntax: 'path', origin: { default: 'pytest current directory' } }];
  const facts = forCommand(base, invocation);
  const own = facts.scopes[0]!;
  applyFlags(facts, own, words, invocation.dir, (flag, line) => flagOrigin(flag, invocation, line), invocation.file);
  return facts;
}

export const pytestRunnerReader: RunnerReader = {
  tool: 'pytest',
  readsFile: (path) => isPytestConfigFile(path),
  read: readAll,
  command,
};
