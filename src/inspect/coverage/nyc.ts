import { pathSet } from '../config-source.js';
import { dirname } from '../config-eval/paths.js';
import { jsonValue, property, type ConfigValue } from '../config-eval/index.js';
import { istanbulScopeFacts, newEvaluator } from './js-istanbul.js';
import { basename } from './js-common.js';
import { emptyCoverageFacts, type ConfigSource, type CoverageFacts, type CoverageReader } from './model.js';

/**
 * nyc, loaded like @istanbuljs/load-nyc-config (index.js): `cwd` is the directory of the nearest
 * package.json; its `nyc` stanza is merged under the first of `.nycrc`, `.nycrc.json`,
 * `.nycrc.yml`, `.nycrc.yaml`, `nyc.config.js`, `nyc.config.cjs`, `nyc.config.mjs` found from
 * there upwards (the rc file wins key by key); each side's `extends` applied first. Defaults from
 * @istanbuljs/schema (nyc 15–18): `all: false` (only files the tests load → 'dynamic'),
 * `check-coverage: false`, default exclude and extension lists.
 */
const RC_FILES = ['.nycrc', '.nycrc.json', '.nycrc.yml', '.nycrc.yaml', 'nyc.config.js', 'nyc.config.cjs', 'nyc.config.mjs'];

export const nycReader: CoverageReader = {
  tool: 'nyc',
  readsFile: (path) => RC_FILES.includes(basename(path)) || basename(path) === 'package.json',
  read: readNyc,
};

function readNyc(source: ConfigSource): CoverageFacts {
  const facts = emptyCoverageFacts();
  const paths = pathSet(source.paths);
  const evaluator = newEvaluator(source);
  const cwds = new Set<string>();
  for (const path of source.paths) if (RC_FILES.includes(basename(path))) cwds.add(nearestPackageDir(dirname(path), paths));
  const packageConfigs = new Map<string, ConfigValue>();
  for (const path of source.paths) {
    if (basename(path) !== 'package.json') continue;
    const text = source.read(path);
    if (text === null) continue;
    const nyc = property(jsonValue(path, text), 'nyc');
    if (nyc.kind === 'undefined') continue;
    packageConfigs.set(dirname(path), nyc);
    cwds.add(dirname(path));
  }

  for (const cwd of [...cwds].sort()) {
    istanbulScopeFacts('nyc', cwd, packageConfigs.get(cwd) ?? null, findUp(cwd, RC_FILES, paths), { source, evaluator, paths }, facts);
  }
  return facts;
}

export function nearestPackageDir(dir: string, paths: ReadonlySet<string>): string {
  for (let current = dir; ; current = dirname(current)) {
    if (paths.has(current === '' ? 'package.json' : `${current}/package.json`)) return current;
    if (current === '') return dir;
  }
}

export function findUp(dir: string, names: readonly string[], paths: ReadonlySet<string>): string | null {
  for (let current = dir; ; current = dirname(current)) {
    for (const name of names) {
      const candidate = current === '' ? name : `${current}/${name}`;
      if (paths.has(candidate)) return candidate;
    }
    if (current === '') return null;
  }
}
