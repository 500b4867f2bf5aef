import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/**
 * A JSON-with-comments document (tsconfig.json, pyrightconfig.json) read as TypeScript reads it:
 * `//` and block comments and trailing commas allowed. Values keep their 1-based line so a
 * finding can point at the line that set an option.
 */
export interface JsoncDoc {
  root: Node | undefined;
  /** The first syntax error and its line, or null. */
  error: { message: string; line: number } | null;
  line(offset: number): number;
}

export function parseJsonc(text: string): JsoncDoc {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const line = (offset: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
  const first = errors[0];
  return { root, error: first ? { message: printParseErrorCode(first.error), line: line(first.offset) } : null, line };
}

/** The value node of a property of an object node. */
export function property(node: Node | undefined, name: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  // The last occurrence wins, as in JSON.parse.
  let found: Node | undefined;
  for (const pair of node.children ?? []) if (pair.children?.[0]?.value === name) found = pair.children[1];
  return found;
}

/** Properties of an object node: name, value node and the line of the name. */
export function properties(node: Node | undefined, doc: JsoncDoc): { name: string; value: Node; line: number }[] {
  if (node?.type !== 'object') return [];
  const out: { name: string; value: Node; line: number }[] = [];
  for (const pair of node.children ?? []) {
    const key = pair.children?.[0];
    const value = pair.children?.[1];
    if (key && value && typeof key.value === 'string') out.push({ name: key.value, value, line: doc.line(key.offset) });
  }
  return out;
}

/** A node's plain value (objects and arrays converted); undefined for a missing node. */
export function plain(node: Node | undefined): unknown {
  if (!node) return undefined;
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const pair of node.children ?? []) {
        const key: unknown = pair.children?.[0]?.value;
        if (typeof key === 'string') out[key] = plain(pair.children?.[1]);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(plain);
    default:
      return node.value as unknown;
  }
}

/** String items of an array node with their lines (non-strings skipped). */
export function stringItems(node: Node | undefined, doc: JsoncDoc): { text: string; line: number }[] {
  if (node?.type !== 'array') return [];
  return (node.children ?? []).filter((item) => item.type === 'string' && typeof item.value === 'string').map((item) => ({ text: item.value as string, line: doc.line(item.offset) }));
}
