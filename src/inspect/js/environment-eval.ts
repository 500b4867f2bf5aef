import type { Expression, Node } from 'oxc-parser';
import { acrossEnvironments, type CiPlatform } from '../environments.js';
import type { Truthiness } from './static-eval.js';

/**
 * The truthiness of a skip condition over every environment a CI runs in: the operating system
 * (`process.platform`, `os.platform()`, `os.type()`) and environment variables
 * (`process.env.CI`, `process.env['X']`, set or unset). A condition that holds on Linux, macOS
 * and Windows with any setting of the variables it reads skips the test everywhere: a skip
 * condition "widened to always" (`skipIf(process.platform !== 'plan9')`,
 * `skipIf(!process.env.CI || process.env.CI)`). One that never holds skips nothing. Anything
 * else this evaluator does not model (`isWindows`, a function call) leaves it unknown.
 */

/** `os.type()` on each CI platform. */
const OS_TYPES: Record<CiPlatform, string> = { linux: 'Linux', darwin: 'Darwin', win32: 'Windows_NT' };

const UNKNOWN = Symbol('unknown');
type Value = string | number | boolean | null | undefined | readonly Value[] | typeof UNKNOWN;

interface Environment {
  platform: CiPlatform;
  variables: ReadonlyMap<string, string | undefined>;
}

export function environmentTruthiness(expression: Expression): Truthiness {
  const reads = { platform: false, variables: new Set<string>() };
  if (!collectReads(expression, reads)) return 'unknown';
  const always = acrossEnvironments(reads.platform, [...reads.variables], (platform, variables) => {
    const value = evaluate(expression, { platform, variables });
    return value === UNKNOWN ? null : Boolean(value);
  });
  return always === null ? 'unknown' : always ? 'truthy' : 'falsy';
}

function isProcessMember(node: Node, name: string): boolean {
  return node.type === 'MemberExpression' && !node.computed && node.object.type === 'Identifier' && node.object.name === 'process' && node.property.type === 'Identifier' && node.property.name === name;
}

/** `process.env.X` / `process.env['X']` → X. */
function envName(node: Node): string | null {
  if (node.type !== 'MemberExpression' || !isProcessMember(node.object, 'env')) return null;
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.computed && node.property.type === 'Literal' && typeof node.property.value === 'string') return node.property.value;
  return null;
}

/** `os.platform()` / `os.type()` (a `node:os` namespace or default import named `os`). */
function osCall(node: Node): 'platform' | 'type' | null {
  if (node.type !== 'CallExpression' || node.arguments.length > 0) return null;
  const callee = node.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.object.type !== 'Identifier' || callee.object.name !== 'os' || callee.property.type !== 'Identifier') return null;
  return callee.property.name === 'platform' ? 'platform' : callee.property.name === 'type' ? 'type' : null;
}

/** Records what the expression reads; false when it reads something not modelled (so it stays unknown). */
function collectReads(node: Node, reads: { platform: boolean; variables: Set<string> }): boolean {
  if (isProcessMember(node, 'platform') || osCall(node) !== null) {
    reads.platform = true;
    return true;
  }
  const env = envName(node);
  if (env !== null) {
    reads.variables.add(env);
    return true;
  }
  switch (node.type) {
    case 'Literal':
      return !('regex' in node);
    case 'TemplateLiteral':
      return node.expressions.every((inner) => collectReads(inner, reads));
    case 'Identifier':
      return node.name === 'undefined';
    case 'UnaryExpression':
      return node.operator === '!' && collectReads(node.argument, reads);
    case 'BinaryExpression':
      return ['===', '!==', '==', '!='].includes(node.operator) && collectReads(node.left, reads) && collectReads(node.right, reads);
    case 'LogicalExpression':
      return collectReads(node.left, reads) && collectReads(node.right, reads);
    case 'ConditionalExpression':
      return collectReads(node.test, reads) && collectReads(node.consequent, reads) && collectReads(node.alternate, reads);
    case 'ArrayExpression':
      return node.elements.every((element) => element !== null && element.type !== 'SpreadElement' && collectReads(element, reads));
    case 'ParenthesizedExpression':
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
      return collectReads(node.expression, reads);
    case 'CallExpression': {
      const method = stringMethod(node);
      return method !== null && collectReads(method.object, reads) && node.arguments.every((arg) => arg.type !== 'SpreadElement' && collectReads(arg, reads));
    }
    default:
      return false;
  }
}

const METHODS = new Set(['includes', 'startsWith', 'endsWith']);

function stringMethod(node: Node): { object: Expression; name: string } | null {
  if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.computed || node.callee.property.type !== 'Identifier') return null;
  return METHODS.has(node.callee.property.name) ? { object: node.callee.object, name: node.callee.property.name } : null;
}

function evaluate(node: Node, env: Environment): Value {
  if (isProcessMember(node, 'platform')) return env.platform;
  const os = osCall(node);
  if (os !== null) return os === 'platform' ? env.platform : OS_TYPES[env.platform];
  const name = envName(node);
  if (name !== null) return env.variables.get(name);
  switch (node.type) {
    case 'Literal':
      return 'regex' in node ? UNKNOWN : (node.value as Value);
    case 'TemplateLiteral': {
      let text = node.quasis[0]?.value.cooked ?? '';
      for (let i = 0; i < node.expressions.length; i++) {
        const value = evaluate(node.expressions[i]!, env);
        if (value === UNKNOWN) return UNKNOWN;
        text += String(value) + (node.quasis[i + 1]?.value.cooked ?? '');
      }
      return text;
    }
    case 'Identifier':
      return node.name === 'undefined' ? undefined : UNKNOWN;
    case 'UnaryExpression': {
      const value = evaluate(node.argument, env);
      return value === UNKNOWN ? UNKNOWN : !value;
    }
    case 'BinaryExpression': {
      const left = evaluate(node.left, env);
      const right = evaluate(node.right, env);
      if (left === UNKNOWN || right === UNKNOWN || isList(left) || isList(right)) return UNKNOWN;
      switch (node.operator) {
        case '===':
          return left === right;
        case '!==':
          return left !== right;
        case '==':
          return looseEquals(left, right);
        case '!=':
          return !looseEquals(left, right);
        default:
          return UNKNOWN;
      }
    }
    case 'LogicalExpression': {
      const left = evaluate(node.left, env);
      if (left === UNKNOWN) return UNKNOWN;
      if (node.operator === '&&') return left ? evaluate(node.right, env) : left;
      if (node.operator === '||') return left ? left : evaluate(node.right, env);
      return left ?? evaluate(node.right, env);
    }
    case 'ConditionalExpression': {
      const test = evaluate(node.test, env);
      return test === UNKNOWN ? UNKNOWN : evaluate(test ? node.consequent : node.alternate, env);
    }
    case 'ArrayExpression': {
      const items: Value[] = [];
      for (const element of node.elements) {
        if (element === null || element.type === 'SpreadElement') return UNKNOWN;
        items.push(evaluate(element, env));
      }
      return items.includes(UNKNOWN) ? UNKNOWN : items;
    }
    case 'ParenthesizedExpression':
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
      return evaluate(node.expression, env);
    case 'CallExpression': {
      const method = stringMethod(node);
      if (!method || node.arguments.length !== 1) return UNKNOWN;
      const object = evaluate(method.object, env);
      const argument = evaluate(node.arguments[0]!, env);
      if (object === UNKNOWN || argument === UNKNOWN) return UNKNOWN;
      if (isList(object)) return method.name === 'includes' ? object.includes(argument) : UNKNOWN;
      if (typeof object !== 'string' || typeof argument !== 'string') return UNKNOWN;
      return method.name === 'includes' ? object.includes(argument) : method.name === 'startsWith' ? object.startsWith(argument) : object.endsWith(argument);
    }
    default:
      return UNKNOWN;
  }
}

function isList(value: Value): value is readonly Value[] {
  return Array.isArray(value);
}

type Primitive = string | number | boolean | null | undefined;

/** JavaScript's `==` on primitives: null and undefined equal each other only; mixed types compare as numbers. */
function looseEquals(left: Primitive, right: Primitive): boolean {
  if (left === null || left === undefined || right === null || right === undefined) return (left ?? null) === (right ?? null);
  if (typeof left === typeof right) return left === right;
  return Number(left) === Number(right);
}
