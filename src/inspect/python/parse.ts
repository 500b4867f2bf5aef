import { createRequire } from 'node:module';
import type { Parser, Tree } from 'web-tree-sitter';
import { UnparseableError } from '../../core/errors.js';

/**
 * A node of the Python syntax tree, copied out of tree-sitter into plain objects: the analysis
 * walks it many times (hashes, helpers, base classes), which is cheaper on JS objects than through
 * the WebAssembly boundary, nodes keep their identity (usable as map keys), and the tree-sitter
 * tree is freed as soon as it is copied.
 */
export interface PyNode {
  /** tree-sitter type: `function_definition`, `call`, …; an anonymous token's type is its text (`(`, `is not`). */
  readonly type: string;
  readonly named: boolean;
  /** Offsets in the JavaScript string (UTF-16 code units), end exclusive. */
  readonly from: number;
  readonly to: number;
  /** The field this node fills in its parent (`name`, `body`, `arguments`, …), if any. */
  readonly field: string | null;
  readonly children: readonly PyNode[];
}

/** A parsed Python module: the original text, its syntax tree and a line lookup. */
export interface PythonSource {
  text: string;
  root: PyNode;
  /** 1-based line of an offset. */
  lineAt(offset: number): number;
}

interface Loaded {
  parser: Parser;
  /** Per type id: the type name (ERROR is 65535, past the table) and whether it is named. */
  types: readonly string[];
  named: readonly boolean[];
  fields: readonly (string | null)[];
}

let loaded: Loaded | null = null;
let loading: Promise<void> | null = null;

/**
 * Loads web-tree-sitter and tree-sitter-python once (memoised; a failed load is retried on the
 * next call). The import is dynamic so that a run without Python files never loads the WASM.
 */
export function preparePython(): Promise<void> {
  loading ??= (async () => {
    const { Parser, Language } = await import('web-tree-sitter');
    await Parser.init();
    const language = await Language.load(createRequire(import.meta.url).resolve('tree-sitter-python/tree-sitter-python.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    const count = language.nodeTypeCount;
    const types: string[] = [];
    const named: boolean[] = [];
    for (let id = 0; id < count; id++) {
      types.push(language.nodeTypeForId(id) ?? 'ERROR');
      named.push(language.nodeTypeIsNamed(id));
    }
    loaded = { parser, types, named, fields: [...language.fields] };
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

interface SyntaxProblem {
  offset: number;
  /** The expected token or node a `MISSING` node stands for; null for an `ERROR` node. */
  missing: string | null;
}

/**
 * Parses Python with tree-sitter-python and fails closed: the first `ERROR` or missing node (in
 * source order) makes the file unparseable (`UnparseableError` with its line). See PARSER.md.
 * Throws a plain `Error` when `preparePython()` has not completed: a programming error.
 * The parser is reused; each tree is copied (or searched for its error) and deleted at once.
 */
export function parsePython(text: string): PythonSource {
  if (loaded === null) throw new Error('Python parser used before prepare(): await pythonSourceInspector.prepare() first');
  const tree = loaded.parser.parse(text);
  if (tree === null) throw new Error('tree-sitter returned no tree for a Python file');
  let root: PyNode | null = null;
  let problem: SyntaxProblem | null = null;
  try {
    if (tree.rootNode.hasError) problem = firstProblem(tree, loaded);
    else root = copy(tree, loaded);
  } finally {
    tree.delete();
  }
  const starts = lineStarts(text);
  const lineAt = (offset: number): number => {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (starts[middle]! <= offset) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  if (root === null) {
    // `hasError` without an ERROR or MISSING node does not happen; fail closed at line 1 if it does.
    const offset = problem?.offset ?? 0;
    const line = lineAt(offset);
    const excerpt = (text.slice(starts[line - 1], starts[line] ?? text.length).split('\n')[0] ?? '').trim().slice(0, 80);
    const what = problem?.missing ? `Missing ${problem.missing}` : 'Syntax error';
    throw new UnparseableError(`Python: ${what} at line ${line}${excerpt ? `: ${excerpt}` : ''}`, line);
  }
  return { text, root, lineAt };
}

interface Building {
  type: string;
  named: boolean;
  from: number;
  to: number;
  field: string | null;
  children: Building[];
}

/** Node types whose inside the analysis never needs beyond the source text: strings (f-string fields included). */
const OPAQUE = new Set(['string']);

/**
 * Copies an error-free tree with one cursor walk (iterative: deep expression chains do not grow
 * the stack). Every cursor getter crosses into WebAssembly, so each node costs four reads (type
 * id, start, end, field id), names come from tables read once, and strings stay leaves.
 */
function copy(tree: Tree, tables: Loaded): PyNode {
  const cursor = tree.walk();
  try {
    const current = (): Building => {
      const id = cursor.nodeTypeId;
      const field = cursor.currentFieldId;
      return { type: tables.types[id] ?? 'ERROR', named: tables.named[id] ?? true, from: cursor.startIndex, to: cursor.endIndex, field: field === 0 ? null : (tables.fields[field] ?? null), children: [] };
    };
    const root = current();
    const stack: Building[] = [root];
    if (!cursor.gotoFirstChild()) return root;
    for (;;) {
      const node = current();
      stack[stack.length - 1]!.children.push(node);
      if (!OPAQUE.has(node.type) && cursor.gotoFirstChild()) {
        stack.push(node);
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (stack.length === 1 || !cursor.gotoParent()) return root;
        stack.pop();
      }
    }
  } finally {
    cursor.delete();
  }
}

/** The first `ERROR` or `MISSING` node in source order (pre-order: an outer node before its children). */
function firstProblem(tree: Tree, tables: Loaded): SyntaxProblem | null {
  const cursor = tree.walk();
  try {
    for (;;) {
      const id = cursor.nodeTypeId;
      const type = tables.types[id] ?? 'ERROR';
      if (type === 'ERROR') return { offset: cursor.startIndex, missing: null };
      if (cursor.nodeIsMissing) return { offset: cursor.startIndex, missing: tables.named[id] ? type : `"${type}"` };
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return null;
    }
  } finally {
    cursor.delete();
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** The child filling a field (`name`, `body`, `function`, …). */
export function fieldOf(node: PyNode, field: string): PyNode | null {
  for (const child of node.children) if (child.field === field) return child;
  return null;
}

/** Named children that are not comments: the syntactic parts of a node. */
export function partsOf(node: PyNode): PyNode[] {
  return node.children.filter((child) => child.named && child.type !== 'comment');
}
