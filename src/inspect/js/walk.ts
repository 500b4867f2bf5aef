import { visitorKeys, type Node } from 'oxc-parser';

export interface Visitor {
  /** Called before a node's children; `ancestors` runs from the root to the node's parent. */
  enter?(node: Node, ancestors: readonly Node[]): void;
  /** Called after a node's children, with the same ancestors as `enter`. */
  leave?(node: Node, ancestors: readonly Node[]): void;
}

/**
 * Depth-first walk in source order, following oxc's `visitorKeys`. Iterative, because generated
 * or minified files nest deeply enough (long `a + b + …` chains) to overflow the call stack.
 */
export function walk(root: Node, visitor: Visitor): void {
  const ancestors: Node[] = [];
  const pending: Node[] = [root];
  const leaving: boolean[] = [false];
  const children: Node[] = [];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (leaving.pop()) {
      ancestors.pop();
      visitor.leave?.(node, ancestors);
      continue;
    }
    visitor.enter?.(node, ancestors);
    ancestors.push(node);
    pending.push(node);
    leaving.push(true);
    collectChildren(node, children);
    for (let index = children.length - 1; index >= 0; index--) {
      pending.push(children[index]!);
      leaving.push(false);
    }
    children.length = 0;
  }
}

/** A node's child nodes in source order, following oxc's `visitorKeys`. */
export function childNodes(node: Node): Node[] {
  const children: Node[] = [];
  collectChildren(node, children);
  return children;
}

function collectChildren(node: Node, into: Node[]): void {
  const keys = visitorKeys[node.type] ?? Object.keys(node).filter((key) => key !== 'parent');
  for (const key of keys) {
    // Node types differ in their child fields; reading by name needs no cast.
    const value: unknown = Reflect.get(node, key);
    if (Array.isArray(value)) {
      for (const item of value as readonly unknown[]) if (isNode(item)) into.push(item);
    } else if (isNode(value)) {
      into.push(value);
    }
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
