import { pathSet } from '../config-source.js';
import { dirname } from '../config-eval/paths.js';
import { jsonValue, property, type ConfigValue } from '../config-eval/index.js';
import { istanbulScopeFacts, newEvaluator } from './js-istanbul.js';
import { basename, dependencyRange } from './js-common.js';
import { findUp, nearestPackageDir } from './nyc.js';
import { emptyCoverageFacts, type ConfigSource, type CoverageFacts, type CoverageReader } from './model.js';

/**
 * c8, loaded like bcoe/c8 lib/parse-args.js (11.0.0): the config file is the first of `.c8rc`,
 * `.c8rc.json`, `.nycrc`, `.nycrc.json` found upwards (JSON only; YAML rc files are not read by c8),
 * with `extends` applied; `package.json#c8` underneath it (yargs pkgConf). Same test-exclude
 * semantics and schema defaults as nyc; `--100` means check-coverage with every metric at 100
 * (lib/commands/check-coverage.js). A `.nycrc` counts for c8 only when the package depends on c8.
 */
const RC_FILES = ['.c8rc', '.c8rc.json', '.nycrc', '.nycrc.json'];

export const c8Reader: CoverageReader = {
  tool: 'c8',
  readsFile: (path) => RC_FILES.includes(basename(path)) || basename(path) === 'package.json',
  read: readC8,
};

function readC8(source: ConfigSource): CoverageFacts {
  const facts = emptyCoverageFacts();
  const paths = pathSet(source.paths);
  const evaluator = newEvaluator(source);
  const cwds = new Map<string, ConfigValue | null>();
  for (const path of source.paths) {
    if (basename(path) !== 'package.json') continue;
    const text = source.read(path);
    if (text === null) continue;
    const pkg = jsonValue(path, text);
    const c8 = property(pkg, 'c8');
    const dir = dirname(path);
    if (c8.kind !== 'undefined') cwds.set(dir, c8);
    else if (dependencyRange(pkg, 'c8') !== null && findUp(dir, RC_FILES, paths) !== null) cwds.set(dir, null);
  }
  for (const path of source.paths) {
    const name = basename(path);
    if (name !== '.c8rc' && name !== '.c8rc.json') continue;
    const dir = nearestPackageDir(dirname(path), paths);
    if (!cwds.has(dir)) cwds.set(dir, null);
  }

  for (const [cwd, fromPackage] of [...cwds].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    istanbulScopeFacts('c8', cwd, fromPackage, findUp(cwd, RC_FILES, paths), { source, evaluator, paths }, facts);
  }
  return facts;
}
