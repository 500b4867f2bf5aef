import { createConfigEvaluator, jsonValue, property, type ConfigEvaluator, type ConfigValue } from '../config-eval/index.js';
import { dirname, joinPath } from '../config-eval/paths.js';
import { basename } from '../coverage/js-common.js';
import type { ConfigSource } from '../config-source.js';

/**
 * Jest config files, found the way jest-config does, for the coverage and the runner readers:
 * per directory `jest.config.{js,ts,mjs,cjs,cts,json}` (jest-config constants.ts
 * JEST_CONFIG_EXT_ORDER), else `package.json#jest`.
 */
const JEST_CONFIG_EXTENSIONS = ['.js', '.ts', '.mjs', '.cjs', '.cts', '.json'];
export const JEST_CONFIG_FILE = /^jest\.config\.(?:[cm]?[jt]s|json)$/;

/** Whether jest's readers read `path`: a `jest.config.*` or a package.json. */
export function readsJestFile(path: string): boolean {
  const name = basename(path);
  return JEST_CONFIG_FILE.test(name) || name === 'package.json';
}

/** Directories holding a `jest.config.*` or a package.json, in order. */
export function jestConfigDirs(paths: readonly string[]): string[] {
  return [...new Set(paths.filter(readsJestFile).map(dirname))].sort();
}

export interface JestConfigFile {
  file: string;
  /** The directory of the file. */
  dir: string;
  /** `jest.config.js`, or `package.json#jest`. */
  label: string;
  value: ConfigValue;
}

/**
 * The value of a config file: JSON, the `jest` key of a package.json, or a module's evaluated
 * default export (a function's return value). `evaluator` lets a reader share one evaluator's
 * module cache across files.
 */
export function loadJestConfigFile(source: ConfigSource, file: string, evaluator?: ConfigEvaluator): ConfigValue {
  if (file.endsWith('.json')) {
    const text = source.read(file);
    if (text === null) return { kind: 'unresolved', file, line: 1, expression: file, reason: 'file not available' };
    const value = jsonValue(file, text);
    return file.endsWith('package.json') ? property(value, 'jest') : value;
  }
  const value = (evaluator ?? createConfigEvaluator(source)).config(file);
  return value.kind === 'function' ? value.returns : value;
}

/**
 * The config jest uses in `dir`: the first `jest.config.*`, else `package.json#jest` (an empty
 * config when the package has no `jest` key, unless `requireJestKey`), else null.
 */
export function jestConfigIn(source: ConfigSource, paths: ReadonlySet<string>, dir: string, requireJestKey: boolean, evaluator?: ConfigEvaluator): JestConfigFile | null {
  const prefix = dir === '' ? '' : `${dir}/`;
  for (const extension of JEST_CONFIG_EXTENSIONS) {
    const file = `${prefix}jest.config${extension}`;
    if (paths.has(file)) return { file, dir, label: file, value: loadJestConfigFile(source, file, evaluator) };
  }
  const packageJson = `${prefix}package.json`;
  if (!paths.has(packageJson)) return null;
  const text = source.read(packageJson);
  if (text === null) return null;
  const jest = property(jsonValue(packageJson, text), 'jest');
  if (jest.kind === 'undefined' && requireJestKey) return null;
  const value: ConfigValue = jest.kind === 'undefined' ? { kind: 'object', file: packageJson, line: 1, properties: new Map(), opaque: [] } : jest;
  return { file: packageJson, dir, label: `${packageJson}#jest`, value };
}

/** The repository-relative `rootDir` of a config in `dir` (a leading `<rootDir>/` dropped), `dir` by default. */
export function jestRootDir(value: ConfigValue, dir: string): string {
  const rootDir = property(value, 'rootDir');
  if (rootDir.kind !== 'string') return dir;
  if (rootDir.repoPath) return rootDir.value;
  return joinPath(dir, rootDir.value.replace(/^<rootDir>\/?/, '')) ?? dir;
}
