import type { Argument, Expression, Node } from 'oxc-parser';
import type { PathGroups } from '../../policy/path-groups.js';
import type { Inspector } from '../inspector.js';
import { parseModeOf, parseSource } from '../js/parse.js';
import { childNodes } from '../js/walk.js';
import { dedent, hashValue } from './value.js';

/** One part of a test's full name: a `describe` or the test itself. */
export interface NameSegment {
  /** The name as written; a computed part (`${x}`, `%s`, `$name`, an identifier) shows as `…`. */
  text: string;
  /** A regular expression source for the name when part of it is computed; null when it is literal. */
  pattern: string | null;
}

/** A test (not a suite) registered by the file, with the names of its enclosing suites. */
export interface SnapshotTestName {
  segments: NameSegment[];
  line: number;
}

/** A `toMatchInlineSnapshot(`…`)` or `toThrowErrorMatchingInlineSnapshot(`…`)` assertion. */
export interface InlineSnapshot {
  /** Full name of the enclosing test (`suite > test`), when every part of it is literal. */
  testName?: string;
  matcher: string;
  line: number;
  /** Hash of the value, dedented and with formatting normalised; an absent value hashes ''. */
  valueHash: string;
}

export interface SnapshotTestFileFacts {
  /** Test names; null when the file uses no snapshot matcher and was not parsed for them. */
  tests: SnapshotTestName[] | null;
  /** Whether the file calls a matcher that writes to the `__snapshots__` file. */
  usesFileSnapshots: boolean;
  inline: InlineSnapshot[];
}

const TEST_ROOTS = new Set(['it', 'test', 'specify', 'fit', 'xit', 'xtest', 'xspecify']);
const SUITE_ROOTS = new Set(['describe', 'suite', 'context', 'fdescribe', 'xdescribe', 'xcontext']);
/** Chain members that keep a call a test registration (`it.only.each`, `test.describe.serial`…). */
const CHAIN = new Set([
  'only', 'skip', 'todo', 'fixme', 'fails', 'failing', 'fail', 'concurrent', 'sequential', 'serial', 'parallel',
  'shuffle', 'each', 'for', 'skipIf', 'runIf', 'describe', 'slow',
]);
const FILE_MATCHERS = new Set(['toMatchSnapshot', 'toThrowErrorMatchingSnapshot', 'toMatchSpecificSnapshot']);
const INLINE_MATCHERS = new Set(['toMatchInlineSnapshot', 'toThrowErrorMatchingInlineSnapshot']);

const WILDCARD = '[\\s\\S]*';

interface Callee {
  kind: 'suite' | 'test';
  /** Table-driven: the name holds `%s` / `$field` placeholders. */
  each: boolean;
}

/** What a callee means as a test or suite registration, or null. */
function calleeOf(node: Expression): Callee | null {
  const chain: string[] = [];
  let each = false;
  let current: Expression = node;
  for (;;) {
    if (current.type === 'ParenthesizedExpression') current = current.expression;
    else if (current.type === 'CallExpression') current = current.callee; // `it.each(rows)`, `it.skipIf(c)`
    else if (current.type === 'TaggedTemplateExpression') current = current.tag; // it.each`table`
    else if (current.type === 'MemberExpression' && !current.computed && current.property.type === 'Identifier') {
      chain.unshift(current.property.name);
      current = current.object;
    } else break;
  }
  if (current.type !== 'Identifier') return null;
  const root = current.name;
  if (!TEST_ROOTS.has(root) && !SUITE_ROOTS.has(root)) return null;
  for (const member of chain) {
    if (!CHAIN.has(member)) return null;
    if (member === 'each' || member === 'for') each = true;
  }
  const kind = SUITE_ROOTS.has(root) || chain.includes('describe') ? 'suite' : 'test';
  return { kind, each };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The name a registration call gives, or null when its first argument is not a name (Playwright's inline `test.skip(cond)`). */
function nameOf(argument: Argument | undefined, each: boolean): NameSegment | null {
  if (!argument) return null;
  const parts: (string | null)[] = [];
  if (argument.type === 'Literal') {
    if (typeof argument.value !== 'string') return null;
    parts.push(argument.value);
  } else if (argument.type === 'TemplateLiteral') {
    argument.quasis.forEach((quasi, index) => {
      parts.push(quasi.value.cooked ?? quasi.value.raw);
      if (index < argument.expressions.length) parts.push(null);
    });
  } else if (argument.type === 'Identifier' || argument.type === 'MemberExpression' || argument.type === 'BinaryExpression') {
    parts.push(null); // jest names a suite after a class or function; a concatenation is computed
  } else {
    return null;
  }
  // Table-driven names: printf placeholders (`%s`, `%i`, `%#`…) and `$field.path` interpolations.
  const split = each ? parts.flatMap((part) => (part === null ? [null] : splitPlaceholders(part))) : parts;
  if (split.every((part) => part !== null)) return { text: split.join(''), pattern: null };
  return {
    text: split.map((part) => part ?? '…').join(''),
    pattern: split.map((part) => (part === null ? WILDCARD : escapeRegExp(part))).join(''),
  };
}

function splitPlaceholders(text: string): (string | null)[] {
  const parts: (string | null)[] = [];
  let last = 0;
  for (const match of text.matchAll(/%%|%[sdifjoOpc#$]|\$[A-Za-z_$][\w$]*(?:\.[\w$]+)*/g)) {
    parts.push(text.slice(last, match.index));
    parts.push(match[0] === '%%' ? '%' : null);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}



/** The matcher a call ends in (`expect(x).not.toMatchSnapshot()` → `toMatchSnapshot`). */
function matcherOf(node: Expression): string | null {
  const callee = node.type === 'ParenthesizedExpression' ? node.expression : node;
  return callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : null;
}

/** The snapshot an inline matcher holds: its last string or template argument (after any property matchers). */
function inlineValue(args: readonly Argument[]): string {
  const last = args.at(-1);
  if (!last) return '';
  if (last.type === 'Literal' && typeof last.value === 'string') return last.value;
  if (last.type === 'TemplateLiteral') return last.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join('${…}');
  return '';
}

interface Frame {
  node: Node;
  suites: NameSegment[];
  /** The enclosing test's segments, when inside a test body. */
  test: NameSegment[] | null;
}

/**
 * Names of tests, snapshot matcher use and inline snapshots of one JS/TS test file. Deliberately
 * independent of the main source inspector: a simple, iterative walk that follows `describe` /
 * `it` / `test` (with their modifiers, `.each` tables and Playwright's `test.describe`) by name.
 */
export function inspectSnapshotTestFile(path: string, text: string): SnapshotTestFileFacts {
  const mode = parseModeOf(path);
  if (!mode) return { tests: [], usesFileSnapshots: false, inline: [] };
  // Every snapshot matcher has "Snapshot" in its name: a file without it writes no snapshot, so
  // its parse is skipped (the common case, a test edit without snapshots, stays free) and its
  // test names are unknown (null), never taken as absent.
  if (!text.includes('Snapshot')) return { tests: null, usesFileSnapshots: false, inline: [] };
  const parsed = parseSource(path, text, mode);
  const tests: SnapshotTestName[] = [];
  const inline: InlineSnapshot[] = [];
  let usesFileSnapshots = false;
  const pending: Frame[] = [{ node: parsed.program, suites: [], test: null }];
  while (pending.length > 0) {
    const { node, suites, test } = pending.pop()!;
    let childSuites = suites;
    let childTest = test;
    const outerChildren: Node[] = [];
    if (node.type === 'CallExpression') {
      const matcher = matcherOf(node.callee);
      if (matcher !== null && FILE_MATCHERS.has(matcher)) usesFileSnapshots = true;
      if (matcher !== null && INLINE_MATCHERS.has(matcher)) {
        const testName = test && test.every((segment) => segment.pattern === null) ? test.map((segment) => segment.text).join(' > ') : undefined;
        inline.push({
          ...(testName !== undefined ? { testName } : {}),
          matcher,
          line: parsed.lines.lineAt(node.start),
          valueHash: hashValue(dedent(inlineValue(node.arguments))),
        });
      }
      const callee = test === null ? calleeOf(node.callee) : null;
      // A registration has a body; Playwright's inline `test.skip(cond, 'why')` and todos do not.
      const hasBody = node.arguments.some((argument) => argument.type === 'ArrowFunctionExpression' || argument.type === 'FunctionExpression');
      const name = callee && hasBody ? nameOf(node.arguments[0], callee.each) : null;
      if (callee && name) {
        if (callee.kind === 'suite') childSuites = [...suites, name];
        else {
          childTest = [...suites, name];
          tests.push({ segments: childTest, line: parsed.lines.lineAt(node.start) });
        }
        // The callee and the name belong to the outer scope; the body and options to the new one.
        outerChildren.push(node.callee);
      }
    }
    const children = childNodes(node);
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index]!;
      const outer = outerChildren.includes(child);
      pending.push({ node: child, suites: outer ? suites : childSuites, test: outer ? test : childTest });
    }
  }
  tests.sort((a, b) => a.line - b.line);
  inline.sort((a, b) => a.line - b.line);
  return { tests, usesFileSnapshots, inline };
}

const CONVENTIONAL_TEST = /(?:^|\/)(?:__tests__\/|[^/]*[._-](?:test|spec)\.[cm]?[jt]sx?$)/;

/** Whether a path is a JS/TS test file: the `tests` path group, or a conventional test name. */
export function isSnapshotTestSource(path: string, paths: PathGroups): boolean {
  return parseModeOf(path) !== null && !path.endsWith('.d.ts') && (paths.isTest(path) || CONVENTIONAL_TEST.test(path));
}

/**
 * Inline snapshots, test names and file-snapshot use of JS/TS test files. The rule reads the
 * inline snapshots to see rewritten values, and the test names of a snapshot file's test file
 * to tell an entry removed with its test from one removed while the test remains.
 */
export const inlineSnapshotInspector: Inspector<SnapshotTestFileFacts> = {
  id: 'snapshot-test-file@1',
  appliesTo: isSnapshotTestSource,
  cacheKey: (path) => parseModeOf(path)?.lang ?? '',
  inspect: inspectSnapshotTestFile,
};
