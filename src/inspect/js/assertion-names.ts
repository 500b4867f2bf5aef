import type { BindingPattern, Expression, Node } from 'oxc-parser';

/** Modules whose default export or namespace is an `assert` object (node:assert, chai, uvu…). */
const ASSERT_MODULE = /^(?:node:)?assert(?:\/strict)?$|^(?:chai|power-assert|uvu\/assert|vitest|@jest\/globals|bun:test)$/;
/** Modules whose named exports are assertion functions (`import { equal } from 'node:assert'`). */
const ASSERT_FUNCTION_MODULE = /^(?:node:)?assert(?:\/strict)?$|^(?:power-assert|uvu\/assert)$/;

/**
 * Local names through which a file asserts, besides the conventional globals (`expect`,
 * `assert`, `should`): import and require aliases (`import { strict as assert } from 'node:assert'`,
 * `const { deepEqual } = require('assert')`, `import { expect as e } from 'vitest'`). File-wide,
 * best effort: shadowing is not tracked.
 */
export interface AssertionNames {
  /** Names of `expect`-like functions (`expect`, `expectAsync`, aliases). */
  readonly expect: ReadonlySet<string>;
  /** Names of assert objects / functions (`assert`, aliases of node:assert, chai's `assert`). */
  readonly assert: ReadonlySet<string>;
  /** Named assertion functions imported from an assert module: local name → matcher (`equal`). */
  readonly functions: ReadonlyMap<string, string>;
  enter(node: Node): void;
}

export function createAssertionNames(): AssertionNames {
  const expect = new Set(['expect', 'expectAsync']);
  const assert = new Set(['assert']);
  const functions = new Map<string, string>();

  function bindNamed(imported: string, local: string, module: string): void {
    if (imported === 'expect') expect.add(local);
    else if (imported === 'assert' || imported === 'strict') assert.add(local);
    else if (ASSERT_FUNCTION_MODULE.test(module)) functions.set(local, imported);
  }

  function onRequire(id: BindingPattern, init: Expression): void {
    let current = init;
    // `require('node:assert').strict`, `require('chai').expect`
    let member: string | null = null;
    if (current.type === 'MemberExpression' && !current.computed) {
      member = current.property.name;
      current = current.object;
    }
    if (current.type !== 'CallExpression' || current.callee.type !== 'Identifier' || current.callee.name !== 'require') return;
    const argument = current.arguments[0];
    if (argument?.type !== 'Literal' || typeof argument.value !== 'string' || !ASSERT_MODULE.test(argument.value)) return;
    const module = argument.value;
    if (id.type === 'Identifier') {
      if (member === null) assert.add(id.name);
      else bindNamed(member, id.name, module);
      return;
    }
    if (id.type !== 'ObjectPattern' || member !== null) return;
    for (const property of id.properties) {
      if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') continue;
      const local = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
      if (local.type === 'Identifier') bindNamed(property.key.name, local.name, module);
    }
  }

  return {
    expect,
    assert,
    functions,
    enter(node) {
      if (node.type === 'ImportDeclaration') {
        const module = node.source.value;
        if (!ASSERT_MODULE.test(module)) return;
        for (const specifier of node.specifiers) {
          if (specifier.type === 'ImportSpecifier') {
            const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
            bindNamed(imported, specifier.local.name, module);
          } else if (module !== 'vitest' && module !== '@jest/globals' && module !== 'bun:test') {
            assert.add(specifier.local.name);
          }
        }
      } else if (node.type === 'VariableDeclarator' && node.init) {
        onRequire(node.id, node.init);
      }
    },
  };
}
