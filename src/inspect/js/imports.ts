import type { Argument, Node } from 'oxc-parser';

/**
 * The module a node imports, if it is an import: `import … from`, `export … from`,
 * `import x = require()`, and `import()`/`require()` of a constant string. A computed
 * specifier (`require(name)`) names no module statically and is left out.
 */
export function importedModule(node: Node): string | null {
  switch (node.type) {
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
      return node.source.value;
    case 'ExportNamedDeclaration':
      return node.source?.value ?? null;
    case 'TSImportEqualsDeclaration':
      return node.moduleReference.type === 'TSExternalModuleReference' ? node.moduleReference.expression.value : null;
    case 'ImportExpression':
      return constantString(node.source);
    case 'CallExpression':
      if (node.callee.type !== 'Identifier' || node.callee.name !== 'require' || node.arguments.length !== 1) return null;
      return constantString(node.arguments[0]!);
    default:
      return null;
  }
}

function constantString(argument: Argument): string | null {
  if (argument.type === 'Literal' && typeof argument.value === 'string') return argument.value;
  if (argument.type === 'TemplateLiteral' && argument.expressions.length === 0) return argument.quasis[0]?.value.cooked ?? null;
  return null;
}
