import type { Expression, Node, TemplateLiteral } from 'oxc-parser';
import { UnparseableError } from '../../core/errors.js';
import type { Inspector } from '../inspector.js';
import { parseSource, type ParseMode } from '../js/parse.js';
import { hashValue, lineCount, normaliseSnapshotValue } from './value.js';

/** One `exports[`name 1`] = `…`;` entry of a jest or vitest snapshot file. */
export interface SnapshotEntry {
  /** The entry's key as the runner sees it (escapes decoded): the test's full name and a counter. */
  key: string;
  /** The key without its trailing counter: `renders > the title 1` → `renders > the title`. */
  testName: string;
  /** Hash of the value with formatting normalised (line endings, trailing spaces, outer blank lines). */
  valueHash: string;
  /** Line of the `exports[…]` statement. */
  line: number;
  /** Lines of the value. */
  lines: number;
}

export interface SnapshotFileFacts {
  /** Which runner wrote the file, from its header comment. */
  format: 'jest' | 'vitest' | 'unknown';
  entries: SnapshotEntry[];
}

const SNAP_MODE: ParseMode = { lang: 'js', sourceType: 'script', extension: '.snap' };

/** `**\/__snapshots__/*.snap`: the files jest and vitest write next to a test file. */
export function isSnapshotFile(path: string): boolean {
  return /(?:^|\/)__snapshots__\/[^/]+\.snap$/.test(path);
}

/**
 * The test file a snapshot file belongs to under the runners' default resolver:
 * `dir/__snapshots__/name.test.ts.snap` → `dir/name.test.ts`.
 */
export function testFileOf(snapshotPath: string): string {
  return snapshotPath.replace(/(?:^|\/)__snapshots__\/([^/]+)\.snap$/, (match, name: string) => (match.startsWith('/') ? `/${name}` : name));
}

/** The key without its counter (` 1`, ` 2`…) that the runner appends per assertion in a test. */
export function testNameOfKey(key: string): string {
  return key.replace(/ \d+$/, '');
}

/**
 * Parses a snapshot file with oxc-parser (values hold backticks, `${` and backslashes, escaped
 * the way a template literal escapes them, which a regex cannot follow). Every statement must be
 * an `exports[<literal>] = <literal>;` entry, as the runners write them; anything else makes the
 * file unreadable as a snapshot and throws, so it is reported rather than silently compared.
 * @throws UnparseableError with the line of the syntax error or of the statement that is not an entry.
 */
export function parseSnapshotFile(path: string, text: string): SnapshotFileFacts {
  const parsed = parseSource(path, text, SNAP_MODE);
  const header = parsed.comments[0]?.value ?? '';
  const format = /^\s*Vitest Snapshot/.test(header) ? 'vitest' : /^\s*Jest Snapshot/.test(header) ? 'jest' : 'unknown';
  const entries: SnapshotEntry[] = [];
  for (const statement of parsed.program.body) {
    const line = parsed.lines.lineAt(statement.start);
    const fail = (what: string): never => {
      throw new UnparseableError(`not a snapshot entry: ${what}`, line);
    };
    if (statement.type !== 'ExpressionStatement') return fail(`unexpected ${statement.type}`);
    const assignment = statement.expression;
    if (assignment.type !== 'AssignmentExpression' || assignment.operator !== '=') return fail('expected exports[`name`] = `value`');
    const target = assignment.left;
    if (target.type !== 'MemberExpression' || !target.computed || target.object.type !== 'Identifier' || target.object.name !== 'exports') {
      return fail('expected an assignment to exports[`name`]');
    }
    const key = literalText(target.property);
    if (key === null) return fail('the name is not a plain string');
    const value = literalText(assignment.right);
    if (value === null) return fail(`the value of \`${key}\` is not a plain string`);
    const normalised = normaliseSnapshotValue(value);
    entries.push({ key, testName: testNameOfKey(key), valueHash: hashValue(normalised), line, lines: lineCount(normalised) });
  }
  return { format, entries };
}

/** The text of a string literal or a template literal without substitutions; null otherwise. */
function literalText(node: Expression | Node): string | null {
  if (node.type === 'Literal') return typeof node.value === 'string' ? node.value : null;
  if (node.type === 'TemplateLiteral') return templateText(node);
  if (node.type === 'ParenthesizedExpression') return literalText(node.expression);
  return null;
}

function templateText(node: TemplateLiteral): string | null {
  if (node.expressions.length > 0) return null;
  return node.quasis[0]?.value.cooked ?? null;
}

export const snapshotFileInspector: Inspector<SnapshotFileFacts> = {
  id: 'snapshot-file@1',
  appliesTo: (path) => isSnapshotFile(path),
  inspect: parseSnapshotFile,
};
