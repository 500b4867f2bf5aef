import type { BindingPattern, Expression, Node } from 'oxc-parser';

/** What a local name was imported as: `import { a as b } from './m'` → b: { module: './m', name: 'a' }. */
export interface ImportedBinding {
  module: string;
  /** The export it refers to: a name, `default`, or `*` for a namespace (`import * as h`, `const h = require()`). */
  name: string;
}

export interface ModuleBindings {
  /** Local name → what it was imported as. */
  imports: Map<string, ImportedBinding>;
  /** Exported name → local name (`export function a`, `export { a as b }`, `export default a`, `exports.a = a`). */
  exports: Map<string, string>;
  /** `export { a as b } from './m'` (name `b`, imported `a`) and `export * from './m'` (name and imported `*`). */
  reexports: Reexport[];
}

export interface Reexport {
  name: string;
  module: string;
  imported: string;
}

/**
 * Collects a module's top-level import and export bindings during the shared walk, so a test's
 * call of an imported helper (`expectValid(res)`, `h.expectValid(res)`) can be followed into the
 * module that defines it, and a module can say which of its functions it exports.
 */
export function createBindingCollector(): { enter(node: Node, ancestors: readonly Node[]): void; result(): ModuleBindings } {
  const imports = new Map<string, ImportedBinding>();
  const exports = new Map<string, string>();
  const reexports: Reexport[] = [];
  const exportDeclared = (declaration: Node | null | undefined): void => {
    if (!declaration) return;
    if (declaration.type === 'FunctionDeclaration' && declaration.id) exports.set(declaration.id.name, declaration.id.name);
    if (declaration.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) if (declarator.id.type === 'Identifier') exports.set(declarator.id.name, declarator.id.name);
    }
  };
  return {
    enter(node, ancestors) {
      switch (node.type) {
        case 'ImportDeclaration':
          for (const specifier of node.specifiers) {
            const name =
              specifier.type === 'ImportDefaultSpecifier' ? 'default' : specifier.type === 'ImportNamespaceSpecifier' ? '*' : moduleExportName(specifier.imported);
            imports.set(specifier.local.name, { module: node.source.value, name });
          }
          return;
        case 'ExportNamedDeclaration':
          exportDeclared(node.declaration);
          for (const specifier of node.specifiers) {
            if (node.source) reexports.push({ name: moduleExportName(specifier.exported), module: node.source.value, imported: moduleExportName(specifier.local) });
            else if (specifier.local.type === 'Identifier') exports.set(moduleExportName(specifier.exported), specifier.local.name);
          }
          return;
        case 'ExportAllDeclaration':
          reexports.push({ name: node.exported ? moduleExportName(node.exported) : '*', module: node.source.value, imported: '*' });
          return;
        case 'ExportDefaultDeclaration': {
          const declaration = node.declaration;
          if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'FunctionExpression') && declaration.id) exports.set('default', declaration.id.name);
          else if (declaration.type === 'Identifier') exports.set('default', declaration.name);
          return;
        }
        case 'VariableDeclarator':
          // `const h = require('./h')`, `const { a, b: c } = require('./h')`, at the top level only.
          if (ancestors.length <= 2 && node.init) {
            const module = requiredModule(node.init);
            if (module !== null) bindRequire(node.id, module, imports);
          }
          return;
        case 'AssignmentExpression':
          commonJsExports(node.left, node.right, exports);
          return;
        default:
          return;
      }
    },
    result: () => ({ imports, exports, reexports }),
  };
}

function moduleExportName(node: Node): string {
  if (node.type === 'Identifier') return node.name;
  return node.type === 'Literal' && typeof node.value === 'string' ? node.value : '';
}

function requiredModule(init: Expression): string | null {
  if (init.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'require') return null;
  const argument = init.arguments[0];
  return argument?.type === 'Literal' && typeof argument.value === 'string' ? argument.value : null;
}

function bindRequire(pattern: BindingPattern, module: string, imports: Map<string, ImportedBinding>): void {
  if (pattern.type === 'Identifier') {
    imports.set(pattern.name, { module, name: '*' });
    return;
  }
  if (pattern.type !== 'ObjectPattern') return;
  for (const property of pattern.properties) {
    if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') continue;
    if (property.value.type === 'Identifier') imports.set(property.value.name, { module, name: property.key.name });
  }
}

/** `module.exports = { a, b: c }`, `module.exports.a = a`, `exports.a = a`. */
function commonJsExports(left: Node, right: Expression, exports: Map<string, string>): void {
  if (left.type !== 'MemberExpression' || left.computed || left.property.type !== 'Identifier') return;
  const object = left.object;
  const isModuleExports = (node: Node): boolean =>
    node.type === 'MemberExpression' && !node.computed && node.object.type === 'Identifier' && node.object.name === 'module' && node.property.type === 'Identifier' && node.property.name === 'exports';
  if (isModuleExports(left) && right.type === 'ObjectExpression') {
    for (const property of right.properties) {
      if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') continue;
      if (property.value.type === 'Identifier') exports.set(property.key.name, property.value.name);
      else if (property.value.type === 'FunctionExpression' || property.value.type === 'ArrowFunctionExpression') exports.set(property.key.name, `module.exports.${property.key.name}`);
    }
    return;
  }
  if ((object.type === 'Identifier' && object.name === 'exports') || isModuleExports(object)) {
    const name = left.property.name;
    // A function assigned in place is a helper named after the assignment target (see test-assertions' helperName).
    exports.set(name, right.type === 'Identifier' ? right.name : `${object.type === 'Identifier' ? 'exports' : 'module.exports'}.${name}`);
  }
}
