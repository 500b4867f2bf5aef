import { createConfigEvaluator, property, type ConfigValue, type PackageImport } from '../config-eval/index.js';
import { dirname } from '../config-eval/paths.js';
import { vitestDefaults, type VitestDefaults } from '../coverage/js-defaults.js';
import { basename, dependencyRange, majorOf, nearestPackageJson } from '../coverage/js-common.js';
import type { ConfigSource } from '../config-source.js';

/**
 * Vitest config files, found and loaded the way vitest does, for the coverage and the runner
 * readers: per directory `vitest.config.*` before `vite.config.*`, extensions .ts .mts .cts .js
 * .mjs .cjs (packages/vitest/src/constants.ts); workspace files `vitest.workspace.*` /
 * `vitest.projects.*` (also .json); `vitest/config` imports give the defaults of the vitest major
 * found in the nearest package.json.
 */
const CONFIG_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];
const WORKSPACE_EXTENSIONS = [...CONFIG_EXTENSIONS, '.json'];
export const VITEST_CONFIG_FILE = /^(?:vitest|vite)\.config\.[cm]?[jt]s$/;
export const VITEST_WORKSPACE_FILE = /^vitest\.(?:workspace|projects)\.(?:[cm]?[jt]s|json)$/;

/** Whether vitest's readers read `path`: a config or workspace file, or a package.json (for the version). */
export function readsVitestFile(path: string): boolean {
  const name = basename(path);
  return VITEST_CONFIG_FILE.test(name) || VITEST_WORKSPACE_FILE.test(name) || name === 'package.json';
}

/** Directories holding a vitest/vite config or a workspace file, in order. */
export function vitestConfigDirs(paths: readonly string[]): string[] {
  return [...new Set(paths.filter((path) => VITEST_CONFIG_FILE.test(basename(path)) || VITEST_WORKSPACE_FILE.test(basename(path))).map(dirname))].sort();
}

function firstIn(paths: ReadonlySet<string>, dir: string, bases: readonly string[], extensions: readonly string[]): string | null {
  const prefix = dir === '' ? '' : `${dir}/`;
  for (const base of bases) for (const extension of extensions) if (paths.has(prefix + base + extension)) return prefix + base + extension;
  return null;
}

/** The config file vitest uses in `dir` (`vitest.config.*`, else `vite.config.*`), if any. */
export function vitestConfigIn(paths: ReadonlySet<string>, dir: string): string | null {
  return firstIn(paths, dir, ['vitest.config', 'vite.config'], CONFIG_EXTENSIONS);
}

/** The workspace file in `dir` (`vitest.workspace.*`, else `vitest.projects.*`), if any. */
export function vitestWorkspaceIn(paths: ReadonlySet<string>, dir: string): string | null {
  return firstIn(paths, dir, ['vitest.workspace', 'vitest.projects'], WORKSPACE_EXTENSIONS);
}

/** A `vite.config.*`: it configures vitest only when it has a `test` section. */
export function isViteConfig(path: string): boolean {
  return basename(path).startsWith('vite.config.');
}

/** `defineConfig(() => ({…}))`: the object the function returns. */
export function unwrapFunction(value: ConfigValue): ConfigValue {
  return value.kind === 'function' ? value.returns : value;
}

export function hasTestSection(value: ConfigValue): boolean {
  return property(unwrapFunction(value), 'test').kind !== 'undefined';
}

/** The defaults of the vitest major of the package.json nearest to `path` (`assumed` when none is found). */
export function vitestDefaultsFor(source: ConfigSource, paths: ReadonlySet<string>, path: string): { defaults: VitestDefaults; assumed: boolean } {
  const packageJson = nearestPackageJson(source, path, paths);
  const range = packageJson ? dependencyRange(packageJson.value, 'vitest') : null;
  return vitestDefaults(range === null ? null : majorOf(range));
}

export interface VitestConfigFile {
  path: string;
  /** The evaluated default export (a function's return value is not unwrapped). */
  value: ConfigValue;
  defaults: VitestDefaults;
  /** No vitest version in package.json: the defaults are those of an assumed major. */
  assumedVersion: boolean;
}

/** Evaluates the config at `path`, with `vitest/config` imports resolved to the defaults of the major in use. */
export function loadVitestConfig(source: ConfigSource, paths: ReadonlySet<string>, path: string): VitestConfigFile {
  const { defaults, assumed } = vitestDefaultsFor(source, paths, path);
  const evaluator = createConfigEvaluator(source, { resolvePackage: (request) => vitestPackage(request, defaults) });
  return { path, value: evaluator.config(path), defaults, assumedVersion: assumed };
}

/** `configDefaults` / `coverageConfigDefaults` / `defaultExclude` / `defaultInclude` of vitest, per major. */
export function vitestPackage(request: PackageImport, defaults: VitestDefaults): ConfigValue | null {
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
