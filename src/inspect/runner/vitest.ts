import { pathSet } from '../config-source.js';
import picomatch from 'picomatch';
import { property, type ConfigValue } from '../config-eval/index.js';
import { dirname, joinPath } from '../config-eval/paths.js';
import type { VitestDefaults } from '../coverage/js-defaults.js';
import { basename } from '../coverage/js-common.js';
import {
  hasTestSection,
  isViteConfig,
  loadVitestConfig,
  readsVitestFile,
  unwrapFunction,
  VITEST_CONFIG_FILE,
  VITEST_WORKSPACE_FILE,
  vitestConfigDirs,
  vitestConfigIn,
  vitestDefaultsFor,
  vitestWorkspaceIn,
} from '../tools/vitest-config.js';
import { RUNTIME_VALUE, takeBoolean, takeValue, type FlagReader } from './commands.js';
import { configSetting, defaults, dirValue, forCommand, newScope, originOf, overrideSetting, readList, toUnresolved } from './common.js';
import { emptyRunnerFacts, flagOrigin, type ConfigSource, type Invocation, type RunnerFacts, type RunnerReader, type RunnerScope } from './model.js';

/**
 * Vitest test collection (vitest-dev/vitest packages/vitest/src/node/config/resolveConfig.ts,
 * project.ts `globTestFiles`, defaults.ts; CLI in cli/cli-config.ts):
 * - config per directory as the coverage reader finds it (`../tools/vitest-config.ts`:
 *   `vitest.config.*` before `vite.config.*`, a `vite.config.*` only with a `test` section);
 * - `test.include` (default `configDefaults.include`, `**\/*.{test,spec}.?(c|m)[jt]s?(x)`) and
 *   `test.exclude` (default `configDefaults.exclude` of the major found in package.json; a
 *   written list replaces it), relative to `test.dir` ?? `test.root` ?? `root` ?? the config's folder;
 * - `test.projects` (3.2+), `test.workspace` (3.0–3.1) and `vitest.workspace.*`: the root runs only
 *   its projects; each project is a scope (inline objects inherit the root's `test` with `extends: true`);
 * - settings: `passWithNoTests` (default false), `allowOnly` (default `!process.env.CI`: false on
 *   CI), `retry` (default 0), `bail` (default 0);
 * - CLI: positional file filters (substring of the path), `--exclude` (added to `exclude`:
 *   resolveConfig.ts `cliExclude`), `--dir`, `--root`/`-r`, `--config`/`-c`, `--passWithNoTests`,
 *   `--allowOnly`, `--retry`, `--bail`; `-t`/`--testNamePattern` and `--project` are filters whose
 *   effect cannot be computed from file names.
 */
interface Loaded {
  path: string;
  value: ConfigValue;
  defaults: VitestDefaults;
}

function load(source: ConfigSource, paths: ReadonlySet<string>, path: string): Loaded {
  const loaded = loadVitestConfig(source, paths, path);
  return { path, value: unwrapFunction(loaded.value), defaults: loaded.defaults };
}

/** The scope of one config object (a root without projects, or one project). */
function scopeOf(id: string, file: string, test: ConfigValue, top: ConfigValue, table: VitestDefaults, facts: RunnerFacts, inherited?: ConfigValue): RunnerScope {
  const dir = dirname(file);
  const pick = (key: string): ConfigValue => {
    const own = property(test, key);
    return own.kind === 'undefined' && inherited ? property(inherited, key) : own;
  };
  const scope = newScope('vitest', id, originOf(test.kind === 'object' ? test : top), dir);
  let root = dir;
  for (const [setting, value] of [
    ['test.dir', pick('dir')],
    ['test.root', pick('root')],
    ['root', property(top, 'root')],
  ] as const) {
    if (value.kind === 'unresolved') {
      scope.unresolved.push(toUnresolved(value, setting));
      break;
    }
    const resolved = dirValue(value, dir);
    if (resolved !== null) {
      root = resolved;
      break;
    }
  }
  scope.root = root;
  scope.include = readList(pick('include'), 'test.include', 'glob', scope.unresolved) ?? defaults(table.testInclude, 'glob', `${table.label} configDefaults.include`);
  scope.exclude = readList(pick('exclude'), 'test.exclude', 'glob', scope.unresolved) ?? defaults(table.testExclude, 'glob', `${table.label} configDefaults.exclude`);
  if (test.kind === 'unresolved') scope.unresolved.push(toUnresolved(test, 'test'));
  const label = `${table.label} default`;
  configSetting(facts, 'vitest', id, 'passWithNoTests', pick('passWithNoTests'), 'test.passWithNoTests', false, label, scope.unresolved);
  configSetting(facts, 'vitest', id, 'allowOnly', pick('allowOnly'), 'test.allowOnly', false, `${label} (!process.env.CI)`, scope.unresolved);
  configSetting(facts, 'vitest', id, 'retries', pick('retry'), 'test.retry', 0, label, scope.unresolved);
  configSetting(facts, 'vitest', id, 'bail', pick('bail'), 'test.bail', 0, label, scope.unresolved);
  return scope;
}

/** Facts of the config at `path` and its projects. */
function readConfig(source: ConfigSource, paths: ReadonlySet<string>, path: string, facts: RunnerFacts, seen: Set<string>): void {
  const loaded = load(source, paths, path);
  const dir = dirname(path);
  const id = `vitest:${dir || '.'}`;
  if (loaded.value.kind === 'unresolved') {
    facts.unresolved.push(toUnresolved(loaded.value, 'config'));
    return;
  }
  const test = property(loaded.value, 'test');
  let projects = property(test, 'projects');
  if (projects.kind === 'undefined') projects = property(test, 'workspace');
  if (projects.kind === 'undefined' && !VITEST_WORKSPACE_FILE.test(path)) {
    const workspace = vitestWorkspaceIn(paths, dir);
    if (workspace) projects = unwrapFunction(load(source, paths, workspace).value);
  }
  if (projects.kind === 'array' && projects.items.length > 0) {
    readProjects(source, paths, projects.items, dir, id, test, loaded, facts, seen);
    return;
  }
  if (projects.kind === 'unresolved') facts.unresolved.push(toUnresolved(projects, 'test.projects'));
  facts.scopes.push(scopeOf(id, path, test, loaded.value, loaded.defaults, facts));
}

function readProjects(source: ConfigSource, paths: ReadonlySet<string>, items: readonly ConfigValue[], dir: string, id: string, rootTest: ConfigValue, root: Loaded, facts: RunnerFacts, seen: Set<string>): void {
  const configs = [...paths].filter((path) => VITEST_CONFIG_FILE.test(basename(path)));
  items.forEach((item, index) => {
    if (item.kind === 'object') {
      const test = property(item, 'test');
      const inherits = property(item, 'extends');
      const inherited = inherits.kind === 'boolean' && inherits.value ? rootTest : undefined;
      facts.scopes.push(scopeOf(`${id}#projects[${index}]`, item.file === root.path ? root.path : item.file, test, item, root.defaults, facts, inherited));
      return;
    }
    if (item.kind !== 'string') {
      if (item.kind === 'unresolved') facts.unresolved.push(toUnresolved(item, `test.projects[${index}]`));
      return;
    }
    if (item.value.startsWith('!')) return;
    const glob = item.repoPath ? item.value : joinPath(dir, item.value);
    if (glob === null) return;
    const matches = picomatch(glob === '' ? '**' : glob, { dot: true });
    const found = new Set<string>();
    for (const config of configs) {
      if (matches(config)) found.add(config);
      else if (matches(dirname(config))) {
        const chosen = vitestConfigIn(paths, dirname(config));
        if (chosen) found.add(chosen);
      }
    }
    for (const config of [...found].sort()) {
      if (seen.has(config) || config === root.path) continue;
      seen.add(config);
      readConfig(source, paths, config, facts, seen);
    }
  });
}

/** Config files that are projects of another config (not run on their own). */
function referencedConfigs(source: ConfigSource, paths: ReadonlySet<string>, roots: readonly string[]): Set<string> {
  const facts = emptyRunnerFacts();
  const referenced = new Set<string>();
  for (const root of roots) {
    const seen = new Set<string>([root]);
    readConfig(source, paths, root, facts, seen);
    for (const path of seen) if (path !== root) referenced.add(path);
  }
  return referenced;
}

function readAll(source: ConfigSource): RunnerFacts {
  const paths = pathSet(source.paths);
  const roots: string[] = [];
  for (const dir of vitestConfigDirs(source.paths)) {
    const config = vitestConfigIn(paths, dir);
    if (config === null) continue;
    if (isViteConfig(config) && !hasTestSection(loadVitestConfig(source, paths, config).value)) continue;
    roots.push(config);
  }
  const referenced = referencedConfigs(source, paths, roots);
  const facts = emptyRunnerFacts();
  for (const root of roots) if (!referenced.has(root)) readConfig(source, paths, root, facts, new Set([root]));
  return facts;
}

const VALUE_OPTIONS = new Set([
  '--config', '-c', '--root', '-r', '--dir', '--exclude', '--retry', '--bail', '--project', '-t', '--testNamePattern', '--reporter', '--outputFile', '--environment',
  '--pool', '--shard', '--maxWorkers', '--minWorkers', '--testTimeout', '--hookTimeout', '--mode', '--sequence.seed', '--changed', '--coverage.include',
  '--coverage.exclude', '--coverage.reporter', '--coverage.provider', '--coverage.reportsDirectory', '--browser.name', '--inspect-brk', '--api.port', '--port',
]);
const SUBCOMMANDS = new Set(['run', 'watch', 'dev', 'bench', 'related', 'list', 'typecheck']);

function command(source: ConfigSource, invocation: Invocation): RunnerFacts {
  const paths = pathSet(source.paths);
  const reader: FlagReader = { i: 0, words: invocation.words };
  let configPath: string | null = null;
  let root: string | null = null;
  const flags: ((facts: RunnerFacts) => void)[] = [];
  const filters: string[] = [];
  const filterLine: number[] = [];
  while (reader.i < reader.words.length) {
    const word = reader.words[reader.i]!;
    let v;
    let b;
    if (reader.i === 0 && SUBCOMMANDS.has(word.text)) {
      if (word.text === 'related' || word.text === 'list' || word.text === 'bench' || word.text === 'typecheck') {
        flags.push((facts) => { facts.scopes.forEach((scope) => scope.filters.push({ kind: `vitest ${word.text}`, value: word.text, origin: flagOrigin(word.text, invocation, word.line) })); });
      }
      reader.i++;
    } else if ((v = takeValue(reader, ['--config', '-c']))) configPath = joinPath(invocation.dir, v.value);
    else if ((v = takeValue(reader, ['--root', '-r']))) root = joinPath(invocation.dir, v.value);
    else if ((v = takeValue(reader, ['--dir']))) {
      const value = v;
      flags.push((facts) => { facts.scopes.forEach((scope) => (scope.root = joinPath(invocation.dir, value.value) ?? scope.root)); });
    } else if ((v = takeValue(reader, ['--exclude']))) {
      const value = v;
      flags.push((facts) => { facts.scopes.forEach((scope) => {
          scope.exclude.push({ pattern: value.value, syntax: 'glob', origin: flagOrigin('--exclude', invocation, value.line) });
          if (RUNTIME_VALUE.test(value.value)) scope.unresolved.push({ file: invocation.file, line: value.line, setting: '--exclude', expression: value.value, reason: 'runtime value' });
        }); },
      );
    } else if ((v = takeValue(reader, ['--retry', '--bail']))) {
      const value = v;
      const count = Number(value.value);
      flags.push((facts) => { overrideSetting(facts, 'vitest', value.flag === '--retry' ? 'retries' : 'bail', Number.isFinite(count) ? count : 1, flagOrigin(value.flag, invocation, value.line)); });
    } else if ((v = takeValue(reader, ['-t', '--testNamePattern', '--project']))) {
      const value = v;
      flags.push((facts) => { facts.scopes.forEach((scope) => scope.filters.push({ kind: value.flag, value: value.value, origin: flagOrigin(value.flag, invocation, value.line) })); });
    } else if ((b = takeBoolean(reader, ['--passWithNoTests', '--allowOnly']))) {
      const value = b;
      flags.push((facts) => { overrideSetting(facts, 'vitest', value.flag === '--passWithNoTests' ? 'passWithNoTests' : 'allowOnly', value.value, flagOrigin(value.flag, invocation, value.line)); });
    } else if (word.text.startsWith('-')) {
      reader.i += VALUE_OPTIONS.has(word.text) ? 2 : 1;
    } else {
      filters.push(word.text);
      filterLine.push(word.line);
      reader.i++;
    }
  }
  const dir = root ?? invocation.dir;
  const config = configPath ?? vitestConfigIn(paths, dir);
  let base: RunnerFacts;
  if (config !== null && paths.has(config)) {
    base = emptyRunnerFacts();
    readConfig(source, paths, config, base, new Set([config]));
  } else {
    // No config: vitest's defaults from the directory it runs in.
    base = emptyRunnerFacts();
    const { defaults: table } = vitestDefaultsFor(source, paths, dir === '' ? 'x' : `${dir}/x`);
    const empty: ConfigValue = { kind: 'object', file: invocation.file, line: invocation.line, properties: new Map(), opaque: [] };
    base.scopes.push(scopeOf(`vitest:${dir || '.'}`, dir === '' ? 'vitest.config.ts' : `${dir}/vitest.config.ts`, empty, empty, table, base));
  }
  const facts = forCommand(base, invocation);
  if (root !== null && configPath === null) for (const scope of facts.scopes) scope.root = root;
  for (const flag of flags) flag(facts);
  filters.forEach((filter, index) => {
    for (const scope of facts.scopes) scope.pathFilters.push({ pattern: filter, syntax: 'substring', origin: flagOrigin('file filter', invocation, filterLine[index]!) });
  });
  return facts;
}

export const vitestRunnerReader: RunnerReader = {
  tool: 'vitest',
  readsFile: readsVitestFile,
  read: readAll,
  command,
};
