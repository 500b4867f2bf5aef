import {
  emptyCoverageFacts,
  mergeCoverageFacts,
  type ConfigSource,
  type CoverageFacts,
  type CoverageReader,
  type CoverageScope,
  type Pattern,
} from '../model.js';
import { COVERAGE_FILES, CoverageConfigError, readCoverageSettings, type CoveragePySettings, type PyList } from './settings.js';

/**
 * coverage.py configuration → CoverageFacts. One scope per directory holding a coverage config
 * (coverage.py reads its config from the directory it runs in), id `coverage.py:<dir>` (`.` for
 * the root), so moving settings from `.coveragerc` to `pyproject.toml` keeps the id.
 *
 * - include: `source` + `source_pkgs` (`python-path`) when set — `[run] include` is then ignored,
 *   as coverage.py does (with a warning); else `[run] include` (`python-glob`); else `dynamic`
 *   (coverage.py measures every executed file outside the standard library).
 * - exclude: `[run] omit` + `[report] omit` (`python-glob`): omit at either stage removes files.
 * - `[report] include` narrows what is reported AFTER measurement (an intersection the scope
 *   model cannot express): it becomes a second scope `coverage.py:<dir>#report` whose include is
 *   those patterns.
 * - `fail_under` is on the TOTAL percentage (statements, plus branches when `branch = true`):
 *   a Threshold `lines` / `global`. With `branch = true` the same value is also a `branches`
 *   threshold whose origin is the `branch` line, so turning branch measurement off reads as a
 *   removed threshold. `fail_under` > 0 is Enforcement true; `fail_under = 0` is false.
 * - `exclude_lines` (which REPLACES coverage.py's defaults, `# pragma: no cover` included) and
 *   `exclude_also` (added to them) → excludedLinePatterns.
 * - A file coverage.py could not read (bad INI/TOML, a non-list omit) → `unresolved` for the whole
 *   config, and nothing else from that directory, since coverage.py would stop with an error.
 */

export const COVERAGE_PY_EXTENSIONS = ['.py', '.pyw'];

function dirOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}

function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function coverageScopeId(dir: string): string {
  return `coverage.py:${dir === '' ? '.' : dir}`;
}

function toPatterns(file: string, list: PyList | undefined, syntax: Pattern['syntax']): Pattern[] {
  return (list?.items ?? []).map((item) => ({ pattern: item.text, syntax, origin: { file, line: item.line } }));
}

export type ResolvedConfig =
  | { kind: 'none' }
  | { kind: 'settings'; settings: CoveragePySettings }
  | { kind: 'error'; file: string; line: number; message: string };

/**
 * The config coverage.py uses when run in `dir`: the first used file of `rcfile` (default
 * `.coveragerc`), `setup.cfg`, `tox.ini`, `pyproject.toml` (coverage/config.py
 * `config_files_to_try` + `read_coverage_config`). An explicit `rcfile` that is missing is an
 * error, as in coverage.py.
 */
export function resolveCoverageConfig(source: ConfigSource, dir: string, rcfile?: string): ResolvedConfig {
  const join = (name: string): string => (dir === '' ? name : `${dir}/${name}`);
  const specified = rcfile !== undefined && rcfile !== '.coveragerc';
  const tries: [string, boolean, boolean][] = [
    [specified ? normalizeRel(join(rcfile)) : join('.coveragerc'), true, specified],
    [join('setup.cfg'), false, false],
    [join('tox.ini'), false, false],
    [join('pyproject.toml'), false, false],
  ];
  for (const [file, ourFile, explicit] of tries) {
    const text = source.read(file);
    if (text === null) {
      if (explicit) return { kind: 'error', file, line: 1, message: `coverage config file ${file} does not exist` };
      continue;
    }
    try {
      const settings = readCoverageSettings(file, text, ourFile);
      if (settings) return { kind: 'settings', settings };
    } catch (error) {
      if (error instanceof CoverageConfigError) return { kind: 'error', file, line: error.line, message: error.message };
      throw error;
    }
  }
  return { kind: 'none' };
}

function normalizeRel(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** Facts of one resolved coverage.py config, for the scope `scopeId` rooted at `dir`. */
export function coveragePyFacts(settings: CoveragePySettings, dir: string, scopeId: string): CoverageFacts {
  const facts = emptyCoverageFacts();
  const file = settings.file;
  const sources = [...toPatterns(file, settings.source, 'python-path'), ...toPatterns(file, settings.sourcePkgs, 'python-path')];
  const runInclude = toPatterns(file, settings.runInclude, 'python-glob');
  const scope: CoverageScope = {
    tool: 'coverage.py',
    id: scopeId,
    origin: { file, line: settings.line },
    root: dir,
    include: sources.length > 0 ? sources : runInclude.length > 0 ? runInclude : 'dynamic',
    exclude: [...toPatterns(file, settings.runOmit, 'python-glob'), ...toPatterns(file, settings.reportOmit, 'python-glob')],
    extensions: COVERAGE_PY_EXTENSIONS,
    dot: true,
    unresolved: settings.unresolved.filter((u) => u.setting !== 'report.fail_under'),
  };
  facts.scopes.push(scope);
  const reportInclude = toPatterns(file, settings.reportInclude, 'python-glob');
  if (reportInclude.length > 0) {
    facts.scopes.push({ ...scope, id: `${scopeId}#report`, origin: { file, line: settings.reportInclude!.line }, include: reportInclude, exclude: [], unresolved: [] });
  }
  facts.unresolved.push(...settings.unresolved.filter((u) => u.setting === 'report.fail_under'));
  const failUnder = settings.failUnder;
  if (failUnder && Number.isFinite(failUnder.value)) {
    const origin = { file, line: failUnder.line };
    facts.thresholds.push({ tool: 'coverage.py', scopeId, target: 'global', metric: 'lines', value: failUnder.value, origin });
    if (settings.branch?.value === true) {
      facts.thresholds.push({ tool: 'coverage.py', scopeId, target: 'global', metric: 'branches', value: failUnder.value, origin: { file, line: settings.branch.line } });
    }
    facts.enforcement.push({ tool: 'coverage.py', scopeId, enforced: failUnder.value > 0, origin });
  }
  for (const list of [settings.excludeLines, settings.excludeAlso]) {
    for (const item of list?.items ?? []) facts.excludedLinePatterns.push({ tool: 'coverage.py', pattern: item.text, origin: { file, line: item.line } });
  }
  return facts;
}

const FILES = new Set<string>(COVERAGE_FILES);

export const coveragePyReader = {
  tool: 'coverage.py',
  readsFile: (path: string) => FILES.has(baseOf(path)),
  read(source: ConfigSource): CoverageFacts {
    const facts = emptyCoverageFacts();
    const dirs = [...new Set(source.paths.filter((path) => FILES.has(baseOf(path))).map(dirOf))].sort();
    for (const dir of dirs) {
      const resolved = resolveCoverageConfig(source, dir);
      if (resolved.kind === 'none') continue;
      if (resolved.kind === 'error') {
        facts.unresolved.push({ file: resolved.file, line: resolved.line, setting: 'coverage.py config', expression: resolved.message.slice(0, 120), reason: 'coverage.py cannot read the file' });
        continue;
      }
      mergeCoverageFacts(facts, coveragePyFacts(resolved.settings, dir, coverageScopeId(dir)));
    }
    return facts;
  },
} satisfies CoverageReader;
