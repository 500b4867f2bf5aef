import { pathSet } from '../config-source.js';
import picomatch from 'picomatch';
import { property, type ConfigValue } from '../config-eval/index.js';
import { dirname, joinPath } from '../config-eval/paths.js';
import { hasTestSection, isViteConfig, loadVitestConfig, readsVitestFile, unwrapFunction, vitestConfigDirs, vitestConfigIn, vitestWorkspaceIn, type VitestConfigFile } from '../tools/vitest-config.js';
import type { VitestDefaults } from './js-defaults.js';
import { METRICS, originOf, readBoolean, readNumber, readPatterns, threshold, toUnresolved, type JsCoverageScope } from './js-common.js';
import { emptyCoverageFacts, type ConfigSource, type CoverageFacts, type CoverageReader, type Pattern, type Threshold, type Unresolved } from './model.js';

/**
 * Vitest coverage, read the way vitest resolves it:
 * - config files per directory in vitest's order (`../tools/vitest-config.ts`); a `vite.config.*`
 *   counts only when it has a `test` section;
 * - coverage is configured once, at the root config: project configs (`test.projects`,
 *   `test.workspace`, `vitest.workspace.*`) are run by the root and their `test.coverage` is not
 *   read (node/coverage.ts uses the root's `_coverageOptions`), so a referenced project config is
 *   not a scope of its own;
 * - include/exclude relative to the root (`test.root` ?? `root` ?? the config's directory), `dot: true`
 *   (test-exclude in v1–v3 providers, picomatch `{ dot: true }` in v4's BaseCoverageProvider.isIncluded).
 */
export const vitestReader: CoverageReader = {
  tool: 'vitest',
  readsFile: readsVitestFile,
  read: readVitest,
};

function readVitest(source: ConfigSource): CoverageFacts {
  const facts = emptyCoverageFacts();
  const paths = pathSet(source.paths);
  const configs: VitestConfigFile[] = [];
  const workspaces: { path: string; value: ConfigValue; dir: string }[] = [];
  for (const dir of vitestConfigDirs(source.paths)) {
    const candidate = vitestConfigIn(paths, dir);
    if (candidate !== null) {
      const config = loadVitestConfig(source, paths, candidate);
      if (!isViteConfig(candidate) || hasTestSection(config.value)) configs.push(config);
    }
    const workspace = vitestWorkspaceIn(paths, dir);
    if (workspace !== null) workspaces.push({ path: workspace, dir, value: loadVitestConfig(source, paths, workspace).value });
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
    const loaded = loadVitestConfig(source, paths, workspace.path);
    readRootConfig({ ...loaded, value: { kind: 'object', file: workspace.path, line: 1, properties: new Map(), opaque: [] } }, facts);
  }
  return facts;
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

function readRootConfig(config: VitestConfigFile, facts: CoverageFacts): void {
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
