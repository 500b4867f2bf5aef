import type { PyNode, PythonSource } from './parse.js';

const IMPORTS = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);
/** Nodes that cannot contain an import statement: expressions and simple statements. */
const NO_STATEMENTS = new Set(['expression_statement', 'return_statement', 'assert_statement', 'raise_statement', 'pass_statement', 'comment', 'decorator', 'parameters']);

/**
 * Modules a file imports, in order, once each: `import a.b as c, d` → `a.b`, `d`;
 * `from .models import X` → `.models` (relative imports as written); `from . import x` → `.`.
 */
export function pythonImports(source: PythonSource): string[] {
  const found = new Set<string>();
  const visit = (node: PyNode): void => {
    if (!node.named || NO_STATEMENTS.has(node.type)) return;
    if (!IMPORTS.has(node.type)) {
      for (const child of node.children) visit(child);
      return;
    }
    const text = source.text
      .slice(node.from, node.to)
      .replace(/#[^\n]*/g, '')
      .replace(/\\\r?\n/g, ' ');
    const from = /^\s*from\s+([\s\S]*?)\s+import\b/.exec(text);
    if (from) found.add(from[1]!.replace(/\s+/g, ''));
    else
      for (const part of text.replace(/^\s*import\s+/, '').replace(/[()]/g, '').split(',')) {
        const module = part.replace(/\s+as\s+\w+\s*$/, '').replace(/\s+/g, '');
        if (module) found.add(module);
      }
  };
  visit(source.root);
  return [...found];
}
