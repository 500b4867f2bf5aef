import { joinPath } from '../config-eval/paths.js';
import { unwrapLauncher } from '../commands/launchers.js';
import type { Masking, ShellCommand, ShellWord } from '../shell/model.js';
import { parseShell } from '../shell/parse.js';
import { compareGates } from './compare.js';
import { packageRun, type PackageRun } from './package-runs.js';
import { classify, COVERAGE_WRAPPERS, toolProgram, type GateKind } from './tools.js';

/**
 * The gate commands a script runs — directly, or through the `package.json` scripts it calls,
 * followed transitively — and how the gates of a base script are weakened in a head script.
 *
 * Shared contract with the workflow rules (`ci/workflow-*`): the first block of exports below is
 * the agreed API; later fields and exports are additions.
 */

export type { GateKind } from './tools.js';
export { loadShellParser } from '../shell/parse.js';

/** Where a script runs and how `npm run X` / `pnpm X` / `yarn X` resolve. */
export interface ScriptScope {
  /** Directory the script runs in, '' = repository root. */
  dir: string;
  /** The `scripts` of the package.json in a directory (text by name), or null when there is none. */
  packageScripts(dir: string): ReadonlyMap<string, string> | null;
  /**
   * Directories of the workspace packages below a directory (for `pnpm -r test`, `turbo run
   * test`, `npm run test -ws`). Optional: without it a recursive run is kept as one gate named
   * after the script (`pnpm -r test` → test gate `workspaces:test`).
   */
  workspaceDirs?(dir: string): readonly string[];
}

export interface ScriptInput {
  script: string;
  /** 1-based line of the script's first line in its file */
  firstLine: number;
  scope: ScriptScope;
  /**
   * How the script's own shell starts (package scripts the script calls always run under
   * `sh -c`): `errexit` for husky hooks (`sh -e`) and workflow steps (`bash -e`), `pipefail` for
   * workflow steps with `shell: bash`. Default: neither (`sh -c`, as npm runs scripts).
   */
  errexit?: boolean;
  pipefail?: boolean;
}

/** A command of a script that runs a gate, directly or through package scripts (followed transitively). */
export interface GateCommand {
  kind: GateKind;
  tool: string;
  /** the command as written, normalised whitespace */
  text: string;
  line: number;
  /** The words after the program and subcommand (`vitest run --coverage src` → `--coverage`, `src`). */
  args: readonly string[];
  /** Null when the command's failure fails the script; otherwise why it cannot (`|| true`, `set +e`…). */
  masked: Masking | null;
  /** The package scripts followed to reach the command, outermost first (empty: the script itself). */
  via: readonly ScriptRef[];
  /** Directory the command runs in. */
  dir: string;
}

export interface ScriptRef {
  dir: string;
  name: string;
}

export interface GateWeakening {
  how: 'neutralised' | 'non-failing' | 'narrowed' | 'flag-removed' | 'removed';
  kind: GateKind;
  tool: string;
  /** One sentence a person can act on, e.g. "`vitest run` made non-failing with `|| true`". */
  message: string;
  before: string;
  after: string;
  /** Line in the head script (or the base script for 'removed'). */
  line: number;
  /** Line-independent identity, e.g. "test:vitest:non-failing". */
  key: string;
  /** The package scripts followed to the weakened command (head side; base side for 'removed'). */
  via: readonly ScriptRef[];
  /**
   * Set when the head script could not be read (a shell syntax error): the comparison could not
   * be made, which is to be reported as unresolvable, not as a weakening.
   */
  unresolvable?: true;
  /** The `origin` of the weakened command, when the reading was combined from several scripts. */
  origin?: string;
}

/** How many levels of `npm run` are followed (a script calling itself stops here too). */
const MAX_DEPTH = 8;

/** A tool invocation found in a script: a gate, or a gate tool run so that it cannot fail (`prettier --write`). */
export interface ToolCommand extends GateCommand {
  /** False for `prettier --write`, `ruff format`, `black .`: the tool runs but checks nothing. */
  gate: boolean;
  /** Set by callers that combine several scripts into one reading (the hooks of a git hook): which one. */
  origin?: string;
}

/** Everything read from a script: tool invocations, the other commands, and syntax errors. */
export interface ScriptReading {
  tools: ToolCommand[];
  /** Every simple command run, package script calls replaced by the scripts' commands: for "is it only `echo`?". */
  commands: ShellCommand[];
  /** Syntax errors of the script or of a script it calls. */
  errors: { line: number; message: string; via: readonly ScriptRef[] }[];
}

export function gateCommands(input: ScriptInput): GateCommand[] {
  return readScript(input)
    .tools.filter((tool) => tool.gate)
    .map((tool): GateCommand => ({ kind: tool.kind, tool: tool.tool, text: tool.text, line: tool.line, args: tool.args, masked: tool.masked, via: tool.via, dir: tool.dir }));
}

/** How the gates a base script ran are weakened in the head script (empty when equal or stronger). */
export function compareGateScripts(base: ScriptInput, head: ScriptInput): GateWeakening[] {
  return compareGates(readScript(base), readScript(head));
}

interface Frame {
  dir: string;
  via: readonly ScriptRef[];
  /** The calling command's line in the input script (commands of called scripts carry it). */
  line: number | null;
  /** Why the calling command's failure cannot fail the input script. */
  masked: Masking | null;
  depth: number;
}

/** Reads a script and the package scripts it calls. Throws when the shell parser is not loaded. */
export function readScript(input: ScriptInput): ScriptReading {
  const reading: ScriptReading = { tools: [], commands: [], errors: [] };
  const { scope } = input;
  const readText = (text: string, firstLine: number, frame: Frame, shell: { errexit: boolean; pipefail: boolean }): void => {
    const parsed = parseShell(text, { firstLine, ...shell });
    if (parsed.error) reading.errors.push({ ...parsed.error, via: frame.via });
    let dir = frame.dir;
    for (const command of parsed.commands) {
      const words = command.words;
      const line = frame.line ?? command.line;
      const masked = frame.masked ?? command.masked;
      if (words[0]?.text === 'cd' && !command.substituted) {
        dir = words[1] === undefined ? '' : (joinPath(dir, words[1].text) ?? dir);
        continue;
      }
      const here: Frame = { ...frame, dir, line, masked };
      const inline = shellString(words);
      if (inline) {
        // `sh -c "vitest run || true"`: the string is a script of its own, run where the command runs.
        if (frame.depth < MAX_DEPTH) readText(inline.script, line, { ...here, depth: frame.depth + 1 }, { errexit: inline.errexit, pipefail: false });
        continue;
      }
      const run = packageRun([...command.env, ...words]);
      if (run && followRun(run, here, command)) continue;
      // Script calls and `sh -c` are not commands of their own here: their scripts' commands are.
      reading.commands.push(command);
      readTool(command, here);
    }
  };
  /** Follows a script call; false when nothing was found to follow (then the words may name a binary). */
  const followRun = (run: PackageRun, frame: Frame, command: ShellCommand): boolean => {
    if (frame.depth >= MAX_DEPTH) return true;
    let found = false;
    const dirs = targetDirs(run, frame.dir);
    for (const name of run.names) {
      for (const dir of dirs ?? []) {
        const scripts = scope.packageScripts(dir);
        const matching = name.endsWith(':*') ? [...(scripts?.keys() ?? [])].filter((key) => key.startsWith(name.slice(0, -1))) : [name];
        for (const key of matching) {
          const script = scripts?.get(key);
          if (script === undefined) continue;
          found = true;
          if (frame.via.some((ref) => ref.dir === dir && ref.name === key)) continue;
          const text = run.extra.length > 0 ? `${script} ${run.extra.map((word) => quote(word.text)).join(' ')}` : script;
          readText(text, 1, { dir, via: [...frame.via, { dir, name: key }], line: frame.line ?? command.line, masked: frame.masked ?? command.masked, depth: frame.depth + 1 }, { errexit: false, pipefail: false });
        }
      }
      if (dirs === null) {
        // A recursive run with no workspace list: the run itself stands for the gate of that name.
        const kind = gateKindOfScriptName(name);
        if (kind !== null) {
          found = true;
          reading.tools.push({ kind, tool: `workspaces:${name}`, text: command.text, line: frame.line ?? command.line, args: [], masked: frame.masked ?? command.masked, via: frame.via, dir: frame.dir, gate: true });
        }
      }
    }
    for (const word of run.commands) readText(word.text, 1, { ...frame, line: frame.line ?? command.line, masked: frame.masked ?? command.masked, depth: frame.depth + 1 }, { errexit: false, pipefail: false });
    if (run.commands.length > 0) found = true;
    return found || !run.mayBeBinary;
  };
  const targetDirs = (run: PackageRun, dir: string): readonly string[] | null => {
    switch (run.target.kind) {
      case 'here':
        return [dir];
      case 'dir': {
        const joined = joinPath(dir, run.target.dir);
        return joined === null ? [] : [joined];
      }
      case 'workspaces':
        return scope.workspaceDirs ? scope.workspaceDirs(dir) : null;
    }
  };
  const readTool = (command: ShellCommand, frame: Frame): void => {
    const words = [...command.env, ...command.words];
    const found = unwrapLauncher(words, toolProgram);
    if (!found) return;
    const emit = (program: string, args: readonly ShellWord[], text: string): void => {
      const classified = classify(program, args);
      if (!classified) return;
      reading.tools.push({
        kind: classified.kind,
        tool: classified.tool,
        text,
        line: frame.line ?? command.line,
        args: classified.args.map((word) => word.text),
        masked: frame.masked,
        via: frame.via,
        dir: frame.dir,
        gate: classified.gate,
      });
    };
    if (COVERAGE_WRAPPERS.has(found.tool)) {
      // `c8 --check-coverage vitest run`: a coverage gate (c8's own options) around the test gate.
      const at = found.words.findIndex((word, index) => {
        const program = toolProgram(baseName(word.text));
        return program !== null && !COVERAGE_WRAPPERS.has(program) && !(index === 0 && found.tool === 'coverage');
      });
      const ownEnd = at < 0 ? found.words.length : found.words[at - 1]?.text === '-m' ? at - 1 : at;
      const own = found.words.slice(0, ownEnd);
      const inner = at < 0 ? null : unwrapLauncher(found.words.slice(at), toolProgram);
      emit(found.tool, own, command.text);
      if (inner) emit(inner.tool, inner.words, command.text);
      return;
    }
    emit(found.tool, found.words, command.text);
  };
  readText(input.script, input.firstLine, { dir: scope.dir, via: [], line: null, masked: null, depth: 0 }, { errexit: input.errexit ?? false, pipefail: input.pipefail ?? false });
  return reading;
}

const baseName = (word: string): string => word.slice(word.lastIndexOf('/') + 1);

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh']);

/** `bash -c 'script'`, `sh -ec 'script'`: the script string, and whether `-e` is on. */
function shellString(words: readonly ShellWord[]): { script: string; errexit: boolean } | null {
  if (!SHELLS.has(baseName(words[0]?.text ?? ''))) return null;
  let errexit = false;
  for (let i = 1; i < words.length; i++) {
    const text = words[i]!.text;
    if (!/^-[a-zA-Z]+$/.test(text)) return null;
    if (text.includes('e')) errexit = true;
    if (text.includes('c')) return words[i + 1] ? { script: words[i + 1]!.text, errexit } : null;
  }
  return null;
}

/** Quotes a word for re-reading by the shell (extra words of `npm run X -- words`). */
function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Script names that are gates by name (`test`, `lint`, `typecheck`, `check`, `ci`, `verify`,
 * `validate`, and `test:*`, `lint:*`, `typecheck:*`, `check:*`, with their `pre`/`post` scripts),
 * with the kind their name says.
 * `check`, `ci`, `verify` and `validate` usually run several gates; their kind is `test`.
 */
export function gateKindOfScriptName(name: string): GateKind | null {
  // npm (and yarn 1) run `pretest`/`posttest` around `npm test`: they are part of the gate.
  const lifecycle = /^(pre|post)(.+)$/.exec(name);
  if (lifecycle && gateKindOfScriptName(lifecycle[2]!) !== null) return gateKindOfScriptName(lifecycle[2]!);
  const head = name.split(':')[0]!;
  if (head === 'test' || head === 'tests' || head === 'e2e') return head === 'e2e' ? 'e2e' : 'test';
  if (head === 'lint') return 'lint';
  if (head === 'typecheck' || head === 'type-check' || head === 'types' || head === 'tsc') return 'typecheck';
  if (head === 'format' && name !== 'format') return 'format';
  if (['check', 'ci', 'verify', 'validate'].includes(head)) return 'test';
  return null;
}
