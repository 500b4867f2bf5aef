import { unwrapLauncher } from '../commands/launchers.js';
import type { Word } from '../commands/shell.js';
import { isPackageJson, isWorkflow, numberedId, walkCommands, type CommandSite, type WalkOptions } from '../commands/walk.js';
import {
  emptyCoverageFacts,
  type ConfigSource,
  type CoverageFacts,
  type CoverageMetric,
  type CoverageReader,
  type CoverageScope,
  type CoverageTool,
  type Pattern,
  type Unresolved,
} from './model.js';
import { COVERAGE_PY_EXTENSIONS, resolveCoverageConfig } from './python/coverage-py.js';
import type { CoveragePySettings, PyList } from './python/settings.js';

/**
 * Coverage flags on command lines: `package.json` scripts and GitHub Actions `run:` steps.
 *
 * The commands come from the shared command walker (`../commands/`): scripts and steps split into
 * simple commands by its shell word splitter, launchers removed (`npx`, `pnpm exec`/`dlx`,
 * `pnpm <bin>`, `yarn <bin>`, `bunx`, `npm exec`, `cross-env`, `env`, `python -m`, `uv run`,
 * `poetry run`, `pipenv run`, `hatch run`, `node_modules/.bin/…`), `npm run X -- args` /
 * `pnpm X args` / `yarn X args` re-reading script X of the same package with the extra arguments
 * appended, `cd DIR` moving the root of later commands. A workflow scope's origin is its step's line.
 *
 * Then, per tool, the flags that change what is measured or enforced:
 * - vitest: `--coverage.include`, `--coverage.exclude` (repeatable, `=` or a separate word),
 *   `--coverage.thresholds.{lines,functions,branches,statements}`, `--coverage.thresholds.100`,
 *   `--coverage.thresholds.perFile`, `--coverage[.enabled]`.
 * - jest: `--collectCoverageFrom`, `--coveragePathIgnorePatterns` (an array: following words are
 *   consumed until the next option), `--coverageThreshold` (JSON), `--coverage`/`--collectCoverage`.
 * - nyc / c8: options before the wrapped command: `--include`/`-n`, `--exclude`/`-x`,
 *   `--check-coverage`, `--lines|--branches|--functions|--statements N`, `--per-file`, `--100`
 *   (c8), and the `check-coverage` sub-command; the wrapped command is read as well.
 * - pytest (pytest-cov): `--cov[=PATH]` (argparse `nargs='?'`: a following non-option word is the
 *   value), `--cov-fail-under`, `--cov-config`, `--cov-branch`, `--no-cov`; merged over the
 *   coverage.py config of the directory (flags replace config values, as `Coverage(**kwargs)`).
 * - coverage: `coverage run --source/--include/--omit/--branch/--rcfile … [-m module | prog]`,
 *   `coverage report|xml|html|json|lcov --fail-under/--include/--omit`.
 *
 * A scope or threshold is produced for an invocation only when it carries such flags. Scope ids:
 * `cli:<file>#scripts.<name>/<tool>` and `cli:<file>#jobs.<job>.steps[name=…|id=…|<index>]/<tool>`,
 * with `#2`, `#3` for a tool's later invocations in the same script or step. A CLI scope that
 * only narrows (exclude flags, no include flags) has `include: 'dynamic'`: the include comes from
 * the tool's config file, which the model cannot reference (see the report).
 */

// ─── Unwrapping ───────────────────────────────────────────────────────────────────────────────

const TOOLS = new Map([['vitest', 'vitest'], ['jest', 'jest'], ['nyc', 'nyc'], ['c8', 'c8'], ['pytest', 'pytest'], ['py.test', 'pytest'], ['coverage', 'coverage']]);

/** The tool's words (first word = tool name) once launchers are removed, or null. */
function unwrap(words: readonly Word[]): Word[] | null {
  const launched = unwrapLauncher(words, (name) => TOOLS.get(name) ?? null);
  return launched && [{ text: launched.tool, line: launched.line }, ...launched.words];
}

// ─── Flag reading ─────────────────────────────────────────────────────────────────────────────

/** A script or step, with the directory the command runs in. */
type Invocation = CommandSite;

interface Emitter {
  facts: CoverageFacts;
  counts: Map<string, number>;
  source: ConfigSource;
}

function scopeIdFor(emit: Emitter, at: Invocation, tool: string): string {
  return numberedId(emit.counts, `${at.id}/${tool}`);
}

/** `--name=value` / `--name value`: the value and the index of the next word. */
function optionValue(words: Word[], i: number, name: string): { value: string; line: number; next: number } | null {
  const word = words[i]!;
  if (word.text.startsWith(`${name}=`)) return { value: word.text.slice(name.length + 1), line: word.line, next: i + 1 };
  if (word.text === name && i + 1 < words.length) return { value: words[i + 1]!.text, line: words[i + 1]!.line, next: i + 2 };
  return null;
}

function booleanValue(words: Word[], i: number, name: string): { value: boolean; next: number } | null {
  const word = words[i]!;
  if (word.text === name) {
    const next = words[i + 1]?.text;
    if (next === 'true' || next === 'false') return { value: next === 'true', next: i + 2 };
    return { value: true, next: i + 1 };
  }
  if (word.text.startsWith(`${name}=`)) return { value: word.text.slice(name.length + 1) !== 'false', next: i + 1 };
  return null;
}

const METRICS: readonly CoverageMetric[] = ['lines', 'functions', 'branches', 'statements'];

function flagPattern(pattern: string, syntax: Pattern['syntax'], flag: string, file: string, line: number): Pattern {
  return { pattern, syntax, origin: { flag, file, line } };
}

function pushScope(emit: Emitter, at: Invocation, tool: CoverageTool, id: string, include: Pattern[], exclude: Pattern[], extensions: string[] | null, dot: boolean): void {
  if (include.length === 0 && exclude.length === 0) return;
  const unresolved = [...runtimePatterns(include, 'include', at), ...runtimePatterns(exclude, 'exclude', at)];
  const scope: CoverageScope = { tool, id, origin: { file: at.file, line: at.line }, root: at.dir, include: include.length > 0 ? include : 'dynamic', exclude, extensions, dot, unresolved };
  emit.facts.scopes.push(scope);
}

/** `${{ matrix.dir }}/**` or `$SRC/**` is only known when the job runs: the scope cannot be computed statically. */
const RUNTIME_VALUE = /\$\{\{|\$\{?[A-Za-z_]/;

function runtimePatterns(patterns: readonly Pattern[], kind: 'include' | 'exclude', at: Invocation): Unresolved[] {
  return patterns
    .filter((p) => RUNTIME_VALUE.test(p.pattern))
    .map((p) => ({
      file: at.file,
      line: 'line' in p.origin ? p.origin.line : at.line,
      setting: `coverage ${kind} flag`,
      expression: p.pattern.slice(0, 120),
      reason: p.pattern.includes('${{') ? 'GitHub Actions expression' : 'environment variable',
    }));
}

function readVitest(emit: Emitter, at: Invocation, words: Word[]): void {
  const id = scopeIdFor(emit, at, 'vitest');
  const include: Pattern[] = [];
  const exclude: Pattern[] = [];
  let perFile = false;
  const thresholds: { metric: CoverageMetric; value: number; line: number }[] = [];
  for (let i = 1; i < words.length; ) {
    const text = words[i]!.text;
    let v;
    if ((v = optionValue(words, i, '--coverage.include'))) {
      include.push(flagPattern(v.value, 'glob', '--coverage.include', at.file, v.line));
      i = v.next;
    } else if ((v = optionValue(words, i, '--coverage.exclude'))) {
      exclude.push(flagPattern(v.value, 'glob', '--coverage.exclude', at.file, v.line));
      i = v.next;
    } else if (text.startsWith('--coverage.thresholds.') && METRICS.some((m) => text.startsWith(`--coverage.thresholds.${m}`))) {
      const metric = METRICS.find((m) => text === `--coverage.thresholds.${m}` || text.startsWith(`--coverage.thresholds.${m}=`))!;
      v = optionValue(words, i, `--coverage.thresholds.${metric}`);
      if (!v) break;
      const value = Number(v.value);
      if (Number.isFinite(value)) thresholds.push({ metric, value, line: v.line });
      else emit.facts.unresolved.push({ file: at.file, line: v.line, setting: `--coverage.thresholds.${metric}`, expression: v.value.slice(0, 120), reason: 'not a number' });
      i = v.next;
    } else {
      const b = booleanValue(words, i, '--coverage.thresholds.100');
      if (b) {
        if (b.value) for (const metric of METRICS) thresholds.push({ metric, value: 100, line: words[i]!.line });
        i = b.next;
        continue;
      }
      const p = booleanValue(words, i, '--coverage.thresholds.perFile');
      if (p) {
        perFile = p.value;
        i = p.next;
        continue;
      }
      const e = booleanValue(words, i, '--coverage.enabled') ?? booleanValue(words, i, '--coverage');
      if (e) {
        emit.facts.enforcement.push({ tool: 'vitest', scopeId: id, enforced: e.value, origin: { file: at.file, line: words[i]!.line } });
        i = e.next;
        continue;
      }
      i++;
    }
  }
  pushScope(emit, at, 'vitest', id, include, exclude, null, false);
  for (const t of thresholds) emit.facts.thresholds.push({ tool: 'vitest', scopeId: id, target: perFile ? 'perFile' : 'global', metric: t.metric, value: t.value, origin: { file: at.file, line: t.line } });
}

function readJest(emit: Emitter, at: Invocation, words: Word[]): void {
  const id = scopeIdFor(emit, at, 'jest');
  const include: Pattern[] = [];
  const exclude: Pattern[] = [];
  for (let i = 1; i < words.length; ) {
    let v;
    if ((v = optionValue(words, i, '--collectCoverageFrom'))) {
      include.push(flagPattern(v.value, 'glob', '--collectCoverageFrom', at.file, v.line));
      i = v.next;
    } else if (words[i]!.text === '--coveragePathIgnorePatterns') {
      // yargs array: every following word up to the next option.
      i++;
      while (i < words.length && !words[i]!.text.startsWith('-')) {
        exclude.push(flagPattern(words[i]!.text, 'regex', '--coveragePathIgnorePatterns', at.file, words[i]!.line));
        i++;
      }
    } else if ((v = optionValue(words, i, '--coveragePathIgnorePatterns'))) {
      exclude.push(flagPattern(v.value, 'regex', '--coveragePathIgnorePatterns', at.file, v.line));
      i = v.next;
    } else if ((v = optionValue(words, i, '--coverageThreshold'))) {
      readJestThreshold(emit, at, id, v.value, v.line);
      i = v.next;
    } else {
      const e = booleanValue(words, i, '--coverage') ?? booleanValue(words, i, '--collectCoverage');
      if (e) {
        emit.facts.enforcement.push({ tool: 'jest', scopeId: id, enforced: e.value, origin: { file: at.file, line: words[i]!.line } });
        i = e.next;
      } else i++;
    }
  }
  pushScope(emit, at, 'jest', id, include, exclude, null, false);
}

function readJestThreshold(emit: Emitter, at: Invocation, id: string, json: string, line: number): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    emit.facts.unresolved.push({ file: at.file, line, setting: '--coverageThreshold', expression: json.slice(0, 120), reason: 'not JSON' });
    return;
  }
  if (typeof parsed !== 'object' || parsed === null) return;
  for (const [target, metrics] of Object.entries(parsed)) {
    if (typeof metrics !== 'object' || metrics === null) continue;
    for (const [metric, value] of Object.entries(metrics as Record<string, unknown>)) {
      if ((METRICS as readonly string[]).includes(metric) && typeof value === 'number') {
        emit.facts.thresholds.push({ tool: 'jest', scopeId: id, target, metric: metric as CoverageMetric, value, origin: { file: at.file, line } });
      }
    }
  }
}

const NYC_VALUE_OPTIONS = new Set([
  '--reporter', '-r', '--report-dir', '--temp-dir', '-t', '--extension', '-e', '--require', '-i', '--cwd', '--nycrc-path',
  '--config', '-c', '--src', '--watermarks', '--exclude-after-remap', '--reports-dir', '-o', '--exclude-node-modules', '--merge-async',
]);

function readIstanbulCli(emit: Emitter, at: Invocation, words: Word[], tool: 'nyc' | 'c8'): Word[] | null {
  const id = scopeIdFor(emit, at, tool);
  const include: Pattern[] = [];
  const exclude: Pattern[] = [];
  const thresholds: { metric: CoverageMetric; value: number; line: number }[] = [];
  let check: { value: boolean; line: number } | null = null;
  let perFile = false;
  let i = 1;
  for (; i < words.length; ) {
    const word = words[i]!;
    let v;
    if ((v = optionValue(words, i, '--include') ?? optionValue(words, i, '-n'))) {
      include.push(flagPattern(v.value, 'glob', '--include', at.file, v.line));
      i = v.next;
    } else if ((v = optionValue(words, i, '--exclude') ?? optionValue(words, i, '-x'))) {
      exclude.push(flagPattern(v.value, 'glob', '--exclude', at.file, v.line));
      i = v.next;
    } else if (METRICS.some((m) => word.text === `--${m}` || word.text.startsWith(`--${m}=`))) {
      const metric = METRICS.find((m) => word.text === `--${m}` || word.text.startsWith(`--${m}=`))!;
      v = optionValue(words, i, `--${metric}`)!;
      const value = Number(v.value);
      if (Number.isFinite(value)) thresholds.push({ metric, value, line: v.line });
      i = v.next;
    } else if (word.text === 'check-coverage' && check === null) {
      check = { value: true, line: word.line };
      i++;
    } else if (word.text === 'report' || word.text === 'merge' || word.text === 'instrument') {
      i++;
    } else if (word.text.startsWith('-')) {
      const b = booleanValue(words, i, '--check-coverage');
      const p = booleanValue(words, i, '--per-file');
      const all = tool === 'c8' ? booleanValue(words, i, '--100') : null;
      if (b) {
        check = { value: b.value, line: word.line };
        i = b.next;
      } else if (p) {
        perFile = p.value;
        i = p.next;
      } else if (all) {
        if (all.value) {
          check = { value: true, line: word.line };
          for (const metric of METRICS) thresholds.push({ metric, value: 100, line: word.line });
        }
        i = all.next;
      } else i += NYC_VALUE_OPTIONS.has(word.text) ? 2 : 1;
    } else break;
  }
  pushScope(emit, at, tool, id, include, exclude, null, false);
  for (const t of thresholds) emit.facts.thresholds.push({ tool, scopeId: id, target: perFile ? 'perFile' : 'global', metric: t.metric, value: t.value, origin: { file: at.file, line: t.line } });
  if (check) emit.facts.enforcement.push({ tool, scopeId: id, enforced: check.value, origin: { file: at.file, line: check.line } });
  return i < words.length ? words.slice(i) : null;
}

/** Overrides from coverage/pytest-cov flags, merged over the directory's coverage.py config. */
interface PythonOverrides {
  source?: PyList;
  include?: PyList;
  omit?: PyList;
  failUnder?: { value: number; line: number };
  rcfile?: string;
  disabled?: number;
  flagOf: Map<PyList, string>;
}

function pythonFacts(emit: Emitter, at: Invocation, id: string, o: PythonOverrides): void {
  const resolved = resolveCoverageConfig(emit.source, at.dir, o.rcfile);
  const config: CoveragePySettings | null = resolved.kind === 'settings' ? resolved.settings : null;
  if (resolved.kind === 'error') {
    emit.facts.unresolved.push({ file: resolved.file, line: resolved.line, setting: 'coverage.py config', expression: resolved.message.slice(0, 120), reason: 'coverage.py cannot read the file' });
  }
  const fromList = (list: PyList | undefined, syntax: Pattern['syntax'], file: string | null): Pattern[] =>
    (list?.items ?? []).map((item) => {
      const flag = o.flagOf.get(list!);
      return flag !== undefined ? flagPattern(item.text, syntax, flag, at.file, item.line) : { pattern: item.text, syntax, origin: { file: file ?? at.file, line: item.line } };
    });
  const cfg = config?.file ?? null;
  if (o.disabled !== undefined) {
    emit.facts.enforcement.push({ tool: 'coverage.py', scopeId: id, enforced: false, origin: { file: at.file, line: o.disabled } });
    return;
  }
  if (o.source || o.include || o.omit) {
    const source = o.source ? fromList(o.source, 'python-path', null) : [...fromList(config?.source, 'python-path', cfg), ...fromList(config?.sourcePkgs, 'python-path', cfg)];
    const include = o.include ? fromList(o.include, 'python-glob', null) : fromList(config?.runInclude, 'python-glob', cfg);
    const omit = o.omit ? fromList(o.omit, 'python-glob', null) : fromList(config?.runOmit, 'python-glob', cfg);
    emit.facts.scopes.push({
      tool: 'coverage.py',
      id,
      origin: { file: at.file, line: at.line },
      root: at.dir,
      include: source.length > 0 ? source : include.length > 0 ? include : 'dynamic',
      exclude: [...omit, ...fromList(config?.reportOmit, 'python-glob', cfg)],
      extensions: COVERAGE_PY_EXTENSIONS,
      dot: true,
      unresolved: config?.unresolved ?? [],
    });
  }
  if (o.failUnder) {
    const origin = { file: at.file, line: o.failUnder.line };
    emit.facts.thresholds.push({ tool: 'coverage.py', scopeId: id, target: 'global', metric: 'lines', value: o.failUnder.value, origin });
    emit.facts.enforcement.push({ tool: 'coverage.py', scopeId: id, enforced: o.failUnder.value > 0, origin });
  }
}

function pyList(value: string, line: number): PyList {
  return { line, items: value.split(',').map((text) => text.trim()).filter((text) => text !== '').map((text) => ({ text, line })) };
}

function setList(o: PythonOverrides, key: 'source' | 'include' | 'omit', flag: string, value: string, line: number): void {
  const list = pyList(value, line);
  const previous = o[key];
  // pytest-cov's --cov is repeatable (append); coverage's --source etc. are single values (last wins).
  if (flag === '--cov' && previous) previous.items.push(...list.items);
  else {
    o[key] = list;
    o.flagOf.set(list, flag);
  }
}

function failUnder(emit: Emitter, at: Invocation, flag: string, value: string, line: number): { value: number; line: number } | undefined {
  const number = Number(value);
  if (value.trim() !== '' && Number.isFinite(number)) return { value: number, line };
  emit.facts.unresolved.push({ file: at.file, line, setting: flag, expression: value.slice(0, 120), reason: /\$/.test(value) ? 'environment variable' : 'not a number' });
  return undefined;
}

/** pytest-cov flags of one pytest invocation (also used for `addopts`). */
function readPytest(emit: Emitter, at: Invocation, words: Word[], id = scopeIdFor(emit, at, 'pytest')): void {
  const o: PythonOverrides = { flagOf: new Map() };
  let any = false;
  for (let i = 1; i < words.length; ) {
    const word = words[i]!;
    let v;
    if (word.text === '--cov' || word.text.startsWith('--cov=')) {
      any = true;
      if (word.text.startsWith('--cov=')) {
        setList(o, 'source', '--cov', word.text.slice(6), word.line);
        i++;
      } else if (i + 1 < words.length && !words[i + 1]!.text.startsWith('-')) {
        setList(o, 'source', '--cov', words[i + 1]!.text, words[i + 1]!.line);
        i += 2;
      } else i++;
    } else if ((v = optionValue(words, i, '--cov-fail-under'))) {
      any = true;
      const parsed = failUnder(emit, at, '--cov-fail-under', v.value, v.line);
      if (parsed) o.failUnder = parsed;
      i = v.next;
    } else if ((v = optionValue(words, i, '--cov-config'))) {
      o.rcfile = v.value;
      i = v.next;
    } else if (word.text === '--no-cov') {
      o.disabled = word.line;
      i++;
    } else i++;
  }
  if (any || o.disabled !== undefined) pythonFacts(emit, at, id, o);
}

function readCoverageCommand(emit: Emitter, at: Invocation, words: Word[]): Word[] | null {
  const sub = words[1]?.text;
  if (sub === undefined) return null;
  const id = scopeIdFor(emit, at, `coverage-${sub}`);
  const o: PythonOverrides = { flagOf: new Map() };
  let i = 2;
  let rest: Word[] | null = null;
  for (; i < words.length; ) {
    const word = words[i]!;
    let v;
    if (sub === 'run' && (v = optionValue(words, i, '--source'))) {
      setList(o, 'source', '--source', v.value, v.line);
      i = v.next;
    } else if ((v = optionValue(words, i, '--include'))) {
      setList(o, 'include', '--include', v.value, v.line);
      i = v.next;
    } else if ((v = optionValue(words, i, '--omit'))) {
      setList(o, 'omit', '--omit', v.value, v.line);
      i = v.next;
    } else if (sub !== 'run' && (v = optionValue(words, i, '--fail-under'))) {
      const parsed = failUnder(emit, at, '--fail-under', v.value, v.line);
      if (parsed) o.failUnder = parsed;
      i = v.next;
    } else if ((v = optionValue(words, i, '--rcfile'))) {
      o.rcfile = v.value;
      i = v.next;
    } else if (sub === 'run' && word.text === '-m' && i + 1 < words.length) {
      rest = words.slice(i + 1);
      break;
    } else if (sub === 'run' && !word.text.startsWith('-')) {
      rest = words.slice(i);
      break;
    } else i++;
  }
  if (o.source || o.include || o.omit || o.failUnder) pythonFacts(emit, at, id, o);
  return rest;
}

function readCommand(emit: Emitter, at: Invocation, words: Word[], again: (words: Word[]) => void): void {
  const tool = unwrap(words);
  if (!tool) return;
  let rest: Word[] | null = null;
  switch (tool[0]!.text) {
    case 'vitest':
      readVitest(emit, at, tool);
      break;
    case 'jest':
      readJest(emit, at, tool);
      break;
    case 'nyc':
    case 'c8':
      rest = readIstanbulCli(emit, at, tool, tool[0]!.text);
      break;
    case 'pytest':
      readPytest(emit, at, tool);
      break;
    case 'coverage':
      rest = readCoverageCommand(emit, at, tool);
      break;
  }
  if (rest) {
    // `nyc mocha`, `c8 vitest run`, `coverage run -m pytest`: the wrapped command too.
    again(rest);
  }
}

/** `cd rel` from `dir` (an absolute path from the root, `..` stops at the root). */
function joinPath(dir: string, rel: string): string {
  const parts = rel.startsWith('/') ? [] : dir.split('/').filter((p) => p !== '');
  for (const part of rel.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

// ─── Files ────────────────────────────────────────────────────────────────────────────────────

const baseOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

export const cliFlagsReader = {
  // The facts carry each tool's own name; `tool` here names the reader's main output.
  tool: 'vitest',
  readsFile: (path: string) => isWorkflow(path) || isPackageJson(path) || ['.coveragerc', 'setup.cfg', 'tox.ini', 'pyproject.toml'].includes(baseOf(path)),
  read(source: ConfigSource): CoverageFacts {
    const emit: Emitter = { facts: emptyCoverageFacts(), counts: new Map(), source };
    const options: WalkOptions = {
      stepLine: 'step',
      resolveDir: joinPath,
      invalidWorkflow: (file, line, message) => {
        emit.facts.unresolved.push({ file, line, setting: 'workflow', expression: message.slice(0, 120), reason: 'invalid YAML' });
      },
    };
    walkCommands(source, options, (at, words, again) => { readCommand(emit, at, words, again); });
    return emit.facts;
  },
} satisfies CoverageReader;

/** For pytest-cov: reads pytest flags from a word list into facts (shared with `pytest-cov.ts`). */
export function pytestFlagFacts(source: ConfigSource, file: string, id: string, line: number, root: string, words: Word[]): CoverageFacts {
  const emit: Emitter = { facts: emptyCoverageFacts(), counts: new Map(), source };
  readPytest(emit, { file, id, line, dir: root }, [{ text: 'pytest', line }, ...words], id);
  return emit.facts;
}

export { splitShell, type Word } from '../commands/shell.js';
