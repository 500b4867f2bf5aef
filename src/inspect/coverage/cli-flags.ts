import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node as YamlNode } from 'yaml';
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
import { COVERAGE_PY_EXTENSIONS, mergeFacts, resolveCoverageConfig } from './python/coverage-py.js';
import type { CoveragePySettings, PyList } from './python/settings.js';

/**
 * Coverage flags on command lines: `package.json` scripts and GitHub Actions `run:` steps.
 *
 * Each script / step is split into simple commands by a POSIX-shell word splitter (quotes,
 * backslash escapes and line continuations, `&&` `||` `;` `|` `&` and newlines, comments,
 * `VAR=value` prefixes); wrappers are removed (`npx`, `pnpm exec`/`dlx`, `pnpm <bin>`, `yarn <bin>`,
 * `bunx`, `npm exec`, `cross-env`, `env`, `python -m`, `uv run`, `poetry run`, `pipenv run`,
 * `hatch run`, `node_modules/.bin/…`); `npm run X -- args` / `pnpm X args` / `yarn X args`
 * re-read script X of the same package with the extra arguments appended; `cd DIR` moves the
 * root of later commands.
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

// ─── Shell words ──────────────────────────────────────────────────────────────────────────────

export interface Word {
  text: string;
  line: number;
}

/** Simple commands of a shell script: words with their 1-based line (`firstLine` is the script's first line). */
export function splitShell(script: string, firstLine = 1): Word[][] {
  const commands: Word[][] = [];
  let words: Word[] = [];
  let line = firstLine;
  let current: string | null = null;
  let currentLine = line;
  const endWord = (): void => {
    if (current !== null) words.push({ text: current, line: currentLine });
    current = null;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  const inWord = (): boolean => current !== null;
  const add = (text: string): void => {
    if (current === null) {
      current = '';
      currentLine = line;
    }
    current += text;
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (c === '\\') {
      const next = script[i + 1];
      if (next === '\n') {
        line++;
        i++;
        continue;
      }
      if (next !== undefined) add(next);
      i++;
      continue;
    }
    if (c === "'") {
      add('');
      const end = script.indexOf("'", i + 1);
      const body = script.slice(i + 1, end < 0 ? script.length : end);
      add(body);
      line += body.split('\n').length - 1;
      i = end < 0 ? script.length : end;
      continue;
    }
    if (c === '"') {
      add('');
      let j = i + 1;
      for (; j < script.length && script[j] !== '"'; j++) {
        const d = script[j]!;
        if (d === '\\' && '"\\$`\n'.includes(script[j + 1] ?? '')) {
          if (script[j + 1] !== '\n') add(script[j + 1]!);
          else line++;
          j++;
        } else {
          if (d === '\n') line++;
          add(d);
        }
      }
      i = j;
      continue;
    }
    if (c === '$' && script[i + 1] === '(') {
      // Command substitution: kept as text of the word (its commands are not read).
      let depth = 0;
      let j = i + 1;
      for (; j < script.length; j++) {
        if (script[j] === '(') depth++;
        else if (script[j] === ')' && --depth === 0) break;
        else if (script[j] === '\n') line++;
      }
      add(script.slice(i, j + 1));
      i = j;
      continue;
    }
    if (c === '#' && !inWord()) {
      while (i + 1 < script.length && script[i + 1] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      endCommand();
      line++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      continue;
    }
    if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
      endCommand();
      if ((c === '&' || c === '|') && script[i + 1] === c) i++;
      continue;
    }
    add(c);
  }
  endCommand();
  return commands;
}

// ─── Unwrapping ───────────────────────────────────────────────────────────────────────────────

const TOOLS = new Set(['vitest', 'jest', 'nyc', 'c8', 'pytest', 'py.test', 'coverage']);
const NPX_VALUE_FLAGS = new Set(['-p', '--package', '-c', '--call', '--node-options']);

/** Drops env assignments and launchers; returns the tool's words (first word = tool name) or null. */
function unwrap(words: Word[]): Word[] | null {
  let rest = words;
  for (let guard = 0; guard < 10 && rest.length > 0; guard++) {
    while (rest.length > 0 && /^[A-Za-z_]\w*=/.test(rest[0]!.text)) rest = rest.slice(1);
    if (rest.length === 0) return null;
    const head = rest[0]!.text;
    const name = head.slice(head.lastIndexOf('/') + 1);
    const second = rest[1]?.text;
    if (TOOLS.has(name)) return [{ text: name === 'py.test' ? 'pytest' : name, line: rest[0]!.line }, ...rest.slice(1)];
    if (name === 'npx' || name === 'bunx' || name === 'pnpx') {
      let i = 1;
      while (i < rest.length && rest[i]!.text.startsWith('-')) i += NPX_VALUE_FLAGS.has(rest[i]!.text) ? 2 : 1;
      rest = rest.slice(i);
      continue;
    }
    if ((name === 'pnpm' || name === 'yarn' || name === 'npm' || name === 'bun') && (second === 'exec' || second === 'dlx' || second === 'x')) {
      rest = rest.slice(2);
      if (rest[0]?.text === '--') rest = rest.slice(1);
      continue;
    }
    if ((name === 'pnpm' || name === 'yarn') && second !== undefined && TOOLS.has(second)) {
      rest = rest.slice(1);
      continue;
    }
    if (name === 'cross-env' || name === 'env' || name === 'time' || name === 'exec') {
      rest = rest.slice(1);
      continue;
    }
    if (/^python(\d(\.\d+)?)?$/.test(name) && second === '-m') {
      rest = rest.slice(2);
      continue;
    }
    if ((name === 'uv' || name === 'poetry' || name === 'pipenv' || name === 'hatch' || name === 'pdm' || name === 'rye') && second === 'run') {
      let i = 2;
      while (i < rest.length && rest[i]!.text.startsWith('-')) i++;
      rest = rest.slice(i);
      continue;
    }
    return null;
  }
  return null;
}

/** `npm run X -- a b`, `pnpm [run] X a b`, `yarn [run] X a b`: the script name and extra words. */
function scriptCall(words: Word[]): { name: string; extra: Word[] } | null {
  let rest = words;
  while (rest.length > 0 && /^[A-Za-z_]\w*=/.test(rest[0]!.text)) rest = rest.slice(1);
  const head = rest[0]?.text;
  if (head !== 'npm' && head !== 'pnpm' && head !== 'yarn' && head !== 'bun') return null;
  let i = 1;
  if (rest[i]?.text === 'run' || rest[i]?.text === 'run-script') i++;
  else if (head === 'npm' && rest[i]?.text !== 'test' && rest[i]?.text !== 't') return null;
  while (i < rest.length && rest[i]!.text.startsWith('-')) i++;
  const name = rest[i]?.text;
  if (name === undefined) return null;
  let extra = rest.slice(i + 1);
  if (extra[0]?.text === '--') extra = extra.slice(1);
  else if (head === 'npm') extra = [];
  return { name: name === 't' ? 'test' : name, extra };
}

// ─── Flag reading ─────────────────────────────────────────────────────────────────────────────

interface Invocation {
  /** The file of the script or workflow. */
  file: string;
  /** Base scope id: `cli:<file>#scripts.test`. */
  id: string;
  /** Line of the script / step (origin of the scope). */
  line: number;
  /** Directory the command runs in. */
  root: string;
}

interface Emitter {
  facts: CoverageFacts;
  counts: Map<string, number>;
  source: ConfigSource;
}

function scopeIdFor(emit: Emitter, at: Invocation, tool: string): string {
  const key = `${at.id}/${tool}`;
  const n = (emit.counts.get(key) ?? 0) + 1;
  emit.counts.set(key, n);
  return n === 1 ? key : `${key}#${n}`;
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
  const scope: CoverageScope = { tool, id, origin: { file: at.file, line: at.line }, root: at.root, include: include.length > 0 ? include : 'dynamic', exclude, extensions, dot, unresolved };
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
  const resolved = resolveCoverageConfig(emit.source, at.root, o.rcfile);
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
      root: at.root,
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

function readCommand(emit: Emitter, at: Invocation, words: Word[], depth: number, scripts: ScriptLookup): void {
  if (depth > 5) return;
  const call = scriptCall(words);
  if (call && call.extra.length > 0) {
    const script = scripts(at.root, call.name);
    if (script !== null) {
      for (const command of splitShell(script)) readCommand(emit, at, [...command.map((w) => ({ text: w.text, line: at.line })), ...call.extra], depth + 1, scripts);
      return;
    }
  }
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
    readCommand(emit, at, rest, depth + 1, scripts);
  }
}

/** The text of script `name` of the package.json in `dir` (or null). */
type ScriptLookup = (dir: string, name: string) => string | null;

function readScript(emit: Emitter, at: Invocation, script: string, firstLine: number, scripts: ScriptLookup): void {
  let root = at.root;
  for (const words of splitShell(script, firstLine)) {
    if (words[0]?.text === 'cd' && words[1] !== undefined) {
      root = joinPath(root, words[1].text);
      continue;
    }
    readCommand(emit, { ...at, root }, words, 0, scripts);
  }
}

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

const dirOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const baseOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const isWorkflow = (path: string): boolean => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path);
const isPackageJson = (path: string): boolean => baseOf(path) === 'package.json' && !path.split('/').includes('node_modules');

interface PackageScripts {
  scripts: Map<string, { text: string; line: number }>;
}

function readPackageScripts(text: string): PackageScripts | null {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  const scripts = doc.contents.get('scripts', true);
  const result = new Map<string, { text: string; line: number }>();
  if (isMap(scripts)) {
    for (const pair of scripts.items) {
      if (isScalar(pair.key) && isScalar(pair.value) && typeof pair.value.value === 'string') {
        result.set(String(pair.key.value), { text: pair.value.value, line: counter.linePos(pair.value.range?.[0] ?? 0).line });
      }
    }
  }
  return { scripts: result };
}

function scalarText(node: unknown): string | null {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : null;
}

function runStartLine(node: YamlNode, counter: LineCounter): number {
  const line = counter.linePos(node.range?.[0] ?? 0).line;
  const block = isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
  return block ? line + 1 : line;
}

function readWorkflow(emit: Emitter, file: string, text: string, scripts: ScriptLookup): void {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  if (doc.errors.length > 0) {
    emit.facts.unresolved.push({ file, line: doc.errors[0]!.linePos?.[0].line ?? 1, setting: 'workflow', expression: doc.errors[0]!.message.split('\n')[0]!.slice(0, 120), reason: 'invalid YAML' });
    return;
  }
  if (!isMap(doc.contents)) return;
  const defaultsDir = (map: unknown): string | null => {
    if (!isMap(map)) return null;
    const defaults = map.get('defaults', true);
    const run = isMap(defaults) ? defaults.get('run', true) : undefined;
    return isMap(run) ? scalarText(run.get('working-directory', true)) : null;
  };
  const workflowDir = defaultsDir(doc.contents) ?? '';
  const jobs = doc.contents.get('jobs', true);
  if (!isMap(jobs)) return;
  for (const jobPair of jobs.items) {
    const job = jobPair.value;
    const jobName = scalarText(jobPair.key);
    if (!isMap(job) || jobName === null) continue;
    const jobDir = defaultsDir(job) ?? workflowDir;
    const steps = job.get('steps', true);
    if (!isSeq(steps)) continue;
    steps.items.forEach((step, index) => {
      if (!isMap(step)) return;
      const run = step.get('run', true);
      const script = scalarText(run);
      if (script === null || !run) return;
      const name = scalarText(step.get('name', true));
      const stepId = scalarText(step.get('id', true));
      const selector = name !== null ? `name=${name}` : stepId !== null ? `id=${stepId}` : String(index);
      const dir = scalarText(step.get('working-directory', true)) ?? jobDir;
      const line = counter.linePos(step.range?.[0] ?? 0).line;
      const at: Invocation = { file, id: `cli:${file}#jobs.${jobName}.steps[${selector}]`, line, root: joinPath('', dir.replace(/^\.\/?/, '')) };
      readScript(emit, at, script, runStartLine(run as YamlNode, counter), scripts);
    });
  }
}

export const cliFlagsReader = {
  // The facts carry each tool's own name; `tool` here names the reader's main output.
  tool: 'vitest',
  readsFile: (path: string) => isWorkflow(path) || isPackageJson(path) || ['.coveragerc', 'setup.cfg', 'tox.ini', 'pyproject.toml'].includes(baseOf(path)),
  read(source: ConfigSource): CoverageFacts {
    const emit: Emitter = { facts: emptyCoverageFacts(), counts: new Map(), source };
    const packages = new Map<string, PackageScripts | null>();
    const pkg = (dir: string): PackageScripts | null => {
      if (!packages.has(dir)) {
        const text = source.read(dir === '' ? 'package.json' : `${dir}/package.json`);
        packages.set(dir, text === null ? null : readPackageScripts(text));
      }
      return packages.get(dir)!;
    };
    const scripts: ScriptLookup = (dir, name) => pkg(dir)?.scripts.get(name)?.text ?? null;
    for (const path of [...source.paths].sort()) {
      if (isPackageJson(path)) {
        const dir = dirOf(path);
        const found = pkg(dir);
        if (!found) continue;
        for (const [name, script] of found.scripts) {
          readScript(emit, { file: path, id: `cli:${path}#scripts.${name}`, line: script.line, root: dir }, script.text, script.line, scripts);
        }
      } else if (isWorkflow(path)) {
        const text = source.read(path);
        if (text !== null) readWorkflow(emit, path, text, scripts);
      }
    }
    return emit.facts;
  },
} satisfies CoverageReader;

/** For pytest-cov: reads pytest flags from a word list into facts (shared with `pytest-cov.ts`). */
export function pytestFlagFacts(source: ConfigSource, file: string, id: string, line: number, root: string, words: Word[]): CoverageFacts {
  const emit: Emitter = { facts: emptyCoverageFacts(), counts: new Map(), source };
  readPytest(emit, { file, id, line, root }, [{ text: 'pytest', line }, ...words], id);
  return emit.facts;
}

export { mergeFacts };
