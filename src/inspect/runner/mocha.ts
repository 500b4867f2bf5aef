import { pathSet } from '../config-source.js';
import { createConfigEvaluator, jsonValue, property, yamlValue, type ConfigValue } from '../config-eval/index.js';
import { dirname, joinPath } from '../config-eval/paths.js';
import { basename } from '../coverage/js-common.js';
import { takeArray, takeBoolean, takeValue, type FlagReader } from './commands.js';
import { configSetting, defaults, forCommand, nearestConfigDir, newScope, overrideSetting, readBoolean, readList, toUnresolved } from './common.js';
import { emptyRunnerFacts, flagOrigin, type ConfigSource, type Invocation, type RunnerFacts, type RunnerReader, type RunnerScope } from './model.js';

/**
 * Mocha test collection (mochajs/mocha lib/cli/config.js `CONFIG_FILES`, lib/mocharc.json,
 * lib/cli/run.js, lib/cli/collect-files.js, lib/cli/lookup-files.js):
 * - config: the first of `.mocharc.cjs`, `.mocharc.js`, `.mocharc.yaml`, `.mocharc.yml`,
 *   `.mocharc.jsonc`, `.mocharc.json` in a directory, then `package.json#mocha` under it;
 * - `spec` (default `./test`), `ignore`/`exclude`, `extension` (default `js cjs mjs`), `recursive`;
 *   see collected-set.ts for how a spec names files;
 * - settings: `retries` (default 0), `bail` (default false), `forbid-only` (default false);
 *   `grep`/`fgrep`/`invert` are filters whose effect cannot be computed from file names;
 * - CLI: positional specs and `--spec` are added to the config's (mocha concatenates array
 *   options), `--ignore`/`--exclude`, `--extension`, `--recursive`, `--retries`, `--bail`/`-b`,
 *   `--forbid-only`, `--grep`/`-g`, `--fgrep`/`-f`, `--invert`/`-i`, `--config`.
 */
const CONFIG_FILES = ['.mocharc.cjs', '.mocharc.js', '.mocharc.yaml', '.mocharc.yml', '.mocharc.jsonc', '.mocharc.json'];
const EXTENSIONS = ['js', 'cjs', 'mjs'];

function loadFile(source: ConfigSource, file: string): ConfigValue {
  if (/\.c?js$/.test(file)) {
    const value = createConfigEvaluator(source).config(file);
    return value.kind === 'function' ? value.returns : value;
  }
  const text = source.read(file);
  if (text === null) return { kind: 'unresolved', file, line: 1, expression: file, reason: 'file not available' };
  if (/\.ya?ml$/.test(file)) return yamlValue(file, text);
  // JSONC: comments removed line by line (keeps line numbers).
  const json = file.endsWith('.jsonc') ? text.replace(/^\s*\/\/.*$/gm, '') : text;
  const value = jsonValue(file, json);
  return file.endsWith('package.json') ? property(value, 'mocha') : value;
}

interface MochaConfig {
  file: string;
  dir: string;
  value: ConfigValue;
}

function configIn(source: ConfigSource, paths: ReadonlySet<string>, dir: string): MochaConfig | null {
  const prefix = dir === '' ? '' : `${dir}/`;
  for (const name of CONFIG_FILES) if (paths.has(prefix + name)) return { file: prefix + name, dir, value: loadFile(source, prefix + name) };
  const pkg = `${prefix}package.json`;
  if (!paths.has(pkg)) return null;
  const value = loadFile(source, pkg);
  return value.kind === 'undefined' ? null : { file: pkg, dir, value };
}

function pick(value: ConfigValue, ...keys: string[]): ConfigValue {
  for (const key of keys) {
    const found = property(value, key);
    if (found.kind !== 'undefined') return found;
  }
  return property(value, keys[0]!);
}

function scopeOf(config: MochaConfig, facts: RunnerFacts): RunnerScope {
  const id = `mocha:${config.dir || '.'}`;
  const scope = newScope('mocha', id, { file: config.file, line: config.value.line }, config.dir);
  if (config.value.kind === 'unresolved') scope.unresolved.push(toUnresolved(config.value, 'config'));
  const value = config.value;
  scope.roots = readList(pick(value, 'spec'), 'spec', 'path', scope.unresolved) ?? defaults(['./test'], 'path', 'mocha spec');
  scope.exclude = readList(pick(value, 'ignore', 'exclude'), 'ignore', 'glob', scope.unresolved) ?? [];
  scope.extensions = (readList(pick(value, 'extension'), 'extension', 'path', scope.unresolved) ?? defaults(EXTENSIONS, 'path', 'mocha extension')).map((p) => p.pattern);
  scope.recursive = readBoolean(pick(value, 'recursive'), 'recursive', scope.unresolved) ?? false;
  for (const key of ['grep', 'fgrep', 'invert']) {
    const found = property(value, key);
    if (found.kind === 'string' || found.kind === 'regex' || (found.kind === 'boolean' && found.value)) {
      scope.filters.push({ kind: key, value: found.kind === 'string' ? found.value : found.kind === 'regex' ? found.source : 'true', origin: { file: found.file, line: found.line } });
    } else if (found.kind === 'unresolved') scope.unresolved.push(toUnresolved(found, key));
  }
  facts.scopes.push(scope);
  configSetting(facts, 'mocha', id, 'retries', pick(value, 'retries'), 'retries', 0, 'mocha default', scope.unresolved);
  configSetting(facts, 'mocha', id, 'bail', pick(value, 'bail'), 'bail', 0, 'mocha default', scope.unresolved);
  configSetting(facts, 'mocha', id, 'forbidOnly', pick(value, 'forbid-only', 'forbidOnly'), 'forbid-only', false, 'mocha default', scope.unresolved);
  return scope;
}

function readAll(source: ConfigSource): RunnerFacts {
  const facts = emptyRunnerFacts();
  const paths = pathSet(source.paths);
  const dirs = [...new Set(source.paths.filter((path) => CONFIG_FILES.includes(basename(path)) || basename(path) === 'package.json').map(dirname))].sort();
  for (const dir of dirs) {
    const config = configIn(source, paths, dir);
    if (config) scopeOf(config, facts);
  }
  return facts;
}

const VALUE_OPTIONS = new Set(['--require', '-r', '--reporter', '-R', '--reporter-option', '-O', '--timeout', '-t', '--slow', '-s', '--ui', '-u', '--file', '--jobs', '-j', '--package', '--node-option', '-n', '--global']);

function command(source: ConfigSource, invocation: Invocation): RunnerFacts {
  const paths = pathSet(source.paths);
  const reader: FlagReader = { i: 0, words: invocation.words };
  let configPath: string | null = null;
  let noConfig = false;
  const flags: ((scope: RunnerScope, facts: RunnerFacts) => void)[] = [];
  const specs: { text: string; line: number; flag: string }[] = [];
  while (reader.i < reader.words.length) {
    const word = reader.words[reader.i]!;
    let v;
    let a;
    let b;
    if ((v = takeValue(reader, ['--config']))) configPath = joinPath(invocation.dir, v.value);
    else if (word.text === '--no-config') {
      noConfig = true;
      reader.i++;
    } else if ((a = takeArray(reader, ['--spec']))) specs.push(...a.values.map((w) => ({ ...w, flag: '--spec' })));
    else if ((v = takeValue(reader, ['--ignore', '--exclude']))) {
      const value = v;
      flags.push((scope) => scope.exclude.push({ pattern: value.value, syntax: 'glob', origin: flagOrigin(value.flag, invocation, value.line) }));
    } else if ((v = takeValue(reader, ['--extension']))) {
      const value = v;
      flags.push((scope) => (scope.extensions = [...(scope.extensions ?? []), ...value.value.split(',')]));
    } else if ((v = takeValue(reader, ['--retries']))) {
      const value = v;
      flags.push((_scope, facts) => { overrideSetting(facts, 'mocha', 'retries', Number(value.value) || 0, flagOrigin('--retries', invocation, value.line)); });
    } else if ((v = takeValue(reader, ['--grep', '-g', '--fgrep', '-f']))) {
      const value = v;
      flags.push((scope) => scope.filters.push({ kind: value.flag, value: value.value, origin: flagOrigin(value.flag, invocation, value.line) }));
    } else if ((b = takeBoolean(reader, ['--recursive']))) {
      const value = b;
      flags.push((scope) => (scope.recursive = value.value));
    } else if ((b = takeBoolean(reader, ['--invert', '-i']))) {
      const value = b;
      if (value.value) flags.push((scope) => scope.filters.push({ kind: '--invert', value: 'true', origin: flagOrigin(value.flag, invocation, value.line) }));
    } else if ((b = takeBoolean(reader, ['--bail', '-b', '--forbid-only']))) {
      const value = b;
      flags.push((_scope, facts) => { overrideSetting(facts, 'mocha', value.flag === '--forbid-only' ? 'forbidOnly' : 'bail', value.flag === '--forbid-only' ? value.value : value.value ? 1 : 0, flagOrigin(value.flag, invocation, value.line)); });
    } else if (word.text.startsWith('-')) {
      reader.i += VALUE_OPTIONS.has(word.text) ? 2 : 1;
    } else {
      specs.push({ text: word.text, line: word.line, flag: 'spec' });
      reader.i++;
    }
  }
  const base = emptyRunnerFacts();
  let config: MochaConfig | null = null;
  if (configPath !== null && paths.has(configPath)) config = { file: configPath, dir: invocation.dir, value: loadFile(source, configPath) };
  else if (!noConfig) {
    const dir = nearestConfigDir(invocation.dir, (candidate) => configIn(source, paths, candidate) !== null);
    const found = dir === null ? null : configIn(source, paths, dir);
    if (found) config = { ...found, dir: invocation.dir };
  }
  const scope = scopeOf(config ?? { file: invocation.file, dir: invocation.dir, value: { kind: 'object', file: invocation.file, line: invocation.line, properties: new Map(), opaque: [] } }, base);
  if (specs.length > 0) {
    // The default `./test` applies only when no spec is given anywhere.
    const written = scope.roots.filter((p) => !('default' in p.origin));
    scope.roots = [...written, ...specs.map((spec) => ({ pattern: spec.text, syntax: 'path' as const, origin: flagOrigin(spec.flag, invocation, spec.line) }))];
  }
  const facts = forCommand(base, invocation);
  for (const own of facts.scopes) for (const flag of flags) flag(own, facts);
  return facts;
}

export const mochaRunnerReader: RunnerReader = {
  tool: 'mocha',
  readsFile: (path) => CONFIG_FILES.includes(basename(path)) || basename(path) === 'package.json',
  read: readAll,
  command,
};
