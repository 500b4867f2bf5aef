import { createConfigEvaluator, jsonValue, property, yamlValue, type ConfigEvaluator, type ConfigValue, type ObjectValue } from '../config-eval/index.js';
import { importCandidates, joinPath } from '../config-eval/paths.js';
import { ISTANBUL_DEFAULT_EXCLUDE, ISTANBUL_DEFAULT_EXTENSION, ISTANBUL_THRESHOLD_DEFAULTS, NYC_SHARED_CONFIGS } from './js-defaults.js';
import { METRICS, originOf, readBoolean, readNumber, readPatterns, threshold, toUnresolved, type JsCoverageScope } from './js-common.js';
import type { ConfigSource, CoverageFacts, Pattern, Unresolved } from './model.js';

/**
 * Shared by nyc and c8: both filter with test-exclude (istanbuljs/test-exclude index.js, 7–8:
 * minimatch with `dot: true`, include empty = every file, `!` patterns in include move to exclude and
 * in exclude re-include, `**\/node_modules/**` added unless `excludeNodeModules: false`, extension
 * filter) and take defaults from @istanbuljs/schema.
 */

/** `check-coverage` → `checkCoverage`, as yargs and @istanbuljs/load-nyc-config camel-case keys. */
export function camelCase(key: string): string {
  return key.replace(/[-_]+([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

export function readConfigFile(source: ConfigSource, evaluator: ConfigEvaluator, file: string): ConfigValue {
  const text = source.read(file);
  if (text === null) return { kind: 'unresolved', file, line: 1, expression: file, reason: 'file not available' };
  if (/\.ya?ml$/.test(file)) return yamlValue(file, text);
  if (/\.[cm]?[jt]s$/.test(file)) {
    const value = evaluator.config(file);
    return value.kind === 'function' ? value.returns : value;
  }
  return jsonValue(file, text);
}

/**
 * Applies `extends` like @istanbuljs/load-nyc-config applyExtends: keys camel-cased, each extended
 * config (a package from the table or a file relative to the config) under the config's own keys.
 */
export function applyExtends(value: ConfigValue, file: string, source: ConfigSource, evaluator: ConfigEvaluator, paths: ReadonlySet<string>, unresolved: Unresolved[], seen: Set<string> = new Set()): ObjectValue {
  const result: ObjectValue = { kind: 'object', file: value.file, line: value.line, properties: new Map(), opaque: [] };
  if (value.kind === 'unresolved') {
    unresolved.push(toUnresolved(value, 'config'));
    return result;
  }
  if (value.kind !== 'object') return result;
  const own = new Map<string, ConfigValue>();
  for (const [key, item] of value.properties) own.set(camelCase(key), item);
  result.opaque.push(...value.opaque);
  const extendsValue = own.get('extends');
  own.delete('extends');
  if (extendsValue !== undefined) {
    const list = extendsValue.kind === 'array' ? extendsValue.items : [extendsValue];
    for (const item of list) {
      if (item.kind !== 'string') {
        if (item.kind === 'unresolved') unresolved.push(toUnresolved(item, 'extends'));
        continue;
      }
      if (item.value in NYC_SHARED_CONFIGS) continue;
      const target = (importCandidates(file, item.value.startsWith('.') ? item.value : `./${item.value}`) ?? []).find((candidate) => paths.has(candidate));
      if (target === undefined || seen.has(target)) {
        unresolved.push({ file: item.file, line: item.line, setting: 'extends', expression: item.value, reason: target === undefined ? 'shared config not known' : 'circular extends' });
        continue;
      }
      seen.add(target);
      const base = applyExtends(readConfigFile(source, evaluator, target), target, source, evaluator, paths, unresolved, seen);
      for (const [key, item2] of base.properties) result.properties.set(key, item2);
      result.opaque.push(...base.opaque);
    }
  }
  for (const [key, item] of own) result.properties.set(key, item);
  return result;
}

export function newEvaluator(source: ConfigSource): ConfigEvaluator {
  return createConfigEvaluator(source);
}

/** Scope, thresholds and enforcement from a merged, camel-cased nyc/c8 config. */
/**
 * The facts of one nyc or c8 directory: its `package.json` section under its rc file (the rc
 * wins key by key, as @istanbuljs/load-nyc-config merges them), each with `extends` applied.
 */
export function istanbulScopeFacts(
  tool: 'nyc' | 'c8',
  cwd: string,
  fromPackage: ConfigValue | null,
  rc: string | null,
  context: { source: ConfigSource; evaluator: ConfigEvaluator; paths: ReadonlySet<string> },
  facts: CoverageFacts,
): void {
  const { source, evaluator, paths } = context;
  const unresolved: Unresolved[] = [];
  const packageJson = cwd === '' ? 'package.json' : `${cwd}/package.json`;
  const base = fromPackage ? applyExtends(fromPackage, packageJson, source, evaluator, paths, unresolved) : null;
  const fromRc = rc ? applyExtends(readConfigFile(source, evaluator, rc), rc, source, evaluator, paths, unresolved) : null;
  const merged: ObjectValue = {
    kind: 'object',
    file: fromRc?.file ?? base?.file ?? packageJson,
    line: fromRc?.line ?? base?.line ?? 1,
    properties: new Map([...(base?.properties ?? []), ...(fromRc?.properties ?? [])]),
    opaque: [...(base?.opaque ?? []), ...(fromRc?.opaque ?? [])],
  };
  istanbulFacts(tool, `${tool}:${cwd || '.'}`, cwd, merged, unresolved, facts);
}

export function istanbulFacts(tool: 'nyc' | 'c8', id: string, cwd: string, config: ObjectValue, unresolved: Unresolved[], facts: CoverageFacts): void {
  const get = (key: string): ConfigValue => property(config, key);
  const label = `@istanbuljs/schema`;
  const defaults = (patterns: readonly string[], name: string): Pattern[] => patterns.map((pattern) => ({ pattern, syntax: 'glob', origin: { default: `${label} ${name}` } }));

  let root = cwd;
  const cwdValue = get('cwd');
  if (cwdValue.kind === 'string') root = (cwdValue.repoPath ? cwdValue.value : joinPath(cwd, cwdValue.value)) ?? cwd;
  else if (cwdValue.kind === 'unresolved') unresolved.push(toUnresolved(cwdValue, 'cwd'));

  const includeWritten = readPatterns(get('include'), 'include', 'glob', unresolved) ?? [];
  const include = includeWritten.filter((pattern) => !pattern.pattern.startsWith('!'));
  const exclude = [
    ...(readPatterns(get('exclude'), 'exclude', 'glob', unresolved) ?? defaults(ISTANBUL_DEFAULT_EXCLUDE, 'default-exclude')),
    ...includeWritten.filter((pattern) => pattern.pattern.startsWith('!')).map((pattern) => ({ ...pattern, pattern: pattern.pattern.slice(1) })),
  ];
  if (readBoolean(get('excludeNodeModules'), 'exclude-node-modules', unresolved) !== false && !exclude.some((pattern) => pattern.pattern === '**/node_modules/**')) {
    exclude.push(...defaults(['**/node_modules/**'], 'excludeNodeModules'));
  }
  const extensionWritten = readPatterns(get('extension'), 'extension', 'glob', unresolved);
  const extensions = extensionWritten ? extensionWritten.map((pattern) => pattern.pattern) : [...ISTANBUL_DEFAULT_EXTENSION];
  const all = readBoolean(get('all'), 'all', unresolved) ?? false;
  const allInclude: Pattern[] = include.length > 0 ? include : defaults(['**'], 'include (empty: all files)');

  const scope: JsCoverageScope = {
    tool,
    id,
    origin: originOf(config),
    root,
    include: all ? allInclude : 'dynamic',
    exclude,
    extensions: extensions.length === 0 ? null : extensions,
    dot: true,
    unresolved,
  };
  if (!all && include.length > 0) scope.dynamicInclude = include;
  facts.scopes.push(scope);

  const hundredValue = get('100');
  const hundred = tool === 'c8' && readBoolean(hundredValue, '100', unresolved) === true;
  const checkValue = get('checkCoverage');
  const check = readBoolean(checkValue, 'check-coverage', unresolved);
  const enforced = hundred || check === true;
  facts.enforcement.push({ tool, scopeId: id, enforced, origin: originOf(hundred ? hundredValue : checkValue.kind === 'undefined' ? config : checkValue) });
  const perFile = readBoolean(get('perFile'), 'per-file', unresolved) === true;
  const target = perFile ? 'perFile' : 'global';
  for (const metric of METRICS) {
    if (hundred) {
      facts.thresholds.push(threshold(tool, id, target, metric, 100, hundredValue));
      continue;
    }
    const value = get(metric);
    const number = readNumber(value, metric, unresolved);
    if (number !== null) facts.thresholds.push(threshold(tool, id, target, metric, number, value));
    else if (value.kind === 'undefined' && enforced) {
      // Unset thresholds are still checked with the schema default (lines 90, the rest 0).
      facts.thresholds.push({ tool, scopeId: id, target, metric, value: ISTANBUL_THRESHOLD_DEFAULTS[metric], origin: originOf(checkValue.kind === 'undefined' ? config : checkValue) });
    }
  }
}

