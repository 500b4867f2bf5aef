import { pathSet } from '../config-source.js';
import picomatch from 'picomatch';
import { createConfigEvaluator, property, type ConfigValue } from '../config-eval/index.js';
import { dirname, joinPath } from '../config-eval/paths.js';
import { JEST_CONFIG_FILE, jestConfigDirs, jestConfigIn, jestRootDir, readsJestFile } from '../tools/jest-config.js';
import { JEST_DEFAULT_COVERAGE_PATH_IGNORE } from './js-defaults.js';
import { basename, METRICS, originOf, readBoolean, readNumber, readPatterns, threshold, toUnresolved } from './js-common.js';
import { emptyCoverageFacts, type ConfigSource, type CoverageFacts, type CoverageReader, type Pattern, type Unresolved } from './model.js';

/**
 * Jest coverage, read the way jest resolves it (jestjs/jest, jest-config normalize.ts,
 * jest-transform shouldInstrument.ts, jest-reporters CoverageReporter.ts, 30.x):
 * - `collectCoverageFrom`, `coverageThreshold` and `collectCoverage` are global (GlobalConfig): read
 *   from the root config only, globs relative to the root `rootDir`, a leading `<rootDir>/` dropped,
 *   `!glob` negations (jest-util globsToMatcher, picomatch with `dot: true`). Without
 *   `collectCoverageFrom` only files the tests load are instrumented → `include: 'dynamic'`.
 * - `coveragePathIgnorePatterns` is per project: regexes tested against the absolute file path,
 *   `<rootDir>` replaced by the project's rootDir (default `['/node_modules/']`). Here the
 *   repository is `/`, so a pattern is to be tested against `'/' + repoRelativePath`.
 * - `projects`: globs (with `<rootDir>`) naming directories or config files, or inline objects.
 *   A project config is not a root of its own.
 * Config lookup per directory (`../tools/jest-config.ts`): jest.config.{js,ts,mjs,cjs,cts,json}
 * (jest-config constants.ts JEST_CONFIG_EXT_ORDER), else `package.json#jest`.
 */
export const jestReader: CoverageReader = {
  tool: 'jest',
  readsFile: readsJestFile,
  read: readJest,
};

interface JestConfig {
  /** Scope id base: `jest.config.js` or `package.json#jest`. */
  label: string;
  file: string;
  value: ConfigValue;
  /** Repository-relative rootDir. */
  rootDir: string;
}

function readJest(source: ConfigSource): CoverageFacts {
  const facts = emptyCoverageFacts();
  const paths = pathSet(source.paths);
  const evaluator = createConfigEvaluator(source);
  const dirs = jestConfigDirs(source.paths);
  const load = (dir: string, requireJestKey: boolean): JestConfig | null => {
    const found = jestConfigIn(source, paths, dir, requireJestKey, evaluator);
    return found && { label: found.label, file: found.file, value: found.value, rootDir: jestRootDir(found.value, dir) };
  };

  const roots: JestConfig[] = [];
  for (const dir of dirs) {
    const config = load(dir, true);
    if (config) roots.push(config);
  }

  // Configs reached through another config's `projects` are not roots.
  const projectsOf = new Map<JestConfig, { config: JestConfig; key: string }[]>();
  const referenced = new Set<string>();
  for (const root of roots) {
    const projects = property(root.value, 'projects');
    if (projects.kind !== 'array') continue;
    const list: { config: JestConfig; key: string }[] = [];
    projects.items.forEach((item, index) => {
      if (item.kind === 'object') {
        list.push({ config: { label: root.label, file: item.file, value: item, rootDir: jestRootDir(item, root.rootDir) }, key: `projects[${index}]` });
      } else if (item.kind === 'string') {
        const glob = joinPath(root.rootDir, item.value.replace(/^<rootDir>\/?/, ''));
        if (glob === null) return;
        const matches = picomatch(glob === '' ? '.' : glob, { dot: true });
        for (const dir of dirs) {
          if (dir === root.rootDir && glob !== dir) continue;
          if (!matches(dir === '' ? '.' : dir)) continue;
          const config = load(dir, false);
          if (config === null) continue;
          referenced.add(config.label);
          if (!list.some((entry) => entry.config.label === config.label)) list.push({ config, key: config.label });
        }
        for (const path of source.paths) {
          if (!JEST_CONFIG_FILE.test(basename(path)) || !matches(path)) continue;
          const config = load(dirname(path), false);
          if (config === null) continue;
          referenced.add(config.label);
          if (!list.some((entry) => entry.config.label === config.label)) list.push({ config, key: config.label });
        }
      } else if (item.kind === 'unresolved') {
        facts.unresolved.push(toUnresolved(item, `${root.label} projects[${index}]`));
      }
    });
    projectsOf.set(root, list);
  }

  for (const root of roots) {
    if (referenced.has(root.label)) continue;
    readRoot(root, projectsOf.get(root) ?? null, facts);
  }
  return facts;
}

function readRoot(root: JestConfig, projects: { config: JestConfig; key: string }[] | null, facts: CoverageFacts): void {
  if (root.value.kind === 'unresolved') {
    facts.unresolved.push(toUnresolved(root.value, 'config'));
    return;
  }
  const globalUnresolved: Unresolved[] = [];
  const written = readPatterns(property(root.value, 'collectCoverageFrom'), 'collectCoverageFrom', 'glob', globalUnresolved);
  const include: Pattern[] = [];
  const negated: Pattern[] = [];
  for (const pattern of written ?? []) {
    const stripped = pattern.pattern.replace(/^(!?)<rootDir>\//, '$1');
    if (stripped.startsWith('!')) negated.push({ ...pattern, pattern: stripped.slice(1) });
    else include.push({ ...pattern, pattern: stripped });
  }

  // Keyed by directory, so moving the config between jest.config.* and package.json#jest keeps the pairing.
  const rootId = `jest:${dirname(root.file) || '.'}`;
  const members = projects && projects.length > 0 ? projects : [{ config: root, key: '' }];
  for (const { config, key } of members) {
    const id = key === '' ? rootId : `${rootId}#${key.startsWith('projects[') ? key : dirname(config.file) || '.'}`;
    const unresolved: Unresolved[] = [...globalUnresolved];
    const preset = property(config.value, 'preset');
    if (preset.kind !== 'undefined') {
      // A preset may set coveragePathIgnorePatterns (and more); presets are packages, not followed.
      unresolved.push({ file: preset.file, line: preset.line, setting: 'preset', expression: preset.kind === 'string' ? preset.value : preset.kind, reason: 'preset not followed' });
    }
    const ignore = property(config.value, 'coveragePathIgnorePatterns');
    const ignorePatterns =
      readPatterns(ignore, 'coveragePathIgnorePatterns', 'regex', unresolved)?.map((pattern) => ({ ...pattern, pattern: pattern.pattern.replaceAll('<rootDir>', config.rootDir === '' ? '' : `/${config.rootDir}`) })) ??
      JEST_DEFAULT_COVERAGE_PATH_IGNORE.map((pattern): Pattern => ({ pattern, syntax: 'regex', origin: { default: 'jest coveragePathIgnorePatterns' } }));
    const section = property(config.value, 'coveragePathIgnorePatterns');
    facts.scopes.push({
      tool: 'jest',
      id,
      origin: originOf(section.kind === 'undefined' ? property(root.value, 'collectCoverageFrom').kind === 'undefined' ? config.value : property(root.value, 'collectCoverageFrom') : section),
      root: root.rootDir,
      include: written === null ? 'dynamic' : include,
      exclude: [...negated, ...ignorePatterns],
      extensions: null,
      dot: true,
      unresolved,
    });
  }

  const collect = property(root.value, 'collectCoverage');
  const collectUnresolved: Unresolved[] = [];
  const enforced = readBoolean(collect, 'collectCoverage', collectUnresolved);
  if (enforced !== null) facts.enforcement.push({ tool: 'jest', scopeId: rootId, enforced, origin: originOf(collect) });
  facts.unresolved.push(...collectUnresolved);

  const thresholds = property(root.value, 'coverageThreshold');
  if (thresholds.kind === 'unresolved') facts.unresolved.push(toUnresolved(thresholds, 'coverageThreshold'));
  if (thresholds.kind !== 'object') return;
  for (const opaque of thresholds.opaque) facts.unresolved.push(toUnresolved(opaque, 'coverageThreshold'));
  for (const [target, group] of thresholds.properties) {
    if (group.kind === 'unresolved') facts.unresolved.push(toUnresolved(group, `coverageThreshold['${target}']`));
    if (group.kind !== 'object') continue;
    for (const metric of METRICS) {
      const value = property(group, metric);
      const number = readNumber(value, `coverageThreshold['${target}'].${metric}`, facts.unresolved);
      if (number !== null) facts.thresholds.push(threshold('jest', rootId, target, metric, number, value));
    }
  }
}
