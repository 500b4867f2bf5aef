import { createRequire } from 'node:module';
import type { Node, Parser } from 'web-tree-sitter';
import type { Masking, ShellCommand, ShellOptions, ShellScript, ShellWord } from './model.js';

/**
 * Shell scripts parsed with tree-sitter-bash into the model of `model.ts`.
 *
 * The parser is WebAssembly and loads asynchronously, once (`loadShellParser`); parsing is then
 * synchronous, so config readers that run synchronously inside `readWithSource` can use it.
 */

let parser: Parser | null = null;
let loading: Promise<void> | null = null;

/**
 * Loads web-tree-sitter and tree-sitter-bash once (memoised; a failed load is retried on the next
 * call). The import is dynamic so that an audit that never reads a script never loads the WASM.
 */
export function loadShellParser(): Promise<void> {
  loading ??= (async () => {
    const { Parser: ParserClass, Language } = await import('web-tree-sitter');
    await ParserClass.init();
    const language = await Language.load(createRequire(import.meta.url).resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
    const created = new ParserClass();
    created.setLanguage(language);
    parser = created;
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** Whether `loadShellParser()` has completed. */
export function shellParserLoaded(): boolean {
  return parser !== null;
}

/**
 * Parses a script into its simple commands, and decides for each whether its failure can fail the
 * script. Throws a plain `Error` when the parser is not loaded: a programming error.
 */
export function parseShell(script: string, options: ShellOptions = {}): ShellScript {
  if (parser === null) throw new Error('shell parser used before loadShellParser() completed');
  const key = `${options.firstLine ?? 1}\0${options.errexit === true ? 1 : 0}${options.pipefail === true ? 1 : 0}\0${script}`;
  const cached = memo.get(key);
  if (cached) return cached;
  // The config readers re-walk every script on each load round and per reader: parse each text once.
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const parsed = parseUncached(parser, script, options);
  memo.set(key, parsed);
  return parsed;
}

/** Parsed scripts by options and text. Results are shared: callers must not mutate them. */
const memo = new Map<string, ShellScript>();
const MEMO_LIMIT = 20_000;

function parseUncached(parser: Parser, script: string, options: ShellOptions): ShellScript {
  const tree = parser.parse(script);
  if (tree === null) throw new Error('tree-sitter returned no tree for a shell script');
  const firstLine = options.firstLine ?? 1;
  try {
    if (tree.rootNode.hasError) {
      const bad = firstError(tree.rootNode);
      const line = firstLine + (bad?.startPosition.row ?? 0);
      return { commands: [], error: { line, message: `shell syntax error at line ${line}${bad ? `: ${clipText(bad.text)}` : ''}` } };
    }
    const reader = new Reader(firstLine, { errexit: options.errexit ?? false, pipefail: options.pipefail ?? false }, options.errexit ?? false);
    reader.sequence(statementsOf(tree.rootNode), { value: true, why: null, exempt: false, exitFails: true });
    return { commands: reader.commands, error: null };
  } finally {
    tree.delete();
  }
}

function firstError(node: Node): Node | null {
  if (node.type === 'ERROR' || node.isMissing) return node;
  for (const child of node.children) {
    if (child.hasError || child.isMissing || child.type === 'ERROR') {
      const found = firstError(child);
      if (found) return found;
    }
  }
  return null;
}

const clipText = (text: string): string => {
  const line = text.split('\n')[0]!.trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
};

/** Where a statement's exit status goes. */
interface Context {
  /** The status becomes the script's status (it is the last command, or feeds one that is). */
  value: boolean;
  /** Why `value` is false, for the message. */
  why: Masking | null;
  /** `set -e` does not apply here: the left of `&&`/`||`, a condition, a negated command. */
  exempt: boolean;
  /** Whether `exit N` (N ≠ 0) here fails the script: always at top level; in a subshell, when the subshell's status counts. */
  exitFails: boolean;
}

interface State {
  errexit: boolean;
  pipefail: boolean;
}

/** Statement nodes of a program, body or group: named children except comments, with `&` noted. */
interface Statement {
  node: Node;
  background: boolean;
}

function statementsOf(node: Node, skip: (child: Node) => boolean = () => false): Statement[] {
  const result: Statement[] = [];
  for (const child of node.children) {
    if (child.type === '&' && result.length > 0) result[result.length - 1]!.background = true;
    if (!child.isNamed || child.type === 'comment' || skip(child)) continue;
    result.push({ node: child, background: false });
  }
  return result;
}

/** The command name and literal arguments of a plain command node, or null. */
function plainWords(node: Node): string[] | null {
  if (node.type !== 'command') return null;
  const name = node.childForFieldName('name');
  if (!name) return null;
  return [unquote(name.text), ...node.children.filter((child) => child.isNamed && child.id !== name.id && !isAssignment(child) && !isRedirect(child)).map((child) => unquote(child.text))];
}

const isAssignment = (node: Node): boolean => node.type === 'variable_assignment';
const isRedirect = (node: Node): boolean => node.type.endsWith('_redirect');

/** `exit`, `exit $?`: the script ends with the status of the command before. */
function passesStatus(node: Node): boolean {
  const words = plainWords(node);
  return words !== null && words[0] === 'exit' && (words.length === 1 || words[1] === '$?');
}

/** `exit N` with a literal N, or null. */
function exitCode(node: Node): number | null {
  const words = plainWords(node);
  if (words === null || words[0] !== 'exit') return null;
  if (words.length === 1 || words[1] === '$?') return null;
  const code = Number(words[1]);
  return Number.isInteger(code) ? code : null;
}

const NEVER_FAIL = new Set(['true', ':', 'echo', 'printf']);

/** A statement that always fails: `exit 1`, `false`, `{ echo msg; exit 1; }`, `echo msg && exit 1`. */
function definitelyFails(node: Node): boolean {
  switch (node.type) {
    case 'command': {
      const words = plainWords(node);
      if (words === null) return false;
      if (words[0] === 'false') return true;
      if (words[0] === 'exit' || words[0] === 'return') return words.length === 1 || words[1] === '$?' || (Number(words[1]) !== 0 && words[1] !== undefined && /^\d+$/.test(words[1]));
      return false;
    }
    case 'redirected_statement': {
      const body = node.childForFieldName('body');
      return body !== null && definitelyFails(body);
    }
    case 'list': {
      const [left, right] = node.namedChildren;
      const op = node.children.find((child) => !child.isNamed)?.type;
      if (!left || !right) return false;
      if (op === '&&') return definitelyFails(left) || (neverFails(left) && definitelyFails(right));
      return definitelyFails(left) && definitelyFails(right);
    }
    case 'compound_statement':
    case 'subshell':
      return statementsOf(node).some((statement) => !statement.background && definitelyFails(statement.node));
    default:
      return false;
  }
}

function neverFails(node: Node): boolean {
  if (node.type === 'redirected_statement') return false;
  const words = plainWords(node);
  return words !== null && (NEVER_FAIL.has(words[0]!) || (words[0] === 'exit' && words[1] === '0'));
}

/** Removes quotes and backslash escapes from a word as written; expansions stay as written. */
export function unquote(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\') {
      const next = raw[i + 1];
      if (next === '\n') i++;
      else if (next !== undefined) {
        out += next;
        i++;
      }
    } else if (c === "'") {
      const end = raw.indexOf("'", i + 1);
      out += raw.slice(i + 1, end < 0 ? raw.length : end);
      i = end < 0 ? raw.length : end;
    } else if (c === '$' && raw[i + 1] === '(') {
      // Command substitution: kept as written (its quotes belong to the inner script).
      const end = closingParen(raw, i + 1);
      out += raw.slice(i, end + 1);
      i = end;
    } else if (c === '$' && raw[i + 1] === "'") {
      // ANSI-C quoting: escapes other than \' and \\ are kept as written.
      let j = i + 2;
      for (; j < raw.length && raw[j] !== "'"; j++) {
        if (raw[j] === '\\' && (raw[j + 1] === "'" || raw[j + 1] === '\\')) j++;
        out += raw.charAt(j);
      }
      i = j;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < raw.length && raw[j] !== '"'; j++) {
        if (raw[j] === '\\' && '"\\$`\n'.includes(raw[j + 1] ?? '')) {
          if (raw[j + 1] !== '\n') out += raw.charAt(j + 1);
          j++;
        } else out += raw.charAt(j);
      }
      i = j;
    } else out += c;
  }
  return out;
}

/** Index of the `)` closing the `(` at `open`, skipping quoted text; the end of the text when unbalanced. */
function closingParen(raw: string, open: number): number {
  let depth = 0;
  for (let i = open; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') i++;
    else if (c === "'") i = raw.indexOf("'", i + 1) < 0 ? raw.length : raw.indexOf("'", i + 1);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return raw.length - 1;
}

const normalise = (text: string): string => text.replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim();
const code = (text: string): string => `\`${normalise(text)}\``;

/** Walks statements in execution order, tracking `set -e`/`set -o pipefail`, and records commands. */
type Building = { -readonly [K in keyof ShellCommand]: ShellCommand[K] };

class Reader {
  readonly commands: Building[] = [];

  constructor(
    private readonly firstLine: number,
    private state: State,
    /** The shell was started with `-e`: a later `set +e` is what masks a failure. */
    private readonly startsErrexit: boolean,
  ) {}

  private lineOf(node: Node): number {
    return this.firstLine + node.startPosition.row;
  }

  private propagates(context: Context): boolean {
    return context.value || (this.state.errexit && !context.exempt);
  }

  private maskOf(context: Context): Masking | null {
    if (this.propagates(context)) return null;
    if (this.startsErrexit && !this.state.errexit && !context.exempt) return { how: 'errexit-off', detail: '`set +e`' };
    return context.why ?? { how: 'not-last', detail: 'a later command' };
  }

  /** A list of statements: only the last one's status is the list's, unless `set -e` is on. */
  sequence(statements: readonly Statement[], context: Context): void {
    const runs = statements.filter((statement) => statement.node.type !== 'function_definition');
    for (const statement of statements.filter((s) => s.node.type === 'function_definition')) {
      const body = statement.node.namedChildren.find((child) => child.type.endsWith('_statement') || child.type === 'subshell');
      if (body) this.statement(body, { value: false, why: { how: 'function', detail: 'a function body' }, exempt: true, exitFails: false });
    }
    for (let i = 0; i < runs.length; i++) {
      const { node, background } = runs[i]!;
      const next = runs[i + 1];
      const exits = !background && (exitCode(node) !== null || passesStatus(node));
      let inner: Context;
      if (background) inner = { value: false, why: { how: 'background', detail: '`&` (run in the background)' }, exempt: true, exitFails: false };
      else if (next === undefined || exits || passesStatus(next.node)) inner = context;
      else {
        const exit = exitCode(next.node);
        const why: Masking = exit === 0 ? { how: 'exit-after', detail: '`; exit 0`' } : { how: 'not-last', detail: `a later ${code(next.node.text)} (without \`set -e\` only the last command's status counts)` };
        inner = { value: false, why, exempt: context.exempt, exitFails: context.exitFails };
      }
      this.statement(node, inner);
      // Nothing after an unconditional `exit` runs.
      if (exits) return;
    }
  }

  statement(node: Node, context: Context): void {
    switch (node.type) {
      case 'command':
        this.command(node, context);
        return;
      case 'list':
        this.list(node, context);
        return;
      case 'pipeline':
        this.pipeline(node, context);
        return;
      case 'negated_command': {
        const inner = node.namedChildren[0];
        if (inner) this.statement(inner, { value: false, why: { how: 'negated', detail: '`!`' }, exempt: true, exitFails: context.exitFails });
        return;
      }
      case 'redirected_statement': {
        const body = node.childForFieldName('body');
        if (body) this.statement(body, context);
        for (const child of node.namedChildren) if (child.id !== body?.id) this.substitutions(child, context);
        return;
      }
      case 'subshell': {
        const saved = { ...this.state };
        this.sequence(statementsOf(node), { ...context, exitFails: this.propagates(context) });
        this.state = saved;
        return;
      }
      case 'compound_statement':
        this.sequence(statementsOf(node), context);
        return;
      case 'if_statement':
        this.ifStatement(node, context);
        return;
      case 'while_statement':
      case 'until_statement':
      case 'for_statement':
      case 'c_style_for_statement':
      case 'select_statement':
        this.loop(node, context);
        return;
      case 'case_statement':
        for (const item of node.namedChildren) {
          if (item.type === 'case_item') this.sequence(statementsOf(item, (child) => child.type !== 'command' && !child.type.endsWith('statement') && !['list', 'pipeline', 'subshell', 'negated_command', 'redirected_statement'].includes(child.type)), context);
          else this.substitutions(item, context);
        }
        return;
      case 'variable_assignment':
      case 'variable_assignments':
      case 'declaration_command':
      case 'unset_command':
      case 'test_command':
        // `x=$(cmd)` alone has the status of `cmd`; `export x=$(cmd)` and `[ … ]` do not run it as a gate.
        this.substitutions(node, node.type === 'variable_assignment' ? context : { value: false, why: { how: 'substitution', detail: '`$(…)`' }, exempt: true, exitFails: false });
        return;
      default:
        this.substitutions(node, { value: false, why: { how: 'substitution', detail: '`$(…)`' }, exempt: true, exitFails: false });
    }
  }

  private list(node: Node, context: Context): void {
    const [left, right] = node.namedChildren;
    const op = node.children.find((child) => !child.isNamed)?.type;
    if (!left || !right) return;
    if (op === '&&') {
      // `a && b`: when `a` fails the list's status is `a`'s; `set -e` ignores it (not the last of the list).
      this.statement(left, { ...context, exempt: true });
      this.statement(right, context);
      return;
    }
    // `a || b`: `a`'s failure runs `b` instead; it still fails the script when `b` always fails (`|| exit 1`).
    const rescue = definitelyFails(right);
    this.statement(left, rescue ? { value: context.exitFails || context.value, why: null, exempt: true, exitFails: context.exitFails } : { value: false, why: { how: 'or', detail: `\`|| ${normalise(right.text)}\`` }, exempt: true, exitFails: context.exitFails });
    this.statement(right, context);
  }

  private pipeline(node: Node, context: Context): void {
    const parts = node.namedChildren.filter((child) => child.type !== 'comment');
    const last = parts[parts.length - 1];
    for (const part of parts) {
      // Each part runs in a subshell; without pipefail only the last part's status is the pipeline's.
      const inner: Context =
        part.id === last?.id || this.state.pipefail
          ? { ...context, exitFails: this.propagates(context) }
          : { value: false, why: { how: 'pipeline', detail: `\`| ${normalise(parts.slice(parts.findIndex((p) => p.id === part.id) + 1).map((p) => p.text).join(' | '))}\` (without \`set -o pipefail\` only the last command's status counts)` }, exempt: true, exitFails: false };
      const saved = { ...this.state };
      this.statement(part, inner);
      this.state = saved;
    }
  }

  private ifStatement(node: Node, context: Context): void {
    const { conditions, body } = splitAtThen(node);
    const clauses = node.children.filter((child) => child.type === 'elif_clause' || child.type === 'else_clause');
    const otherwise = clauses[0];
    const elseFails = otherwise?.type === 'else_clause' && statementsOf(otherwise).some((statement) => definitelyFails(statement.node));
    this.condition(conditions, body.some((statement) => definitelyFails(statement.node)), elseFails, context);
    this.sequence(body, context);
    for (const clause of clauses) {
      if (clause.type === 'else_clause') {
        this.sequence(statementsOf(clause), context);
        continue;
      }
      const elif = splitAtThen(clause);
      this.condition(elif.conditions, elif.body.some((statement) => definitelyFails(statement.node)), false, context);
      this.sequence(elif.body, context);
    }
  }

  /** `if cond`: a failing condition fails the script only when the branch it selects always fails. */
  private condition(conditions: readonly Node[], thenFails: boolean, elseFails: boolean, context: Context): void {
    conditions.forEach((condition, index) => {
      const last = index === conditions.length - 1;
      if (last && condition.type === 'negated_command' && thenFails) {
        const inner = condition.namedChildren[0];
        if (inner) this.statement(inner, { value: context.exitFails || context.value, why: null, exempt: true, exitFails: context.exitFails });
        return;
      }
      const fails = last && elseFails;
      this.statement(condition, fails ? { value: context.exitFails || context.value, why: null, exempt: true, exitFails: context.exitFails } : { value: false, why: { how: 'condition', detail: `the condition of an \`if\` (${code(condition.text)})` }, exempt: true, exitFails: context.exitFails });
    });
  }

  private loop(node: Node, context: Context): void {
    for (const [index, child] of node.children.entries()) {
      if (!child.isNamed || child.type === 'comment') continue;
      const field = node.fieldNameForChild(index);
      if (child.type === 'do_group' || field === 'body') this.sequence(statementsOf(child), context);
      else if (field === 'condition' || node.type === 'while_statement' || node.type === 'until_statement') this.statement(child, { value: false, why: { how: 'condition', detail: `a loop condition (${code(child.text)})` }, exempt: true, exitFails: context.exitFails });
      else this.substitutions(child, context);
    }
  }

  private command(node: Node, context: Context): void {
    const env: ShellWord[] = [];
    const words: ShellWord[] = [];
    for (const child of node.namedChildren) {
      if (isRedirect(child) || child.type === 'comment') continue;
      const word = { text: unquote(child.text), line: this.lineOf(child) };
      if (isAssignment(child) && words.length === 0) env.push(word);
      else words.push(word);
    }
    const first = env[0] ?? words[0];
    this.commands.push({ words, env, line: first?.line ?? this.lineOf(node), text: normalise(node.text), masked: this.maskOf(context), substituted: false });
    this.setOptions(words);
    this.substitutions(node, { value: false, why: { how: 'substitution', detail: '`$(…)`' }, exempt: true, exitFails: false });
  }

  /** `set -e`, `set +e`, `set -euo pipefail`, `set -o errexit`, `set +o pipefail`. */
  private setOptions(words: readonly ShellWord[]): void {
    if (words[0]?.text !== 'set') return;
    for (let i = 1; i < words.length; i++) {
      const word = words[i]!.text;
      const on = word.startsWith('-');
      if (!/^[-+][a-zA-Z]+$/.test(word)) continue;
      if (word.slice(1).includes('e')) this.state.errexit = on;
      if (word.slice(1).includes('o')) {
        const option = words[i + 1]?.text;
        if (option === 'errexit') this.state.errexit = on;
        if (option === 'pipefail') this.state.pipefail = on;
        i++;
      }
    }
  }

  /** Commands inside `$(…)`, backticks and `<(…)` in a node's words: they run, but their status is not the command's. */
  private substitutions(node: Node, context: Context): void {
    for (const child of node.namedChildren) {
      if (child.type === 'command_substitution' || child.type === 'process_substitution') {
        const start = this.commands.length;
        const saved = { ...this.state };
        this.sequence(statementsOf(child), { ...context, exitFails: false });
        this.state = saved;
        for (let i = start; i < this.commands.length; i++) this.commands[i]!.substituted = true;
      } else if (child.namedChildCount > 0 && !isSubshellLike(child)) this.substitutions(child, context);
    }
  }
}

/** The conditions (before `then`) and the body (after it) of an `if` or `elif`, without the `elif`/`else` clauses. */
function splitAtThen(node: Node): { conditions: Node[]; body: Statement[] } {
  const conditions: Node[] = [];
  const body: Statement[] = [];
  let seenThen = false;
  for (const child of node.children) {
    if (child.type === 'then') seenThen = true;
    if (!child.isNamed || child.type === 'comment' || child.type === 'elif_clause' || child.type === 'else_clause') continue;
    if (seenThen) body.push({ node: child, background: false });
    else conditions.push(child);
  }
  return { conditions, body };
}

const isSubshellLike = (node: Node): boolean => ['subshell', 'compound_statement', 'command', 'list', 'pipeline'].includes(node.type);
