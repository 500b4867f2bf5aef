import type { Expression, Node, TSType } from 'oxc-parser';
import type { TypeEscape } from '../source-facts.js';
import type { ParsedSource } from './parse.js';
import { excerpt, lineTextAt } from './text.js';

/**
 * The type escape a node is, if any: `x as any`, `<any>x` (only parseable in `.ts`),
 * `x as unknown as T` / `<T><unknown>x`, and every other `any` written as a type (parameters,
 * variables, return types, properties, type arguments such as `Array<any>`, aliases…).
 * Called for every node of one walk; `ancestors` runs from the root to the node's parent.
 */
export function typeEscapeOf(node: Node, ancestors: readonly Node[], source: ParsedSource): TypeEscape | null {
  switch (node.type) {
    case 'TSAsExpression':
    case 'TSTypeAssertion': {
      const angle = node.type === 'TSTypeAssertion';
      if (isAny(node.typeAnnotation)) return escape(angle ? 'angle-any' : 'as-any', angle ? node.start : node.typeAnnotation.start, node, source);
      if (isUnknownCast(node.expression)) return escape('as-unknown-as', angle ? node.start : node.typeAnnotation.start, node, source);
      return null;
    }
    case 'TSAnyKeyword':
      if (isCastTarget(node, ancestors)) return null;
      return { kind: 'any-annotation', line: source.lines.lineAt(node.start), text: excerpt(lineTextAt(source.text, node.start)) };
    default:
      return null;
  }
}

function escape(kind: TypeEscape['kind'], at: number, node: Node, source: ParsedSource): TypeEscape {
  return { kind, line: source.lines.lineAt(at), text: excerpt(source.text.slice(node.start, node.end)) };
}

function isAny(type: TSType): boolean {
  return unwrapType(type).type === 'TSAnyKeyword';
}

function unwrapType(type: TSType): TSType {
  let current = type;
  while (current.type === 'TSParenthesizedType') current = current.typeAnnotation;
  return current;
}

function isUnknownCast(expression: Expression): boolean {
  let inner = expression;
  while (inner.type === 'ParenthesizedExpression') inner = inner.expression;
  return (inner.type === 'TSAsExpression' || inner.type === 'TSTypeAssertion') && unwrapType(inner.typeAnnotation).type === 'TSUnknownKeyword';
}

/** Whether this `any` is the whole target of a cast, already reported as `as-any`/`angle-any`. */
function isCastTarget(node: Node, ancestors: readonly Node[]): boolean {
  let child: Node = node;
  for (let index = ancestors.length - 1; index >= 0; index--) {
    const parent = ancestors[index]!;
    if (parent.type === 'TSParenthesizedType') {
      child = parent;
      continue;
    }
    return (parent.type === 'TSAsExpression' || parent.type === 'TSTypeAssertion') && parent.typeAnnotation === child;
  }
  return false;
}
