import { createHash } from 'node:crypto';
import type { ConditionValue } from '../source-facts.js';
import { environmentCondition } from './environment.js';
import { fieldOf, partsOf, type PyNode, type PythonSource } from './parse.js';

/** Small helpers over the tree-sitter Python tree: text, arguments, literals, normalised hashes. */

export function textOf(source: PythonSource, node: PyNode): string {
  return source.text.slice(node.from, node.to);
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Statements of a `block` (or the `module`): its named children but comments. */
export function statementsOf(body: PyNode): PyNode[] {
  return partsOf(body);
}

export interface Argument {
  /** Keyword name (`reason=`), or null for a positional argument. */
  name: string | null;
  /** `*` / `**` for unpacked arguments. */
  star: '' | '*' | '**';
  /** The value. */
  node: PyNode;
  text: string;
}

/** Arguments of an `argument_list` (a bare `generator_expression` argument counts as one). */
export function argumentsOf(source: PythonSource, argList: PyNode | null): Argument[] {
  if (!argList) return [];
  const argument = (name: string | null, star: Argument['star'], node: PyNode): Argument => ({ name, star, node, text: collapse(textOf(source, node)) });
  if (argList.type !== 'argument_list') return [argument(null, '', argList)];
  const list: Argument[] = [];
  for (const part of partsOf(argList)) {
    if (part.type === 'keyword_argument') {
      const name = fieldOf(part, 'name');
      const value = fieldOf(part, 'value');
      if (name && value) list.push(argument(textOf(source, name), '', value));
    } else if (part.type === 'list_splat' || part.type === 'dictionary_splat') {
      const value = partsOf(part)[0];
      if (value) list.push(argument(null, part.type === 'list_splat' ? '*' : '**', value));
    } else list.push(argument(null, '', part));
  }
  return list;
}

export const positional = (args: readonly Argument[]): Argument[] => args.filter((arg) => arg.name === null && arg.star === '');
export const keyword = (args: readonly Argument[], name: string): Argument | undefined => args.find((arg) => arg.name === name);

/** The callee text of a call (`pytest.mark.skip`, `self.assertEqual`), whitespace removed. */
export function calleeOf(source: PythonSource, call: PyNode): string {
  const callee = fieldOf(call, 'function');
  return callee ? textOf(source, callee).replace(/\s+/g, '') : '';
}

export function argListOf(call: PyNode): PyNode | null {
  return fieldOf(call, 'arguments');
}

/** A string literal that is not an f-string / t-string (its prefix has no `f` / `t`). */
function isPlainString(source: PythonSource, node: PyNode): boolean {
  if (node.type === 'concatenated_string') return partsOf(node).every((part) => isPlainString(source, part));
  // Strings are leaves of the copied tree (see parse.ts): the prefix is read from the text.
  return node.type === 'string' && !/^[A-Za-z]*[fFtT]/.test(textOf(source, node).slice(0, 4));
}

const LITERAL_LEAVES = new Set(['integer', 'float', 'true', 'false', 'none', 'ellipsis']);
const CONTAINERS = new Set(['list', 'tuple', 'set', 'dictionary', 'parenthesized_expression']);

/** Number, string (not an f-string), boolean, None, a negated number, or a container of literals. */
export function isLiteral(source: PythonSource, node: PyNode): boolean {
  if (LITERAL_LEAVES.has(node.type)) return true;
  if (node.type === 'string' || node.type === 'concatenated_string') return isPlainString(source, node);
  if (node.type === 'unary_operator') {
    const operator = fieldOf(node, 'operator');
    const operand = fieldOf(node, 'argument');
    return (operator?.type === '-' || operator?.type === '+') && (operand?.type === 'integer' || operand?.type === 'float');
  }
  if (CONTAINERS.has(node.type)) return partsOf(node).every((child) => isLiteral(source, child));
  if (node.type === 'pair') return partsOf(node).every((child) => isLiteral(source, child));
  if (node.type === 'call' && /^(?:pytest\.)?approx$/.test(calleeOf(source, node))) {
    return argumentsOf(source, argListOf(node)).every((arg) => isLiteral(source, arg.node));
  }
  return false;
}

/**
 * Static truthiness of a condition: `True`, `1`, a non-empty literal → always; `False`, `0`,
 * `None`, empty → never; a platform or environment condition that is the same on every CI
 * platform with any setting of the variables it reads (`environment.ts`) → that value.
 */
export function truthiness(source: PythonSource, node: PyNode): ConditionValue {
  const text = textOf(source, node).trim();
  if (node.type === 'parenthesized_expression') {
    const inner = partsOf(node);
    return inner.length === 1 ? truthiness(source, inner[0]!) : 'dynamic';
  }
  if (node.type === 'true') return 'always';
  if (node.type === 'false' || node.type === 'none') return 'never';
  if (node.type === 'integer' || node.type === 'float') return /^[0._]+(?:[eE][+-]?\d+)?[jJ]?$/.test(text) || /^0[xXoObB]0*$/.test(text) ? 'never' : 'always';
  if (node.type === 'string' && !isPlainString(source, node)) return 'dynamic';
  if (node.type === 'string') return /^[A-Za-z]*(?:""|''|''''''|"{6})$/.test(text) ? 'never' : 'always';
  if (node.type === 'not_operator') {
    const argument = fieldOf(node, 'argument');
    return argument ? invert(truthiness(source, argument)) : 'dynamic';
  }
  if (node.type === 'tuple') return partsOf(node).length > 0 ? 'always' : 'never';
  if (CONTAINERS.has(node.type) && isLiteral(source, node)) return partsOf(node).length > 0 ? 'always' : 'never';
  return environmentCondition(source, node);
}

export function invert(value: ConditionValue): ConditionValue {
  return value === 'always' ? 'never' : value === 'never' ? 'always' : 'dynamic';
}

/** Any always → always; all never → never; otherwise dynamic; null when there is no condition. */
export function combine(values: readonly (ConditionValue | null)[]): ConditionValue | null {
  const present = values.filter((value): value is ConditionValue => value !== null);
  if (present.length === 0) return null;
  if (present.includes('always')) return 'always';
  return present.every((value) => value === 'never') ? 'never' : 'dynamic';
}

/**
 * Source of the range `from`–`to` of a node (a block's statements, or one statement) normalised
 * for hashing: comments cut out, simple single-quoted strings written with double quotes (black's
 * style), wrapping parentheses black adds to split long statements dropped, every whitespace
 * character removed, and trailing commas before a closing bracket dropped (black's magic
 * trailing comma). Reformatting by black or by hand therefore keeps the hash.
 */
export function normalised(source: PythonSource, within: PyNode, from: number, to: number): string {
  let out = '';
  let position = from;
  const cut = (node: PyNode): void => {
    out += source.text.slice(position, node.from);
    position = node.to;
  };
  const visit = (node: PyNode, parent: PyNode | null): void => {
    if (node.to <= from || node.from >= to) return;
    if (node.type === 'comment') {
      cut(node);
    } else if (node.type === 'string') {
      out += source.text.slice(position, node.from) + doubleQuoted(source.text.slice(node.from, node.to));
      position = node.to;
    } else if (redundantParentheses(node, parent)) {
      for (const child of node.children) {
        if (child.type === '(' || child.type === ')') cut(child);
        else visit(child, node);
      }
    } else for (const child of node.children) visit(child, node);
  };
  visit(within, null);
  out += source.text.slice(position, to);
  return out.replace(/\s+/g, '').replace(/,(?=[)\]}])/g, '');
}

/** Statement slots where black adds or removes wrapping parentheses without changing meaning. */
const PARENTHESIS_SLOTS = new Set(['assignment', 'augmented_assignment', 'return_statement', 'assert_statement', 'if_statement', 'elif_clause', 'while_statement', 'delete_statement', 'expression_statement']);

/**
 * Parentheses around a whole expression in a statement slot (`x = (\n    call()\n)`,
 * `return (a and b)`, `assert (x == 1)`): black adds them to split long lines. Parentheses
 * that make a tuple, a generator or group an operand are kept.
 */
function redundantParentheses(node: PyNode, parent: PyNode | null): boolean {
  if (node.type !== 'parenthesized_expression' || parent === null || !PARENTHESIS_SLOTS.has(parent.type)) return false;
  const inner = node.children.filter((child) => child.named && child.type !== 'comment');
  return inner.length === 1 && inner[0]!.type !== 'yield';
}

function doubleQuoted(literal: string): string {
  const triple = /^([A-Za-z]*)'''([\s\S]*)'''$/.exec(literal);
  if (triple && !triple[2]!.includes('"')) return `${triple[1]}"""${triple[2]}"""`;
  const single = /^([A-Za-z]*)'([^'"\\]*)'$/.exec(literal);
  if (single) return `${single[1]}"${single[2]}"`;
  return literal;
}

export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
