import type { BindingPattern, Expression, Node, ParamPattern } from 'oxc-parser';
import type { ParsedSource } from './parse.js';
import { isTestFunctionName, resolveTestCallee, rootCallee, type TestCallee, type TestNameLookup } from './test-callee.js';

export interface TestNames {
  /** What a bare name denotes at the current point of the walk. */
  readonly lookup: TestNameLookup;
  enter(node: Node, ancestors: readonly Node[]): void;
  leave(node: Node): void;
}

/**
 * Tracks, during the walk, which names denote test functions:
 * - aliases: `const itIf = cond ? it : it.skip`, `const test = base.extend({...})`,
 *   `import { test as base } from '@playwright/test'` (file-wide, best effort);
 * - shadowing: a parameter or local declaration named like a test function that is not one
 *   (`const test = (condition) => …`, `function check(it) {…}`) hides the global inside its
 *   function, so its calls are not taken for registrations. Scopes are per function, not per
 *   block, and a hoisted `function test() {}` only hides the name after its declaration.
 */
export function createTestNames(source: ParsedSource): TestNames {
  const aliases = new Map<string, TestCallee>();
  // One set of hidden names per enclosing function, the file first.
  const shadowed: { owner: Node | null; names: Set<string> }[] = [{ owner: null, names: new Set() }];

  const lookup: TestNameLookup = (name) => {
    const alias = aliases.get(name);
    if (alias) return alias;
    if (!isTestFunctionName(name) || shadowed.some((scope) => scope.names.has(name))) return null;
    return rootCallee(name, name);
  };

  function hide(name: string): void {
    if (isTestFunctionName(name)) shadowed[shadowed.length - 1]!.names.add(name);
  }

  function onVariable(node: Node & { type: 'VariableDeclarator' }, ancestors: readonly Node[]): void {
    if (node.id.type !== 'Identifier') return;
    const name = node.id.name;
    const declaration = ancestors[ancestors.length - 1];
    const resolved = node.init ? resolveTestCallee(node.init, lookup, source.text) : null;
    if (resolved && declaration?.type === 'VariableDeclaration' && declaration.kind === 'const') {
      aliases.set(name, { ...resolved, text: name });
    } else if (!node.init || !isModuleValue(node.init)) {
      hide(name);
    }
  }

  function onImport(node: Node & { type: 'ImportDeclaration' }): void {
    for (const specifier of node.specifiers) {
      if (specifier.type !== 'ImportSpecifier') continue;
      const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
      const callee = imported !== specifier.local.name ? rootCallee(imported, specifier.local.name) : null;
      if (callee) aliases.set(specifier.local.name, callee);
    }
  }

  return {
    lookup,
    enter(node, ancestors) {
      switch (node.type) {
        case 'VariableDeclarator':
          onVariable(node, ancestors);
          break;
        case 'ImportDeclaration':
          onImport(node);
          break;
        case 'FunctionDeclaration':
        case 'FunctionExpression':
        case 'ArrowFunctionExpression':
          // A declaration's own name belongs to the enclosing scope; its parameters to its own.
          if (node.type === 'FunctionDeclaration' && node.id) hide(node.id.name);
          shadowed.push({ owner: node, names: new Set() });
          for (const param of node.params) for (const name of boundNames(param)) hide(name);
          break;
        default:
          break;
      }
    },
    leave(node) {
      if (shadowed.length > 1 && shadowed[shadowed.length - 1]!.owner === node) shadowed.pop();
    },
  };
}

/**
 * `require('node:test')`, `await import('vitest')`, `require('mocha').it`, `base.extend({...})`:
 * a value taken from a module or a fixture extension, so a test function rather than a local one.
 */
function isModuleValue(init: Expression): boolean {
  let current = init;
  for (;;) {
    switch (current.type) {
      case 'AwaitExpression':
      case 'ParenthesizedExpression':
      case 'TSAsExpression':
      case 'TSNonNullExpression':
        current = current.type === 'AwaitExpression' ? current.argument : current.expression;
        break;
      case 'MemberExpression':
        current = current.object;
        break;
      case 'ImportExpression':
        return true;
      case 'CallExpression': {
        const callee = current.callee;
        if (callee.type === 'Identifier') return callee.name === 'require';
        return callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'extend';
      }
      default:
        return false;
    }
  }
}

/** Every name a parameter binds (`a`, `{ a, b: c }`, `[d, ...e]`, `f = 1`). */
function boundNames(param: ParamPattern | BindingPattern): string[] {
  switch (param.type) {
    case 'Identifier':
      return [param.name];
    case 'AssignmentPattern':
      return boundNames(param.left);
    case 'RestElement':
      return boundNames(param.argument);
    case 'TSParameterProperty':
      return boundNames(param.parameter);
    case 'ArrayPattern':
      return param.elements.flatMap((element) => (element ? boundNames(element) : []));
    case 'ObjectPattern':
      return param.properties.flatMap((property) => boundNames(property.type === 'RestElement' ? property.argument : property.value));
    default:
      return [];
  }
}
