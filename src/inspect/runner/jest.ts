import { pathSet } from '../config-source.js';
import picomatch from 'picomatch';
import { property, type ConfigValue } from '../config-eval/index.js';
import { dirname, joinPath } from '../config-eval/paths.js';
import { basename } from '../coverage/js-common.js';
import { JEST_CONFIG_FILE, jestConfigDirs, jestConfigIn, jestRootDir, loadJestConfigFile, readsJestFile, type JestConfigFile } from '../tools/jest-config.js';
import { RUNTIME_VALUE, takeArray, takeBoolean, takeValue, type FlagReader } from './commands.js';
import { configSetting, defaults, dirValue, forCommand, nearestConfigDir, newScope, originOf, overrideSetting, readList, toUnresolved } from './common.js';
import { emptyRunnerFacts, flagOrigin, type ConfigSource, type Invocation, type RunnerFacts, type RunnerPattern, type RunnerReader } from './model.js';

/**
 * Jest test collection (jestjs/jest packages/jest-config/src/Defaults.ts, normalize.ts,
 * packages/jest-core/src/SearchSource.ts; CLI in packages/jest-cli/src/args.ts):
 * - config per directory: `jest.config.{js,ts,mjs,cjs,cts,json}`, else `package.json#jest`
 *   (jest-config constants.ts JEST_CONFIG_EXT_ORDER; `../tools/jest-config.ts`, shared with the coverage reader);
 * - `roots` (default `['<rootDir>']`), `testMatch` (default
 *   `['**\/__tests__/**\/*.[jt]s?(x)', '**\/?(*.)+(spec|test).[tj]s?(x)']`), `testRegex` (default `[]`;
 *   when set, `testMatch` is not used), `testPathIgnorePatterns` (default `['/node_modules/']`),
 *   `<rootDir>` replaced by the project's rootDir; `projects` each a scope;
 * - settings: `passWithNoTests` (default false), `bail` (default 0; `true` is 1);
 * - CLI (yargs; flags replace config values): `--testPathIgnorePatterns`, `--testMatch`,
 *   `--roots` (arrays), `--testRegex`, `--rootDir`, `--config`/`-c`, `--passWithNoTests`, `--bail`/`-b`;
 *   positional `testPathPatterns` (regexes that keep matching files); `-t`/`--testNamePattern`,
 *   `--selectProjects`, `--onlyChanged`/`-o`, `--changedSince`, `--lastCommit`, `--findRelatedTests`
 *   are filters whose effect cannot be computed from file names.
 */
const TEST_MATCH = ['**/__tests__/**/*.[jt]s?(x)', '**/?(*.)+(spec|test).[tj]s?(x)'];
const IGNORE = ['/node_modules/'];

interface Config {
  file: string;
  value: ConfigValue;
  dir: string;
}

function withRootDir(pattern: RunnerPattern, rootDir: string, regex: boolean): RunnerPattern {
  const replacement = regex ? (rootDir === '' ? '' : `/${rootDir}`) : rootDir;
  let text = pattern.pattern.replaceAll('<rootDir>', replacement);
  if (!regex) text = text.replace(/^(!?)\/+/, '$1');
  return { ...pattern, pattern: text };
}

function scopeOf(id: string, config: Config, value: ConfigValue, rootDir: string, facts: RunnerFacts): void {
  const scope = newScope('jest', id, originOf(value), rootDir);
  scope.origin = { file: config.file, line: value.line };
  const preset = property(value, 'preset');
  if (preset.kind !== 'undefined') scope.unresolved.push({ file: preset.file, line: preset.line, setting: 'preset', expression: preset.kind === 'string' ? preset.value : preset.kind, reason: 'preset not followed (it may set testMatch)' });
  scope.roots = (readList(property(value, 'roots'), 'roots', 'path', scope.unresolved) ?? defaults(['<rootDir>'], 'path', 'jest roots')).map((p) => ({ ...p, pattern: dirValue({ kind: 'string', file: '', line: 0, value: p.pattern }, rootDir) ?? p.pattern }));
  const testRegex = readList(property(value, 'testRegex'), 'testRegex', 'regex', scope.unresolved);
  const testMatch = readList(property(value, 'testMatch'), 'testMatch', 'glob', scope.unresolved);
  if (testRegex && testRegex.length > 0) scope.include = testRegex.map((p) => withRootDir({ ...p, syntax: 'regex' }, rootDir, true));
  else scope.include = (testMatch ?? defaults(TEST_MATCH, 'glob', 'jest testMatch')).map((p) => withRootDir(p, rootDir, false));
  scope.exclude = (readList(property(value, 'testPathIgnorePatterns'), 'testPathIgnorePatterns', 'regex', scope.unresolved) ?? defaults(IGNORE, 'regex', 'jest testPathIgnorePatterns')).map((p) => withRootDir({ ...p, syntax: 'regex' }, rootDir, true));
  facts.scopes.push(scope);
  configSetting(facts, 'jest', id, 'passWithNoTests', property(value, 'passWithNoTests'), 'passWithNoTests', false, 'jest default', scope.unresolved);
  configSetting(facts, 'jest', id, 'bail', property(value, 'bail'), 'bail', 0, 'jest default', scope.unresolved);
}

/** The scopes of one root config (itself, or its projects). Returns the config files it references. */
function readRoot(source: ConfigSource, paths: ReadonlySet<string>, dirs: readonly string[], config: Config, facts: RunnerFacts): Set<string> {
  const referenced = new Set<string>();
  if (config.value.kind === 'unresolved') {
    facts.unresolved.push(toUnresolved(config.value, 'config'));
    return referenced;
  }
  const rootDir = jestRootDir(config.value, config.dir);
  const id = `jest:${config.dir || '.'}`;
  const projects = property(config.value, 'projects');
  if (projects.kind !== 'array' || projects.items.length === 0) {
    if (projects.kind === 'unresolved') facts.unresolved.push(toUnresolved(projects, 'projects'));
    scopeOf(id, config, config.value, rootDir, facts);
    return referenced;
  }
  projects.items.forEach((item, index) => {
    if (item.kind === 'object') scopeOf(`${id}#projects[${index}]`, config, item, jestRootDir(item, rootDir), facts);
    else if (item.kind === 'unresolved') facts.unresolved.push(toUnresolved(item, `projects[${index}]`));
    else if (item.kind === 'string') {
      const glob = joinPath(rootDir, item.value.replace(/^<rootDir>\/?/, ''));
      if (glob === null) return;
      const matches = picomatch(glob === '' ? '.' : glob, { dot: true });
      for (const dir of dirs) {
        if (dir === config.dir || !matches(dir === '' ? '.' : dir)) continue;
        const project = jestConfigIn(source, paths, dir, false);
        if (!project) continue;
        referenced.add(project.file);
        scopeOf(`${id}#${dir}`, project, project.value, jestRootDir(project.value, dir), facts);
      }
      for (const path of source.paths) {
        if (!JEST_CONFIG_FILE.test(basename(path)) || !matches(path)) continue;
        referenced.add(path);
        const value = loadJestConfigFile(source, path);
        scopeOf(`${id}#${dirname(path) || '.'}`, { file: path, dir: dirname(path), value }, value, jestRootDir(value, dirname(path)), facts);
      }
    }
  });
  return referenced;
}

function readAll(source: ConfigSource): RunnerFacts {
  const paths = pathSet(source.paths);
  const dirs = jestConfigDirs(source.paths);
  const roots = dirs.map((dir) => jestConfigIn(source, paths, dir, true)).filter((config): config is JestConfigFile => config !== null);
  const referenced = new Set<string>();
  for (const root of roots) for (const file of readRoot(source, paths, dirs, root, emptyRunnerFacts())) referenced.add(file);
  const facts = emptyRunnerFacts();
  for (const root of roots) if (!referenced.has(root.file)) readRoot(source, paths, dirs, root, facts);
  return facts;
}

const VALUE_OPTIONS = new Set(['--config', '-c', '--testNamePattern', '-t', '--reporters', '--maxWorkers', '-w', '--shard', '--testTimeout', '--coverageDirectory', '--outputFile', '--testEnvironment', '--env', '--seed', '--changedSince', '--selectProjects', '--ignoreProjects', '--coverageProvider']);

function command(source: ConfigSource, invocation: Invocation): RunnerFacts {
  const paths = pathSet(source.paths);
  const reader: FlagReader = { i: 0, words: invocation.words };
  let configPath: string | null = null;
  const flags: ((facts: RunnerFacts) => void)[] = [];
  const pathPatterns: { text: string; line: number; flag: string }[] = [];
  const replace = (key: 'include' | 'exclude' | 'roots', syntax: RunnerPattern['syntax'], flag: string, values: { text: string; line: number }[]): void => {
    flags.push((facts) => { facts.scopes.forEach((scope) => {
        scope[key] = values.map((word) => {
          const pattern: RunnerPattern = { pattern: word.text, syntax, origin: flagOrigin(flag, invocation, word.line) };
          if (key === 'roots') return { ...pattern, pattern: joinPath(invocation.dir, word.text.replace(/^<rootDir>\/?/, '')) ?? word.text };
          return withRootDir(pattern, scope.root, syntax === 'regex');
        });
        for (const word of values) if (RUNTIME_VALUE.test(word.text)) scope.unresolved.push({ file: invocation.file, line: word.line, setting: flag.replace(/^--/, ''), expression: word.text, reason: 'runtime value' });
      }); },
    );
  };
  while (reader.i < reader.words.length) {
    const word = reader.words[reader.i]!;
    let v;
    let a;
    let b;
    if ((v = takeValue(reader, ['--config', '-c']))) configPath = joinPath(invocation.dir, v.value);
    else if ((a = takeArray(reader, ['--testPathIgnorePatterns']))) replace('exclude', 'regex', a.flag, a.values);
    else if ((a = takeArray(reader, ['--testMatch']))) replace('include', 'glob', a.flag, a.values);
    else if ((a = takeArray(reader, ['--roots']))) replace('roots', 'path', a.flag, a.values);
    else if ((a = takeArray(reader, ['--testPathPatterns', '--testPathPattern']))) {
      const flag = a.flag;
      pathPatterns.push(...a.values.map((w) => ({ ...w, flag })));
    }
    else if ((v = takeValue(reader, ['--testRegex']))) replace('include', 'regex', v.flag, [{ text: v.value, line: v.line }]);
    else if ((v = takeValue(reader, ['--rootDir']))) {
      const dir = joinPath(invocation.dir, v.value);
      flags.push((facts) => { facts.scopes.forEach((scope) => (scope.root = dir ?? scope.root)); });
    } else if ((v = takeValue(reader, ['-t', '--testNamePattern', '--selectProjects', '--changedSince', '--findRelatedTests']))) {
      const value = v;
      flags.push((facts) => { facts.scopes.forEach((scope) => scope.filters.push({ kind: value.flag, value: value.value, origin: flagOrigin(value.flag, invocation, value.line) })); });
    } else if ((b = takeBoolean(reader, ['--onlyChanged', '-o', '--lastCommit', '--onlyFailures', '-f']))) {
      const value = b;
      if (value.value) flags.push((facts) => { facts.scopes.forEach((scope) => scope.filters.push({ kind: value.flag, value: 'true', origin: flagOrigin(value.flag, invocation, value.line) })); });
    } else if ((b = takeBoolean(reader, ['--passWithNoTests']))) {
      const value = b;
      flags.push((facts) => { overrideSetting(facts, 'jest', 'passWithNoTests', value.value, flagOrigin(value.flag, invocation, value.line)); });
    } else if (word.text === '--bail' || word.text === '-b' || word.text.startsWith('--bail=')) {
      const count = word.text.startsWith('--bail=') ? Number(word.text.slice(7)) : 1;
      flags.push((facts) => { overrideSetting(facts, 'jest', 'bail', Number.isFinite(count) ? count : 1, flagOrigin('--bail', invocation, word.line)); });
      reader.i++;
    } else if (word.text.startsWith('-')) {
      reader.i += VALUE_OPTIONS.has(word.text) ? 2 : 1;
    } else {
      pathPatterns.push({ text: word.text, line: word.line, flag: 'testPathPatterns' });
      reader.i++;
    }
  }
  const base = emptyRunnerFacts();
  if (configPath !== null && paths.has(configPath)) {
    const value = loadJestConfigFile(source, configPath);
    readRoot(source, paths, jestConfigDirs(source.paths), { file: configPath, dir: dirname(configPath), value }, base);
  } else {
    const dir = nearestConfigDir(invocation.dir, (candidate) => jestConfigIn(source, paths, candidate, true) !== null);
    const config = dir === null ? null : jestConfigIn(source, paths, dir, true);
    if (config) readRoot(source, paths, jestConfigDirs(source.paths), config, base);
    else {
      const empty: ConfigValue = { kind: 'object', file: invocation.file, line: invocation.line, properties: new Map(), opaque: [] };
      scopeOf(`jest:${invocation.dir || '.'}`, { file: invocation.file, dir: invocation.dir, value: empty }, empty, invocation.dir, base);
    }
  }
  const facts = forCommand(base, invocation);
  for (const flag of flags) flag(facts);
  for (const pattern of pathPatterns) for (const scope of facts.scopes) scope.pathFilters.push({ pattern: pattern.text, syntax: 'regex', origin: flagOrigin(pattern.flag, invocation, pattern.line) });
  return facts;
}

export const jestRunnerReader: RunnerReader = {
  tool: 'jest',
  readsFile: readsJestFile,
  read: readAll,
  command,
};
