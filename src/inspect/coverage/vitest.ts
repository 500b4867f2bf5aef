import picomatch from 'picomatch';
import { createConfigEvaluator, property, type ConfigValue, type PackageImport } from '../config-eval/index.js';
import { dirname, joinPath } from '../config-eval/paths.js';
import { vitestDefaults, type VitestDefaults } from './js-defaults.js';
import { basename, dependencyRange, majorOf, METRICS, nearestPackageJson, originOf, readBoolean, readNumber, readPatterns, threshold, toUnresolved, type JsCoverageScope } from './js-common.js';
import { emptyCoverageFacts, type ConfigSource, type CoverageFacts, type CoverageReader, type Pattern, type Threshold, type Unresolved } from './model.js';

/**
 * Vitest coverage, read the way vitest resolves it:
 * - config files per directory in vitest's order (`vitest.config` before `vite.config`, extensions
 *   .ts .mts .cts .js .mjs .cjs; packages/vitest/src/constants.ts); a `vite.config.*` counts only
 *   when it has a `test` section;
 * - coverage is configured once, at the root config: project configs (`test.projects`,
 *   `test.workspace`, `vitest.workspace.*`) are run by the root and their `test.coverage` is not
 *   read (node/coverage.ts uses the root's `_coverageOptions`), so a referenced project config is
 *   not a scope of its own;
 * - include/exclude relative to the root (`test.root` ?? `root` ?? the config's directory), `dot: true`
 *   (test-exclude in v1–v3 providers, picomatch `{ dot: true }` in v4's BaseCoverageProvider.isIncluded).
 */
const CONFIG_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];
const WORKSPACE_NAMES = ['vitest.workspace', 'vitest.projects'];
const CONFIG_FILE = /^(?:vitest|vite)\.config\.[cm]?[jt]s$/;
const WORKSPACE_FILE = /^vitest\.(?:workspace|projects)\.(?:[cm]?[jt]s|json)$/;

export const vitestReader: CoverageReader = {
  tool: 'vitest',
  readsFile(path) {
    const name = basename(path);
    return CONFIG_FILE.test(name) || WORKSPACE_FILE.test(name) || name === 'package.json';
  },
  read: readVitest,
};

interface ConfigFile {
  path: string;
  value: ConfigValue;
  defaults: VitestDefaults;
  assumedVersion: boolean;
}

function readVitest(source: ConfigSource): CoverageFacts {
  const facts = emptyCoverageFacts();
  const paths = new Set(source.paths);
  const byDirectory = new Map<string, string[]>();
  for (const path of source.paths) {
    const name = basename(path);
    if (!CONFIG_FILE.test(name) && !WORKSPACE_FILE.test(name)) continue;
    const dir = dirname(path);
    byDirectory.set(dir, [...(byDirectory.get(dir) ?? []), name]);
  }

  const configs: ConfigFile[] = [];
  const workspaces: { path: string; value: ConfigValue; dir: string }[] = [];
  for (const [dir, names] of [...byDirectory].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const prefix = dir === '' ? '' : `${dir}/`;
    const pick = (bases: string[], extensions: string[]): string | undefined => {
      for (const base of bases) for (const extension of extensions) if (names.includes(base + extension)) return prefix + base + extension;
      return undefined;
    };
    const vitestConfig = pick(['vitest.config'], CONFIG_EXTENSIONS);
    const viteConfig = pick(['vite.config'], CONFIG_EXTENSIONS);
    for (const candidate of [vitestConfig, viteConfig]) {
      if (candidate === undefined) continue;
      const config = loadConfig(source, paths, candidate);
      if (candidate === viteConfig && vitestConfig === undefined && !hasTestSection(config.value)) continue;
      configs.push(config);
      break;
    }
    const workspace = pick(WORKSPACE_NAMES, [...CONFIG_EXTENSIONS, '.json']);
    if (workspace !== undefined) workspaces.push({ path: workspace, dir, value: loadConfig(source, paths, workspace).value });
  }

  // Config files referenced as projects are run by their root, not on their own.
  const configPaths = configs.map((config) => config.path);
  const referenced = new Set<string>();
  for (const config of configs) {
    const test = property(unwrapFunction(config.value), 'test');
    for (const key of ['projects', 'workspace']) markReferenced(property(test, key), dirname(config.path), configPaths, referenced);
  }
  for (const workspace of workspaces) markReferenced(unwrapFunction(workspace.value), workspace.dir, configPaths, referenced);

  for (const config of configs) {
    if (referenced.has(config.path)) continue;
    readRootConfig(config, facts);
  }
  // A workspace file with no config beside it: vitest runs with default coverage options from that directory.
  for (const workspace of workspaces) {
    if (configs.some((config) => dirname(config.path) === workspace.dir)) continue;
    const loaded = loadConfig(source, paths, workspace.path);
    readRootConfig({ ...loaded, value: { kind: 'object', file: workspace.path, line: 1, properties: new Map(), opaque: [] } }, facts);
  }
  return facts;
}

function loadConfig(source: ConfigSource, paths: ReadonlySet<string>, path: string): ConfigFile {
  const packageJson = nearestPackageJson(source, path, paths);
  const range = packageJson ? dependencyRange(packageJson.value, 'vitest') : null;
  const { defaults, assumed } = vitestDefaults(range === null ? null : majorOf(range));
  const evaluator = createConfigEvaluator(source, { resolvePackage: (request) => vitestPackage(request, defaults) });
  return { path, value: evaluator.config(path), defaults, assumedVersion: assumed };
}

function hasTestSection(value: ConfigValue): boolean {
  const test = property(unwrapFunction(value), 'test');
  return test.kind !== 'undefined';
}

function unwrapFunction(value: ConfigValue): ConfigValue {
  return value.kind === 'function' ? value.returns : value;
}

function markReferenced(list: ConfigValue, dir: string, configPaths: readonly string[], into: Set<string>): void {
  if (list.kind !== 'array') return;
  for (const item of list.items) {
    if (item.kind !== 'string' || item.value.startsWith('!')) continue;
    const full = item.repoPath ? item.value : joinPath(dir, item.value);
    if (full === null) continue;
    const matches = picomatch(full === '' ? '**' : full, { dot: true });
    for (const path of configPaths) if (matches(path) || matches(dirname(path))) into.add(path);
  }
}

function readRootConfig(config: ConfigFile, facts: CoverageFacts): void {
  const { path, defaults } = config;
  // Keyed by directory, so a renamed config file (vite.config.ts → vitest.config.mts) pairs with its base.
  const id = `vitest:${dirname(path) || '.'}`;
  const unresolved: Unresolved[] = [];
  const value = unwrapFunction(config.value);
  if (value.kind === 'unresolved') {
    facts.unresolved.push(toUnresolved(value, 'config'));
    return;
  }
  if (config.assumedVersion) facts.unresolved.push({ file: path, line: 1, setting: 'vitest version', expression: 'package.json', reason: `vitest version not found in package.json; assumed ${defaults.label}` });
  const test = property(value, 'test');
  const coverage = property(test, 'coverage');
  if (coverage.kind === 'unresolved') unresolved.push(toUnresolved(coverage, 'test.coverage'));
  const origin = originOf(coverage.kind === 'object' ? coverage : test.kind === 'object' ? test : value);

  // Root.
  let root = dirname(path);
  for (const [setting, rootValue] of [
    ['test.root', property(test, 'root')],
    ['root', property(value, 'root')],
  ] as const) {
    if (rootValue.kind === 'string') {
      root = (rootValue.repoPath ? rootValue.value : joinPath(dirname(path), rootValue.value)) ?? root;
      break;
    }
    if (rootValue.kind === 'unresolved') {
      unresolved.push(toUnresolved(rootValue, setting));
      break;
    }
  }

  const fromDefault = (patterns: readonly string[], label: string): Pattern[] => patterns.map((pattern) => ({ pattern, syntax: 'glob', origin: { default: `${defaults.label} ${label}` } }));

  // Include.
  const includePatterns = readPatterns(property(coverage, 'include'), 'test.coverage.include', 'glob', unresolved);
  const all = defaults.all === null ? null : (readBoolean(property(coverage, 'all'), 'test.coverage.all', unresolved) ?? defaults.all);
  let include: JsCoverageScope['include'];
  let dynamicInclude: Pattern[] | undefined;
  if (defaults.all === null) {
    include = includePatterns ?? 'dynamic';
  } else if (all === true) {
    include = includePatterns ?? fromDefault(['**'], 'coverage.include (all: true)');
  } else {
    include = 'dynamic';
    if (includePatterns !== null) dynamicInclude = includePatterns;
  }

  // Exclude: the user's list replaces the default one; vitest then appends its own.
  const exclude = readPatterns(property(coverage, 'exclude'), 'test.coverage.exclude', 'glob', unresolved) ?? fromDefault(defaults.coverageExclude, 'coverageConfigDefaults.exclude');
  exclude.push(...fromDefault(['**/node_modules/**'], 'node_modules exclusion'));
  if (defaults.excludesTestFiles) {
    const testInclude = readPatterns(property(test, 'include'), 'test.include', 'glob', unresolved) ?? fromDefault(defaults.testInclude, 'configDefaults.include');
    exclude.push(...testInclude);
  }
  const setupFiles = readPatterns(property(test, 'setupFiles'), 'test.setupFiles', 'glob', unresolved);
  if (setupFiles) exclude.push(...setupFiles);

  // Extensions (v0–v3).
  let extensions: string[] | null = null;
  if (defaults.extension !== null) {
    const written = readPatterns(property(coverage, 'extension'), 'test.coverage.extension', 'glob', unresolved);
    extensions = written ? written.map((item) => item.pattern) : [...defaults.extension];
  }

  const scope: JsCoverageScope = { tool: 'vitest', id, origin, root, include, exclude, extensions, dot: true, unresolved };
  if (dynamicInclude) scope.dynamicInclude = dynamicInclude;
  facts.scopes.push(scope);
  facts.thresholds.push(...readThresholds(coverage, defaults, id, unresolved));
}

function readThresholds(coverage: ConfigValue, defaults: VitestDefaults, id: string, unresolved: Unresolved[]): Threshold[] {
  const out: Threshold[] = [];
  const container = defaults.thresholdsObject ? property(coverage, 'thresholds') : coverage;
  const prefix = defaults.thresholdsObject ? 'test.coverage.thresholds' : 'test.coverage';
  if (container.kind === 'unresolved') {
    unresolved.push(toUnresolved(container, prefix));
    return out;
  }
  if (container.kind !== 'object') return out;
  const perFile = readBoolean(property(container, 'perFile'), `${prefix}.perFile`, unresolved) === true;
  const group = (object: ConfigValue, target: string, setting: string): void => {
    const hundred = property(object, '100');
    const all100 = readBoolean(hundred, `${setting}.100`, unresolved) === true;
    for (const metric of METRICS) {
      const value = property(object, metric);
      const number = readNumber(value, `${setting}.${metric}`, unresolved);
      if (all100) out.push(threshold('vitest', id, target, metric, 100, hundred));
      else if (number !== null) out.push(threshold('vitest', id, target, metric, number, value));
    }
  };
  group(container, perFile ? 'perFile' : 'global', prefix);
  if (!defaults.thresholdsObject) return out;
  for (const [key, value] of container.properties) {
    if (key === 'perFile' || key === '100' || key === 'autoUpdate' || (METRICS as readonly string[]).includes(key)) continue;
    if (value.kind === 'object') group(value, key, `${prefix}['${key}']`);
    else if (value.kind === 'unresolved') unresolved.push(toUnresolved(value, `${prefix}['${key}']`));
  }
  for (const opaque of container.opaque) unresolved.push(toUnresolved(opaque, prefix));
  return out;
}

/** `configDefaults` / `coverageConfigDefaults` / `defaultExclude` / `defaultInclude` of vitest, per major. */
function vitestPackage(request: PackageImport, defaults: VitestDefaults): ConfigValue | null {
  if (!/^vitest(?:\/(?:dist\/)?config(?:\.js)?|\/node)?$/.test(request.specifier)) return null;
  const { at } = request;
  const strings = (items: readonly string[], label: string): ConfigValue => ({
    kind: 'array',
    ...at,
    fromDefault: `${defaults.label} ${label}`,
    items: items.map((value) => ({ kind: 'string', ...at, fromDefault: `${defaults.label} ${label}`, value })),
  });
  const coverage = (): ConfigValue => {
    const properties = new Map<string, ConfigValue>([['exclude', strings(defaults.coverageExclude, 'coverageConfigDefaults.exclude')]]);
    if (defaults.extension !== null) properties.set('extension', strings(defaults.extension, 'coverageConfigDefaults.extension'));
    if (defaults.all !== null) properties.set('all', { kind: 'boolean', ...at, fromDefault: `${defaults.label} coverageConfigDefaults.all`, value: defaults.all });
    properties.set('provider', { kind: 'string', ...at, value: 'v8' });
    return { kind: 'object', ...at, fromDefault: `${defaults.label} coverageConfigDefaults`, properties, opaque: [] };
  };
  switch (request.name) {
    case 'coverageConfigDefaults':
      return coverage();
    case 'configDefaults':
      return {
        kind: 'object',
        ...at,
        fromDefault: `${defaults.label} configDefaults`,
        properties: new Map([
          ['include', strings(defaults.testInclude, 'configDefaults.include')],
          ['exclude', strings(defaults.testExclude, 'configDefaults.exclude')],
          ['coverage', coverage()],
        ]),
        opaque: [],
      };
    case 'defaultExclude':
      return strings(defaults.testExclude, 'defaultExclude');
    case 'defaultInclude':
      return strings(defaults.testInclude, 'defaultInclude');
    default:
      return null;
  }
}
