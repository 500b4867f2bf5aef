import type { GateWeakening, ScriptReading, ToolCommand } from './gate-commands.js';
import { parseArgs, type GateKind, type ParsedArgs } from './tools.js';

/**
 * Compares the gates of a base script with those of its head: gates are paired by (kind, tool),
 * then by argument similarity; each pair is checked for a lost failure path, non-failing flags,
 * narrowing filters and removed gate flags. Unpaired base gates are `removed`, or `neutralised`
 * when the head runs nothing but no-ops (`echo`, `true`, `exit 0`).
 */

/** Flags whose removal stops a command being the gate it was: flag (or `flag=value`) → what it did. */
export const GATE_FLAGS: readonly { flags: readonly string[]; tools?: readonly string[]; value?: string; kind?: GateKind; does: string }[] = [
  { flags: ['--coverage', '--coverage.enabled', '--collectCoverage', '--collect-coverage'], kind: 'coverage', does: 'measures and enforces coverage' },
  { flags: ['--cov'], tools: ['pytest'], kind: 'coverage', does: 'measures coverage (pytest-cov)' },
  { flags: ['--check-coverage'], tools: ['c8', 'nyc'], kind: 'coverage', does: 'fails the run below the coverage thresholds' },
  { flags: ['--all'], tools: ['c8', 'nyc'], kind: 'coverage', does: 'counts files no test loads' },
  { flags: ['--strict'], does: 'turns on the strict checks' },
  { flags: ['--strict-markers', '--strict-config'], tools: ['pytest'], does: 'fails on unknown markers or config keys' },
  { flags: ['--ci'], tools: ['jest'], does: 'fails on missing snapshots instead of writing them' },
  { flags: ['--forbid-only'], does: 'fails when a test is focused with `.only`' },
  { flags: ['--typecheck'], tools: ['vitest'], kind: 'typecheck', does: 'type-checks the test files' },
  { flags: ['--error-on-warnings', '--warnings-as-errors', '--fail-on-warnings'], does: 'fails on warnings' },
  { flags: ['-W'], value: 'error', does: 'turns warnings into errors' },
  { flags: ['-D'], value: 'warnings', does: 'denies warnings' },
  { flags: ['--noImplicitAny', '--strictNullChecks', '--noUncheckedIndexedAccess', '--exactOptionalPropertyTypes', '--noImplicitReturns', '--noUnusedLocals', '--noUnusedParameters', '--noFallthroughCasesInSwitch', '--noImplicitOverride'], tools: ['tsc', 'vue-tsc'], kind: 'typecheck', does: 'turns on a strict type check' },
  { flags: ['--disallow-untyped-defs', '--disallow-any-generics', '--warn-unused-ignores', '--check-untyped-defs', '--warn-return-any'], tools: ['mypy'], does: 'turns on a strict type check' },
];

/** Flags whose addition lets a failing gate pass. */
export const NON_FAILING_FLAGS: readonly { flags: readonly string[]; does: string }[] = [
  { flags: ['--passWithNoTests', '--pass-with-no-tests'], does: 'passes when no test is found' },
  { flags: ['--no-verify'], does: 'skips the verification' },
  { flags: ['--exit-zero'], does: 'exits 0 whatever it finds' },
  { flags: ['--no-error-on-unmatched-pattern'], does: 'passes when its patterns match no file' },
  { flags: ['--continue-on-error'], does: 'passes when a check fails' },
  { flags: ['--fix', '--write', '--apply'], does: 'fixes what it can instead of failing on it' },
  { flags: ['--ignore-missing-imports', '--no-strict-optional', '--allow-untyped-defs', '--allow-any-generics', '--skipLibCheck', '--skip-lib-check'], does: 'stops checking part of the code' },
];

/** Filters that select a subset: a new or changed value narrows the run. */
export const SELECT_FLAGS: readonly string[] = [
  '-t', '--testNamePattern', '--grep', '-g', '-k', '--testPathPattern', '--testPathPatterns', '--spec', '-run', '--filter', '--test-name-pattern',
  '--only-changed', '--changed', '-o', '--onlyChanged', '--lf', '--last-failed', '--findRelatedTests', '--related', '--shard', '--test-shard', '--changedSince', '--select',
];
/** Filters that leave things out: a value added narrows the run. */
export const EXCLUDE_FLAGS: readonly string[] = [
  '--exclude', '--extend-exclude', '--ignore', '--ignore-glob', '--deselect', '--grep-invert', '--testPathIgnorePatterns', '-skip', '--skip', '--test-skip-pattern',
  '--ignore-pattern', '--extend-ignore', '--disable', '-d',
];
/** Project selection (vitest, jest, playwright): fewer projects run fewer tests. */
const PROJECT_FLAGS = new Map([['--project', '--project'], ['--selectProjects', '--project']]);
/** `-m` is pytest's marker filter; `-d` pylint's disable; `-t` jest/vitest's name filter: short flags count only for those tools. */
const SHORT_FILTER_TOOLS: Record<string, readonly string[]> = {
  '-t': ['vitest', 'jest'],
  '-g': ['mocha', 'playwright'],
  '-k': ['pytest'],
  '-m': ['pytest'],
  '-o': ['jest'],
  '-d': ['pylint'],
  '-run': ['go test'],
  '-skip': ['go test'],
};

/**
 * Tools whose effective configuration another rule computes, command line included: what their
 * flags select, exclude or loosen is that rule's finding (`lint/scope-narrowed`,
 * `lint/rule-relaxed`, `types/strictness-lowered`, `types/scope-narrowed`), so it is not reported
 * twice. Failure paths (`|| true`, `set +e`), neutralised and removed gates, and non-failing
 * flags such as `--exit-zero` stay here.
 */
const CONFIG_RULE_TOOLS: Readonly<Record<string, GateKind>> = {
  eslint: 'lint', oxlint: 'lint', biome: 'lint', ruff: 'lint', flake8: 'lint',
  tsc: 'typecheck', 'vue-tsc': 'typecheck', tsgo: 'typecheck', mypy: 'typecheck', pyright: 'typecheck', basedpyright: 'typecheck',
};
/** Non-failing flags that loosen a type checker's configuration (reported by `types/strictness-lowered` for those tools). */
const TYPE_LOOSENING = new Set(['--ignore-missing-imports', '--no-strict-optional', '--allow-untyped-defs', '--allow-any-generics', '--skipLibCheck', '--skip-lib-check']);

const origin = (command: ToolCommand): { origin?: string } => (command.origin === undefined ? {} : { origin: command.origin });

const NO_OPS = new Set(['echo', 'true', ':', 'printf', 'exit']);
const code = (text: string): string => `\`${text}\``;

export function compareGates(base: ScriptReading, head: ScriptReading): GateWeakening[] {
  const baseGates = base.tools.filter((tool) => tool.gate);
  if (baseGates.length === 0) return [];
  if (head.errors.length > 0) {
    const error = head.errors[0]!;
    return [
      {
        how: 'removed',
        kind: baseGates[0]!.kind,
        tool: baseGates[0]!.tool,
        message: `The script cannot be parsed (${error.message}): whether it still runs ${baseGates.map((gate) => code(gate.text)).join(', ')} cannot be checked`,
        before: baseGates.map((gate) => gate.text).join('\n'),
        after: '(unparseable)',
        line: error.line,
        key: 'unparseable',
        via: error.via,
        unresolvable: true,
      },
    ];
  }
  const pairs = pair(baseGates, head.tools);
  const out: GateWeakening[] = [];
  const neutralised = head.tools.every((tool) => !tool.gate) && head.commands.every((command) => NO_OPS.has(command.words[0]?.text ?? '') && !(command.words[0]?.text === 'exit' && (command.words[1]?.text ?? '0') !== '0'));
  for (const gate of baseGates) {
    const counterpart = pairs.get(gate);
    if (counterpart) {
      out.push(...comparePair(gate, counterpart));
      continue;
    }
    const noOp = head.commands.find((command) => NO_OPS.has(command.words[0]?.text ?? ''));
    if (neutralised) {
      out.push({
        how: 'neutralised',
        kind: gate.kind,
        tool: gate.tool,
        message: `${code(gate.text)} (${gate.kind}) was replaced by ${noOp ? code(noOp.text) : 'nothing'}, which cannot fail`,
        before: gate.text,
        after: noOp?.text ?? '(empty)',
        line: noOp?.line ?? gate.line,
        key: `${gate.kind}:${gate.tool}:neutralised`,
        via: gate.via,
        ...origin(gate),
      });
    } else {
      out.push({ how: 'removed', kind: gate.kind, tool: gate.tool, message: `${code(gate.text)} (${gate.kind}) no longer runs`, before: gate.text, after: '(removed)', line: gate.line, key: `${gate.kind}:${gate.tool}:removed`, via: gate.via, ...origin(gate) });
    }
  }
  return out;
}

/**
 * Pairs base gates with head tool commands of the same tool and kind (head non-gate invocations
 * included, so `prettier --check` → `prettier --write` pairs and reports the dropped `--check`),
 * most similar arguments first.
 */
function pair(base: readonly ToolCommand[], head: readonly ToolCommand[]): Map<ToolCommand, ToolCommand> {
  const candidates: { b: ToolCommand; h: ToolCommand; score: number }[] = [];
  for (const b of base) for (const h of head) if (b.tool === h.tool && b.kind === h.kind) candidates.push({ b, h, score: similarity(b, h) });
  candidates.sort((x, y) => y.score - x.score);
  const result = new Map<ToolCommand, ToolCommand>();
  const used = new Set<ToolCommand>();
  for (const { b, h } of candidates) {
    if (result.has(b) || used.has(h)) continue;
    result.set(b, h);
    used.add(h);
  }
  return result;
}

function similarity(a: ToolCommand, b: ToolCommand): number {
  const x = new Set(a.args);
  const y = new Set(b.args);
  const common = [...x].filter((arg) => y.has(arg)).length;
  const union = new Set([...x, ...y]).size;
  // Gates still gating and in the same directory first; then argument overlap.
  return (b.gate ? 2 : 0) + (a.dir === b.dir ? 1 : 0) + (union === 0 ? 1 : common / union);
}

export function comparePair(base: ToolCommand, head: ToolCommand): GateWeakening[] {
  const out: GateWeakening[] = [];
  const weakening = (how: GateWeakening['how'], message: string, detail: string, kind: GateKind = base.kind): void => {
    out.push({ how, kind, tool: base.tool, message, before: base.text, after: head.text, line: head.line, key: `${kind}:${base.tool}:${how}${detail ? `:${detail}` : ''}`, via: head.via, ...origin(head) });
  };
  if (!head.gate) {
    weakening('flag-removed', `${code(head.text)} no longer checks anything (it was ${code(base.text)}): without its check flag ${base.tool} rewrites files and passes`, 'check');
    return out;
  }
  if (base.masked === null && head.masked !== null) weakening('non-failing', `${code(head.text)} made non-failing with ${head.masked.detail}`, '');
  const b = parseArgs(base.tool, base.args.map((text) => ({ text, line: 0 })));
  const h = parseArgs(head.tool, head.args.map((text) => ({ text, line: 0 })));
  const configRule = CONFIG_RULE_TOOLS[base.tool] === base.kind;
  for (const entry of GATE_FLAGS) {
    if (entry.tools && !entry.tools.includes(base.tool)) continue;
    if (configRule && base.kind === 'typecheck') continue;
    for (const flag of entry.flags) {
      const had = flagOn(b, flag, entry.value);
      if (had && !flagOn(h, flag, entry.value)) weakening('flag-removed', `${code(head.text)} lost ${code(entry.value ? `${flag} ${entry.value}` : flag)}, which ${entry.does}`, flag, entry.kind ?? base.kind);
    }
  }
  for (const entry of NON_FAILING_FLAGS) {
    for (const flag of entry.flags) {
      if (configRule && TYPE_LOOSENING.has(flag)) continue;
      if (!b.flags.has(flag) && h.flags.has(flag)) weakening('non-failing', `${code(head.text)} gained ${code(flag)}, which ${entry.does}`, flag);
    }
  }
  if (configRule) return out;
  maxWarnings(b, h, (message, detail) => { weakening(detail === 'removed' ? 'flag-removed' : 'non-failing', `${code(head.text)} ${message}`, `--max-warnings:${detail}`); });
  for (const flag of [...SELECT_FLAGS, ...EXCLUDE_FLAGS]) {
    if (SHORT_FILTER_TOOLS[flag] && !SHORT_FILTER_TOOLS[flag].includes(base.tool)) continue;
    const before = b.flags.get(flag) ?? [];
    const after = h.flags.get(flag) ?? [];
    const exclude = EXCLUDE_FLAGS.includes(flag);
    const added = after.filter((value) => !before.includes(value));
    if (added.length > 0 && (exclude || !sameSet(before, after))) {
      weakening('narrowed', `${code(head.text)} ${exclude ? 'leaves out' : 'runs only'} what ${code(`${flag}${added[0] ? ` ${added.join(' ')}` : ''}`)} ${exclude ? 'matches' : 'selects'}`, flag);
    }
  }
  if (base.kind === 'test' || base.kind === 'e2e') {
    const projects = (args: ParsedArgs): string[] => [...PROJECT_FLAGS].flatMap(([flag]) => args.flags.get(flag) ?? []);
    const before = projects(b);
    const after = projects(h);
    if (after.length > 0 && (before.length === 0 || before.some((project) => !after.includes(project)))) {
      weakening('narrowed', `${code(head.text)} runs only the project${after.length === 1 ? '' : 's'} ${after.map(code).join(', ')}${before.length > 0 ? ` (was ${before.map(code).join(', ')})` : ' (was every project)'}`, '--project');
    }
  }
  const lost = uncoveredPositionals(b.positionals.map((word) => word.text), h.positionals.map((word) => word.text));
  if (lost !== null) weakening('narrowed', `${code(head.text)} runs on ${h.positionals.map((word) => code(word.text)).join(', ')} only (${lost})`, 'paths');
  return out;
}

function flagOn(args: ParsedArgs, flag: string, value: string | undefined): boolean {
  const values = args.flags.get(flag);
  if (values === undefined) return false;
  if (value !== undefined) return values.includes(value);
  // `--coverage.enabled=false` is not on.
  return values.some((v) => v !== 'false');
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}

/** `--max-warnings N`: raised, or removed (then warnings never fail the run). */
function maxWarnings(b: ParsedArgs, h: ParsedArgs, report: (message: string, detail: string) => void): void {
  const before = b.flags.get('--max-warnings')?.at(-1);
  if (before === undefined) return;
  const after = h.flags.get('--max-warnings')?.at(-1);
  if (after === undefined) report(`lost \`--max-warnings ${before}\`: warnings no longer fail the run`, 'removed');
  else if (Number(after) > Number(before) || (Number(after) < 0 && Number(before) >= 0)) report(`raised \`--max-warnings\` from ${before} to ${after}`, 'raised');
}

/** Normalised path of a positional: `./src/` → `src`, `./...` → '', `src/**` → `src`. */
function normalisePath(path: string): string {
  return path
    .replace(/^\.\//, '')
    .replace(/(\/\.\.\.|\/\*\*(\/\*+(\.[\w{},]+)?)?|\/\*)$/, '')
    .replace(/\/+$/, '')
    .replace(/^\.(\.\.)?$/, '');
}

/**
 * Why the head positionals (paths or name filters) cover less than the base's, or null. No
 * positional means "everything the tool's configuration selects"; a head path covers a base one
 * when it is the same or an ancestor (`src` covers `src/cart`).
 */
function uncoveredPositionals(before: readonly string[], after: readonly string[]): string | null {
  if (after.length === 0) return null;
  const heads = after.map(normalisePath);
  if (heads.includes('')) return null;
  if (before.length === 0) return `was every file its configuration selects`;
  const missing = before.filter((path) => {
    const b = normalisePath(path);
    return !heads.some((h) => b === h || b.startsWith(`${h}/`));
  });
  return missing.length === 0 ? null : `no longer ${missing.map(code).join(', ')}`;
}
