import { acrossEnvironments, type CiPlatform } from '../environments.js';
import type { ConditionValue } from '../source-facts.js';
import { fieldOf, partsOf, type PyNode, type PythonSource } from './parse.js';
import { argListOf, argumentsOf, calleeOf, textOf } from './syntax.js';

/**
 * The value of a skip condition over every environment a CI runs in, as for JS
 * (`js/environment-eval.ts`): `sys.platform`, `platform.system()`, `os.name` on Linux, macOS and
 * Windows, and environment variables (`os.environ.get("CI")`, `os.getenv("CI")`,
 * `"CI" in os.environ`) set or unset. A condition true everywhere skips always
 * (`sys.platform != "plan9"`), false everywhere never; anything not modelled stays dynamic.
 */

/** What `sys.platform`, `platform.system()` and `os.name` say on each CI platform. */
const PLATFORMS: Record<CiPlatform, { sys: string; system: string; os: string }> = {
  linux: { sys: 'linux', system: 'Linux', os: 'posix' },
  darwin: { sys: 'darwin', system: 'Darwin', os: 'posix' },
  win32: { sys: 'win32', system: 'Windows', os: 'nt' },
};

const UNKNOWN = Symbol('unknown');
type Value = string | number | boolean | null | readonly Value[] | typeof UNKNOWN;

interface Environment {
  platform: { sys: string; system: string; os: string };
  variables: ReadonlyMap<string, string | undefined>;
}

interface Reads {
  platform: boolean;
  variables: Set<string>;
}

/** `os.environ.get("X")`, `os.getenv("X")`, `environ.get("X")` → X. */
function envRead(source: PythonSource, node: PyNode): string | null {
  if (node.type !== 'call') return null;
  if (!/^(os\.)?(environ\.get|getenv)$/.test(calleeOf(source, node))) return null;
  const first = argumentsOf(source, argListOf(node))[0];
  return first?.node.type === 'string' ? stringValue(source, first.node) : null;
}

function stringValue(source: PythonSource, node: PyNode): string | null {
  const match = /^([rRuU]?)(['"])([^'"\\]*)\2$/.exec(textOf(source, node));
  return match ? match[3]! : null;
}

function platformRead(source: PythonSource, node: PyNode): ((env: Environment) => string) | null {
  const text = textOf(source, node).replace(/\s+/g, '');
  if (text === 'sys.platform') return (env) => env.platform.sys;
  if (text === 'platform.system()') return (env) => env.platform.system;
  if (text === 'os.name') return (env) => env.platform.os;
  return null;
}

function isEnviron(source: PythonSource, node: PyNode): boolean {
  return /^(os\.)?environ$/.test(textOf(source, node).replace(/\s+/g, ''));
}

export function environmentCondition(source: PythonSource, node: PyNode): ConditionValue {
  const reads: Reads = { platform: false, variables: new Set() };
  if (!collect(source, node, reads)) return 'dynamic';
  const always = acrossEnvironments(reads.platform, [...reads.variables], (platform, variables) => {
    const value = evaluate(source, node, { platform: PLATFORMS[platform], variables });
    return value === UNKNOWN ? null : isTruthy(value);
  });
  return always === null ? 'dynamic' : always ? 'always' : 'never';
}

function isTruthy(value: Exclude<Value, typeof UNKNOWN>): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

function collect(source: PythonSource, node: PyNode, reads: Reads): boolean {
  if (platformRead(source, node)) {
    reads.platform = true;
    return true;
  }
  const env = envRead(source, node);
  if (env !== null) {
    reads.variables.add(env);
    return true;
  }
  switch (node.type) {
    case 'string':
      return stringValue(source, node) !== null;
    case 'true':
    case 'false':
    case 'none':
    case 'integer':
      return true;
    case 'parenthesized_expression':
    case 'list':
    case 'tuple':
    case 'not_operator':
    case 'boolean_operator':
      return partsOf(node).every((part) => collect(source, part, reads));
    case 'comparison_operator': {
      const parts = partsOf(node);
      if (parts.length !== 2) return false;
      // `"CI" in os.environ`
      if (isEnviron(source, parts[1]!) && parts[0]!.type === 'string') {
        const name = stringValue(source, parts[0]!);
        if (name === null) return false;
        reads.variables.add(name);
        return true;
      }
      return parts.every((part) => collect(source, part, reads));
    }
    case 'call': {
      // `sys.platform.startswith("win")`
      const callee = fieldOf(node, 'function');
      if (callee?.type !== 'attribute') return false;
      const method = fieldOf(callee, 'attribute');
      const object = fieldOf(callee, 'object');
      if (!method || !object || !/^(startswith|endswith)$/.test(textOf(source, method))) return false;
      const args = argumentsOf(source, argListOf(node));
      return args.length === 1 && collect(source, object, reads) && collect(source, args[0]!.node, reads);
    }
    default:
      return false;
  }
}

function operatorsOf(node: PyNode): string[] {
  return node.children.filter((child) => !child.named).map((child) => child.type);
}

function evaluate(source: PythonSource, node: PyNode, env: Environment): Value {
  const platform = platformRead(source, node);
  if (platform) return platform(env);
  const variable = envRead(source, node);
  if (variable !== null) return env.variables.get(variable) ?? null;
  switch (node.type) {
    case 'string':
      return stringValue(source, node) ?? UNKNOWN;
    case 'true':
      return true;
    case 'false':
      return false;
    case 'none':
      return null;
    case 'integer':
      return Number(textOf(source, node));
    case 'parenthesized_expression': {
      const parts = partsOf(node);
      return parts.length === 1 ? evaluate(source, parts[0]!, env) : UNKNOWN;
    }
    case 'list':
    case 'tuple': {
      const items = partsOf(node).map((part) => evaluate(source, part, env));
      return items.includes(UNKNOWN) ? UNKNOWN : items;
    }
    case 'not_operator': {
      const argument = fieldOf(node, 'argument');
      const value = argument ? evaluate(source, argument, env) : UNKNOWN;
      return value === UNKNOWN ? UNKNOWN : !isTruthy(value);
    }
    case 'boolean_operator': {
      const left = fieldOf(node, 'left');
      const right = fieldOf(node, 'right');
      const operator = fieldOf(node, 'operator')?.type ?? operatorsOf(node)[0];
      if (!left || !right) return UNKNOWN;
      const value = evaluate(source, left, env);
      if (value === UNKNOWN) return UNKNOWN;
      if (operator === 'and') return isTruthy(value) ? evaluate(source, right, env) : value;
      if (operator === 'or') return isTruthy(value) ? value : evaluate(source, right, env);
      return UNKNOWN;
    }
    case 'comparison_operator': {
      const parts = partsOf(node);
      const operator = operatorsOf(node).join(' ');
      if (parts.length !== 2) return UNKNOWN;
      if (isEnviron(source, parts[1]!) && parts[0]!.type === 'string') {
        const present = env.variables.get(stringValue(source, parts[0]!) ?? '') !== undefined;
        return operator === 'in' ? present : operator === 'not in' ? !present : UNKNOWN;
      }
      const left = evaluate(source, parts[0]!, env);
      const right = evaluate(source, parts[1]!, env);
      if (left === UNKNOWN || right === UNKNOWN) return UNKNOWN;
      switch (operator) {
        case '==':
          return same(left, right);
        case '!=':
          return !same(left, right);
        case 'in':
          return Array.isArray(right) ? right.some((item) => same(item as Value, left)) : typeof right === 'string' && typeof left === 'string' ? right.includes(left) : UNKNOWN;
        case 'not in':
          return Array.isArray(right) ? !right.some((item) => same(item as Value, left)) : typeof right === 'string' && typeof left === 'string' ? !right.includes(left) : UNKNOWN;
        default:
          return UNKNOWN;
      }
    }
    case 'call': {
      const callee = fieldOf(node, 'function');
      const method = callee ? fieldOf(callee, 'attribute') : null;
      const object = callee ? fieldOf(callee, 'object') : null;
      const argument = argumentsOf(source, argListOf(node))[0];
      if (!method || !object || !argument) return UNKNOWN;
      const text = evaluate(source, object, env);
      const prefix = evaluate(source, argument.node, env);
      if (typeof text !== 'string' || typeof prefix !== 'string') return UNKNOWN;
      return textOf(source, method) === 'startswith' ? text.startsWith(prefix) : text.endsWith(prefix);
    }
    default:
      return UNKNOWN;
  }
}

function same(left: Value, right: Value): boolean {
  return !Array.isArray(left) && !Array.isArray(right) && left === right;
}
