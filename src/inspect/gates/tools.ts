import type { ShellWord } from '../shell/model.js';

/**
 * The one table of gate tools: which command lines run a test, lint, typecheck, format, coverage,
 * build, e2e or gatehouse gate, and which of their flags matter when a gate is compared between
 * base and head. Decisions where tools differ are written next to their entries; the rule page
 * (`ci/script-weakened`) renders these tables from here.
 */

export type GateKind = 'test' | 'lint' | 'typecheck' | 'coverage' | 'build' | 'e2e' | 'format' | 'gatehouse';

/** A command classified: the tool, its gate kind, and the words after the program and subcommand. */
export interface Classified {
  tool: string;
  kind: GateKind;
  /** Words after the program (and its subcommand: `run`, `check`, `test`). */
  args: ShellWord[];
  /**
   * False for an invocation of a gate tool that cannot fail on what the tool checks: `prettier
   * --write`, `ruff format`, `black` without `--check`. Kept so that `--check` being dropped is
   * reported as such rather than as the gate disappearing.
   */
  gate: boolean;
}

interface Entry {
  tool: string;
  kind: GateKind;
  /** Required first argument (`go test`, `biome lint`); several are alternatives. */
  sub?: readonly string[];
  /** Words (one of them) that make the invocation a gate; without them it only rewrites files. */
  checkFlags?: readonly string[];
}

/**
 * Program base name → the entries it can be. Order matters for programs with subcommands: the
 * first entry whose `sub` matches wins; an entry without `sub` matches anything.
 */
const PROGRAMS = new Map<string, readonly Entry[]>([
  // Tests. `vitest` with or without `run`: a non-interactive (CI) run exits after one run, so `run` is not a gate flag.
  ['vitest', [{ tool: 'vitest', kind: 'typecheck', sub: ['typecheck'] }, { tool: 'vitest', kind: 'test', sub: ['run', 'watch', 'dev', 'related'] }, { tool: 'vitest', kind: 'test' }]],
  ['jest', [{ tool: 'jest', kind: 'test' }]],
  ['mocha', [{ tool: 'mocha', kind: 'test' }]],
  ['_mocha', [{ tool: 'mocha', kind: 'test' }]],
  ['ava', [{ tool: 'ava', kind: 'test' }]],
  ['tap', [{ tool: 'tap', kind: 'test' }]],
  ['tape', [{ tool: 'tape', kind: 'test' }]],
  ['uvu', [{ tool: 'uvu', kind: 'test' }]],
  ['jasmine', [{ tool: 'jasmine', kind: 'test' }]],
  ['karma', [{ tool: 'karma', kind: 'test', sub: ['start', 'run'] }]],
  ['pytest', [{ tool: 'pytest', kind: 'test' }]],
  ['py.test', [{ tool: 'pytest', kind: 'test' }]],
  ['tox', [{ tool: 'tox', kind: 'test' }]],
  ['nox', [{ tool: 'nox', kind: 'test' }]],
  ['go', [{ tool: 'go test', kind: 'test', sub: ['test'] }, { tool: 'go vet', kind: 'lint', sub: ['vet'] }, { tool: 'go build', kind: 'build', sub: ['build'] }]],
  ['cargo', [
    { tool: 'cargo test', kind: 'test', sub: ['test', 't'] },
    { tool: 'cargo nextest', kind: 'test', sub: ['nextest'] },
    { tool: 'cargo clippy', kind: 'lint', sub: ['clippy'] },
    { tool: 'cargo fmt', kind: 'format', sub: ['fmt'], checkFlags: ['--check'] },
    { tool: 'cargo check', kind: 'typecheck', sub: ['check', 'c'] },
    { tool: 'cargo build', kind: 'build', sub: ['build', 'b'] },
  ]],
  ['bun', [{ tool: 'bun test', kind: 'test', sub: ['test'] }]],
  ['deno', [{ tool: 'deno test', kind: 'test', sub: ['test'] }, { tool: 'deno lint', kind: 'lint', sub: ['lint'] }, { tool: 'deno check', kind: 'typecheck', sub: ['check'] }, { tool: 'deno fmt', kind: 'format', sub: ['fmt'], checkFlags: ['--check'] }]],
  ['playwright', [{ tool: 'playwright', kind: 'e2e', sub: ['test'] }]],
  ['cypress', [{ tool: 'cypress', kind: 'e2e', sub: ['run'] }]],
  // `node --test` is matched in `classify` (the flag, not a subcommand, makes it a test run).
  // Lint and format.
  ['eslint', [{ tool: 'eslint', kind: 'lint' }]],
  ['oxlint', [{ tool: 'oxlint', kind: 'lint' }]],
  ['biome', [
    { tool: 'biome', kind: 'lint', sub: ['lint', 'check', 'ci'] },
    // `biome format` without `--write` reports unformatted files and fails: it is a gate as written.
    { tool: 'biome format', kind: 'format', sub: ['format'] },
  ]],
  ['ruff', [
    { tool: 'ruff format', kind: 'format', sub: ['format'], checkFlags: ['--check', '--diff'] },
    { tool: 'ruff', kind: 'lint', sub: ['check'] },
  ]],
  ['flake8', [{ tool: 'flake8', kind: 'lint' }]],
  ['pylint', [{ tool: 'pylint', kind: 'lint' }]],
  ['stylelint', [{ tool: 'stylelint', kind: 'lint' }]],
  ['golangci-lint', [{ tool: 'golangci-lint', kind: 'lint', sub: ['run'] }]],
  ['shellcheck', [{ tool: 'shellcheck', kind: 'lint' }]],
  ['markdownlint', [{ tool: 'markdownlint', kind: 'lint' }]],
  ['markdownlint-cli2', [{ tool: 'markdownlint', kind: 'lint' }]],
  // lint-staged runs the linters and formatters its configuration maps to staged files (its config is not followed).
  ['lint-staged', [{ tool: 'lint-staged', kind: 'lint' }]],
  ['commitlint', [{ tool: 'commitlint', kind: 'lint' }]],
  ['pretty-quick', [{ tool: 'pretty-quick', kind: 'format' }]],
  ['prettier', [{ tool: 'prettier', kind: 'format', checkFlags: ['--check', '-c', '--list-different', '-l'] }]],
  ['black', [{ tool: 'black', kind: 'format', checkFlags: ['--check', '--diff'] }]],
  ['isort', [{ tool: 'isort', kind: 'format', checkFlags: ['--check', '--check-only', '-c', '--diff'] }]],
  ['dprint', [{ tool: 'dprint', kind: 'format', sub: ['check'] }]],
  // Typecheck. `tsc` counts as a typecheck in every form (`-b`, `-p tsconfig.build.json`, emitting or not): it fails on type errors.
  ['tsc', [{ tool: 'tsc', kind: 'typecheck' }]],
  ['vue-tsc', [{ tool: 'vue-tsc', kind: 'typecheck' }]],
  ['tsgo', [{ tool: 'tsgo', kind: 'typecheck' }]],
  ['svelte-check', [{ tool: 'svelte-check', kind: 'typecheck' }]],
  ['mypy', [{ tool: 'mypy', kind: 'typecheck' }]],
  ['dmypy', [{ tool: 'mypy', kind: 'typecheck', sub: ['run', 'check'] }]],
  ['pyright', [{ tool: 'pyright', kind: 'typecheck' }]],
  ['basedpyright', [{ tool: 'basedpyright', kind: 'typecheck' }]],
  ['astro', [{ tool: 'astro check', kind: 'typecheck', sub: ['check'] }, { tool: 'astro build', kind: 'build', sub: ['build'] }]],
  ['flow', [{ tool: 'flow', kind: 'typecheck', sub: ['check', 'status'] }]],
  // Coverage tools (as wrappers around a test command, or `report --check-coverage`).
  ['c8', [{ tool: 'c8', kind: 'coverage' }]],
  ['nyc', [{ tool: 'nyc', kind: 'coverage' }]],
  ['coverage', [{ tool: 'coverage', kind: 'coverage', sub: ['run', 'report'] }]],
  // Builds: a failing build fails CI, so a build is a gate; dropped or neutralised builds are reported.
  ['vite', [{ tool: 'vite build', kind: 'build', sub: ['build'] }]],
  ['next', [{ tool: 'next build', kind: 'build', sub: ['build'] }, { tool: 'next lint', kind: 'lint', sub: ['lint'] }]],
  ['nuxt', [{ tool: 'nuxt build', kind: 'build', sub: ['build'] }, { tool: 'nuxt typecheck', kind: 'typecheck', sub: ['typecheck'] }]],
  ['ng', [{ tool: 'ng build', kind: 'build', sub: ['build'] }, { tool: 'ng test', kind: 'test', sub: ['test'] }, { tool: 'ng lint', kind: 'lint', sub: ['lint'] }]],
  ['webpack', [{ tool: 'webpack', kind: 'build' }]],
  ['rollup', [{ tool: 'rollup', kind: 'build' }]],
  ['esbuild', [{ tool: 'esbuild', kind: 'build' }]],
  ['tsup', [{ tool: 'tsup', kind: 'build' }]],
  ['tsdown', [{ tool: 'tsdown', kind: 'build' }]],
  ['parcel', [{ tool: 'parcel build', kind: 'build', sub: ['build'] }]],
  ['react-scripts', [{ tool: 'react-scripts test', kind: 'test', sub: ['test'] }, { tool: 'react-scripts build', kind: 'build', sub: ['build'] }]],
  ['gatehouse', [{ tool: 'gatehouse', kind: 'gatehouse', sub: ['audit'] }]],
]);

/** Program names of the table: what launchers (`npx`, `pnpm exec`, `python -m`) may run. */
export const toolProgram = (name: string): string | null => (PROGRAMS.has(name) || name === 'node' ? name : null);

/** Coverage wrappers: they run another gate command after their own options. */
export const COVERAGE_WRAPPERS: ReadonlySet<string> = new Set(['c8', 'nyc', 'coverage']);

/** Classifies a command given its program (a key of the table) and the words after it. */
export function classify(program: string, args: readonly ShellWord[]): Classified | null {
  if (program === 'node') {
    // `node --test [files]`: the built-in test runner; any other node command is not a gate.
    const at = args.findIndex((word) => word.text === '--test');
    return at < 0 ? null : { tool: 'node --test', kind: 'test', args: args.filter((_, index) => index !== at), gate: true };
  }
  const entries = PROGRAMS.get(program);
  if (!entries) return null;
  // The subcommand is the first positional word (`vitest --reporter dot run`: `dot` is a value).
  const firstWord = parseArgs(entries[0]!.tool, args).positionals[0];
  const first = firstWord?.text;
  for (const entry of entries) {
    if (entry.sub && (first === undefined || !entry.sub.includes(first))) continue;
    const rest = entry.sub ? args.filter((word) => word !== firstWord) : [...args];
    const gate = entry.checkFlags === undefined || rest.some((word) => entry.checkFlags!.includes(word.text.split('=')[0]!));
    return { tool: entry.tool, kind: entry.kind, args: rest, gate };
  }
  // `ruff .` (before `ruff check` existed) and `ruff --fix`: the linter.
  if (program === 'ruff' && first !== 'format') return { tool: 'ruff', kind: 'lint', args: [...args], gate: true };
  return null;
}

/** The gate table as Markdown rows (kind → tools), for the rule's documentation. */
export function gateToolTable(): string {
  const byKind = new Map<GateKind, Set<string>>();
  for (const [program, entries] of PROGRAMS) {
    for (const entry of entries) {
      const words = [program, ...(entry.sub ? [entry.sub.join('/')] : []), ...(entry.checkFlags ? [entry.checkFlags[0]!] : [])];
      const set = byKind.get(entry.kind) ?? new Set<string>();
      set.add(`\`${words.join(' ')}\``);
      byKind.set(entry.kind, set);
    }
  }
  byKind.get('test')?.add('`node --test`');
  return ['| Kind | Commands |', '| --- | --- |', ...[...byKind].map(([kind, tools]) => `| ${kind} | ${[...tools].join(', ')} |`)].join('\n');
}

// ─── Flags ────────────────────────────────────────────────────────────────────────────────────

/**
 * Flags that take the next word as their value (`--reporter dot`) across the tools above. A word
 * after any other flag is a positional argument (a path or name filter). `--flag=value` needs no
 * entry. Tool-specific meanings of a short flag are listed by tool in `SHORT_VALUE_FLAGS`.
 */
const VALUE_FLAGS = new Set([
  '--config', '--reporter', '--reporters', '--project', '--selectProjects', '--max-warnings', '--format', '--output-file', '--outputFile', '--ext',
  '--cache-location', '--rule', '--plugin', '--parser', '--ignore-path', '--ignore-pattern', '--testNamePattern', '--grep', '--grep-invert', '--shard',
  '--workers', '--maxWorkers', '--testPathPattern', '--testPathPatterns', '--testPathIgnorePatterns', '--coverageReporters', '--dir', '--root', '--rootDir',
  '--deselect', '--ignore', '--ignore-glob', '--cov', '--cov-report', '--cov-fail-under', '--cov-config', '--junitxml', '--timeout', '--testTimeout', '--retries', '--retry',
  '--environment', '--pool', '--exclude', '--include', '--spec', '--browser', '--config-file', '--tsconfig', '--target', '--select', '--extend-select',
  '--output-format', '--python-version', '--rootdir', '--basetemp', '--tb', '--maxfail', '--reruns', '--seed', '--jobs', '--fail-under', '--max-line-length',
  '--extend-ignore', '--per-file-ignores', '--disable', '--enable', '--rcfile', '--mode', '--filter', '--skip', '--env', '--extension', '--require',
  '--file', '--package', '--features', '--module', '--outDir', '--declarationDir', '--lib', '--types', '--jsx', '--moduleResolution', '--threads',
  '--min-workers', '--max-workers', '--changedSince', '--coverageDirectory', '--reporter-options', '--temp-directory', '--report-dir', '--lines',
  '--functions', '--branches', '--statements', '--check-coverage-for', '-W',
  // eslint, prettier
  '--cache-strategy', '--resolve-plugins-relative-to', '--rulesdir', '--global', '--parser-options', '--report-unused-disable-directives-severity', '--concurrency',
  '--log-level', '--loglevel',
  // jest, vitest, playwright
  '--testEnvironment', '--testRunner', '--testSequencer', '--maxConcurrency', '--repeat-each', '--max-failures', '--output', '--trace', '--globalSetup',
  // tsc, mypy, ruff
  '--tsBuildInfoFile', '--locale', '--cache-dir', '--platform', '--follow-imports', '--target-version', '--line-length',
  // pytest
  '--durations', '--dist', '--confcutdir', '--import-mode', '--log-cli-level',
]);

/** Flags whose value is optional: the next word is their value only when it is a number (`--bail 1`, `--bail src/`). */
const NUMERIC_VALUE_FLAGS = new Set(['--bail', '-b']);

/** Short flags with a value, by tool (`-t` is a name filter with a value in jest and vitest, a boolean elsewhere). */
const SHORT_VALUE_FLAGS: Record<string, readonly string[]> = {
  vitest: ['-t', '-c', '-r'],
  jest: ['-t', '-c', '-w'],
  mocha: ['-g', '-f', '-R', '-r', '-t', '--ui'],
  pytest: ['-k', '-m', '-p', '-c', '-n', '-o', '-W'],
  playwright: ['-g', '-c', '-j'],
  cypress: ['-s', '-c', '-b', '-e', '-C', '-r', '-P'],
  eslint: ['-c', '-f', '-o'],
  tsc: ['-p'],
  'vue-tsc': ['-p'],
  mypy: ['-m', '-p', '-c'],
  'go test': ['-run', '-skip', '-count', '-timeout', '-p', '-tags', '-coverprofile', '-covermode', '-coverpkg'],
  'cargo test': ['-p', '--package', '--test', '--bin', '--features', '-j'],
  ruff: ['--config'],
  prettier: ['--config'],
  'node --test': ['--test-name-pattern', '--test-skip-pattern', '--test-reporter', '--test-reporter-destination', '--test-concurrency', '--test-shard'],
};

/** A command's arguments split into flags (name → values) and positional words. */
export interface ParsedArgs {
  flags: Map<string, string[]>;
  positionals: ShellWord[];
}

/** Splits arguments by the tool's value flags; everything after `--` is positional. */
export function parseArgs(tool: string, args: readonly ShellWord[]): ParsedArgs {
  const flags = new Map<string, string[]>();
  const positionals: ShellWord[] = [];
  const shortValues = new Set(SHORT_VALUE_FLAGS[tool] ?? []);
  const add = (name: string, value: string): void => {
    const list = flags.get(name) ?? [];
    list.push(value);
    flags.set(name, list);
  };
  for (let i = 0; i < args.length; i++) {
    const text = args[i]!.text;
    if (text === '--') {
      // `cargo clippy -- -D warnings`: what follows goes to another program; keep it as flags of this one.
      for (const word of args.slice(i + 1)) {
        if (word.text.startsWith('-')) add(word.text, '');
        else positionals.push(word);
      }
      break;
    }
    if (!text.startsWith('-') || text === '-') {
      positionals.push(args[i]!);
      continue;
    }
    const eq = text.indexOf('=');
    if (eq > 0) {
      add(text.slice(0, eq), text.slice(eq + 1));
      continue;
    }
    const takesValue = VALUE_FLAGS.has(text) || shortValues.has(text) || (NUMERIC_VALUE_FLAGS.has(text) && /^\d+$/.test(args[i + 1]?.text ?? ''));
    if (takesValue && i + 1 < args.length) {
      add(text, args[i + 1]!.text);
      i++;
    } else add(text, '');
  }
  return { flags, positionals };
}
