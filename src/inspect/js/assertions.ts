import type { Argument, CallExpression, Expression, Node } from 'oxc-parser';
import type { Assertion, AssertionStyle } from '../source-facts.js';
import type { AssertionNames } from './assertion-names.js';
import { truthiness } from './static-eval.js';
import { collapseWhitespace, excerpt } from './text.js';

/** An assertion as found at one place in the tree, before its failure handling is known. */
export interface FoundAssertion {
  assertion: Omit<Assertion, 'line' | 'swallowed' | 'viaHelper'>;
  /** Index in the ancestors of the outermost node of the assertion's expression; its failure leaves from there. */
  topIndex: number;
  /** `.catch(handler)` callbacks that receive this assertion's failure: swallowed when they discard it. */
  catchHandlers: Argument[];
}

export interface AssertionScope {
  readonly names: AssertionNames;
  readonly text: string;
  /** Whether a name is the context parameter of an enclosing test (`t`, `ctx`). */
  isContext(name: string): boolean;
}

/** Methods of a test context that assert (ava, tap, node:test `t.plan`); `t.assert.*` is node:test's. */
const CONTEXT_METHODS = new Set([
  'pass', 'fail', 'assert', 'truthy', 'falsy', 'true', 'false', 'is', 'not', 'deepEqual', 'notDeepEqual', 'like', 'unlike',
  'throws', 'throwsAsync', 'notThrows', 'notThrowsAsync', 'regex', 'notRegex', 'snapshot', 'ok', 'notOk', 'error', 'ifError',
  'equal', 'notEqual', 'strictEqual', 'notStrictEqual', 'same', 'notSame', 'strictSame', 'strictNotSame', 'has', 'notHas',
  'hasStrict', 'match', 'notMatch', 'type', 'doesNotThrow', 'rejects', 'resolves', 'resolveMatch', 'matchSnapshot', 'plan',
  'deepStrictEqual', 'notDeepStrictEqual',
]);

/** `expect.*` calls that are assertions on their own (the others, `expect.any(…)`, are asymmetric matchers or setup). */
const EXPECT_STATICS = new Set(['assertions', 'hasAssertions', 'fail', 'unreachable']);

/** Chain words that do not decide anything: a chain ending in one asserts nothing yet. */
const NOT_A_MATCHER = new Set(['not', 'resolves', 'rejects', 'soft', 'poll', 'to', 'be', 'been', 'is', 'that', 'which', 'and', 'has', 'have', 'with', 'at', 'of', 'same', 'but', 'does', 'still', 'also', 'deep', 'nested', 'own', 'ordered', 'any', 'all', 'should']);

/** Matchers that take no expected value: a second argument is a message. */
const UNARY = new Set(['truthy', 'falsy', 'ok', 'notOk', 'ifError', 'error', 'true', 'false', 'assert', 'exists', 'notExists', 'exist', 'snapshot', 'matchSnapshot', 'pass', 'fail', 'unreachable', 'hasAssertions']);
const UNARY_IS = /^is(?:Not)?(?:True|False|Null|Undefined|Defined|NaN|Ok|Empty|Function|Object|Array|String|Number|Boolean|Finite|Extensible|Sealed|Frozen|Callable|Iterable|Numeric)$/;
/** Matchers whose only argument is the expected count, not a value under test. */
const COUNT = new Set(['assertions', 'plan']);
/** Matchers that need neither. */
const BARE = new Set(['pass', 'fail', 'unreachable', 'hasAssertions']);

/** Playwright web-first matchers whose only argument is an options object. */
const PLAYWRIGHT_UNARY = new Set(['toBeVisible', 'toBeHidden', 'toBeEnabled', 'toBeDisabled', 'toBeChecked', 'toBeAttached', 'toBeEditable', 'toBeEmpty', 'toBeFocused', 'toBeInViewport', 'toBeOK']);
/** Playwright web-first matchers that take a value and then options. */
const PLAYWRIGHT_VALUED = new Set(['toHaveText', 'toContainText', 'toHaveURL', 'toHaveTitle', 'toHaveCount', 'toHaveValue', 'toHaveValues', 'toHaveAttribute', 'toHaveClass', 'toContainClass', 'toHaveCSS', 'toHaveId', 'toHaveJSProperty', 'toHaveRole', 'toHaveAccessibleName', 'toHaveAccessibleDescription', 'toHaveAccessibleErrorMessage', 'toHaveScreenshot', 'toMatchAriaSnapshot']);
/** Keys of Playwright assertion options: how long and how to look, not what is expected. */
const PLAYWRIGHT_OPTIONS = new Set(['timeout', 'ignoreCase', 'useInnerText', 'exact', 'visible', 'ratio', 'checked', 'editable', 'enabled', 'intervals', 'maxDiffPixels', 'maxDiffPixelRatio', 'threshold', 'animations', 'caret', 'mask', 'maskColor', 'scale', 'stylePath', 'omitBackground', 'fullPage', 'clip']);

/**
 * The expected arguments without a trailing Playwright options object (`toHaveText('Saved', {
 * timeout: 10_000 })`, `toBeVisible({ timeout })`): a longer timeout is not a rewritten
 * expectation, and two assertions differing only in options expect the same thing.
 */
function withoutOptions(matcher: string, args: readonly Argument[]): readonly Argument[] {
  const last = args[args.length - 1];
  const playwright = args.length === 1 ? PLAYWRIGHT_UNARY.has(matcher) : PLAYWRIGHT_VALUED.has(matcher);
  if (!playwright || last?.type !== 'ObjectExpression' || last.properties.length === 0) return args;
  const optionsOnly = last.properties.every((property) => property.type === 'Property' && !property.computed && property.key.type === 'Identifier' && PLAYWRIGHT_OPTIONS.has(property.key.name));
  return optionsOnly ? args.slice(0, -1) : args;
}

const EQUALITY = new Set(['toBe', 'toEqual', 'toStrictEqual', 'toMatchObject', 'equal', 'equals', 'eq', 'eql', 'strictEqual', 'deepEqual', 'deepStrictEqual', 'is', 'same', 'strictSame', 'like', 'toEqualTypeOf', 'assertType']);
const TRUTHY = new Set(['toBeTruthy', 'truthy', 'ok', 'isOk', 'assert']);
const FALSY = new Set(['toBeFalsy', 'falsy', 'notOk', 'isNotOk']);
const DEFINED = new Set(['toBeDefined', 'exist', 'exists', 'isDefined']);

/**
 * Recognises an assertion at `node` (entered with `ancestors`): the root of an `expect(…)` /
 * `x.should` chain, or an `assert*` / context call. Each assertion is found once, at its root.
 */
export function findAssertion(node: Node, ancestors: readonly Node[], scope: AssertionScope): FoundAssertion | null {
  if (node.type === 'MemberExpression') {
    if (node.computed || node.property.type !== 'Identifier' || node.property.name !== 'should') return null;
    if (node.object.type === 'Identifier' && node.object.name === 'should') return null;
    return fromChain(node, ancestors, scope, 'should', [], node.object);
  }
  if (node.type !== 'CallExpression') return null;
  const callee = unwrap(node.callee);
  const args = node.arguments;
  if (callee.type === 'Identifier') {
    const name = callee.name;
    if (scope.names.expect.has(name)) return fromChain(node, ancestors, scope, 'expect', [], args[0] ?? null);
    if (name === 'expectTypeOf') return fromChain(node, ancestors, scope, 'expectTypeOf', [], args[0] ?? null);
    if (name === 'should') return fromChain(node, ancestors, scope, 'should', [], args[0] ?? null);
    if (name === 'assertType') return direct(node, ancestors, scope, 'expectTypeOf', ['assertType'], 'assertType', args[0] ?? null, typeArgumentText(node, scope.text));
    if (scope.names.assert.has(name)) return fromCall(node, ancestors, scope, 'assert', [], 'truthy');
    const imported = scope.names.functions.get(name);
    return imported ? fromCall(node, ancestors, scope, 'assert', [imported], imported) : null;
  }
  if (callee.type !== 'MemberExpression' || callee.computed) return null;
  const path: string[] = [];
  let root: Expression = callee;
  while (root.type === 'MemberExpression') {
    if (root.computed || root.property.type !== 'Identifier') return null;
    path.unshift(root.property.name);
    root = unwrap(root.object);
  }
  if (root.type !== 'Identifier') return null;
  const name = root.name;
  const first = path[0]!;
  if (scope.names.expect.has(name) && path.length === 1) {
    if (first === 'soft' || first === 'poll') return fromChain(node, ancestors, scope, 'expect', [first], args[0] ?? null);
    if (EXPECT_STATICS.has(first)) return fromCall(node, ancestors, scope, 'expect', [first], first);
    return null;
  }
  if (name === 'chai' && first === 'expect' && path.length === 1) return fromChain(node, ancestors, scope, 'expect', [], args[0] ?? null);
  if (name === 'chai' && first === 'assert') path.shift();
  if (scope.names.assert.has(name) || (name === 'chai' && path.length > 0)) {
    return fromCall(node, ancestors, scope, 'assert', path, path.length === 0 ? 'truthy' : path[path.length - 1]!);
  }
  if (name === 'should') return fromCall(node, ancestors, scope, 'should', path, path[path.length - 1]!);
  if (name !== 't' && !scope.isContext(name)) return null;
  if (first === 'expect' && path.length === 1) return fromChain(node, ancestors, scope, 'expect', [], args[0] ?? null);
  if (first === 'assert') return fromCall(node, ancestors, scope, 'context', path, path.length === 1 ? 'truthy' : path[path.length - 1]!);
  if (path.length === 1 && CONTEXT_METHODS.has(first)) return fromCall(node, ancestors, scope, 'context', path, first);
  return null;
}

/** `assert.equal(actual, expected, message)`, `t.is(a, b)`, `expect.assertions(2)`: the arguments decide. */
function fromCall(call: CallExpression, ancestors: readonly Node[], scope: AssertionScope, style: AssertionStyle, chain: string[], matcher: string): FoundAssertion {
  const args = call.arguments;
  if (BARE.has(matcher)) return direct(call, ancestors, scope, style, chain, matcher, null, null);
  if (COUNT.has(matcher)) return direct(call, ancestors, scope, style, chain, matcher, null, args[0] ?? null);
  const unary = UNARY.has(matcher) || UNARY_IS.test(matcher);
  return direct(call, ancestors, scope, style, chain, matcher, args[0] ?? null, unary ? null : (args[1] ?? null));
}

function direct(
  call: CallExpression,
  ancestors: readonly Node[],
  scope: AssertionScope,
  style: AssertionStyle,
  chain: string[],
  matcher: string,
  actual: Argument | null,
  expected: Argument | string | null,
): FoundAssertion {
  const { topIndex, catchHandlers } = climbWrappers(call, ancestors);
  const expectedArgs = expected === null ? [] : typeof expected === 'string' ? expected : [expected];
  return { assertion: describe(style, chain, matcher, actual, expectedArgs, scope.text), topIndex, catchHandlers };
}

/**
 * `expect(x).not.toBe(y)`, `expect(x).to.be.true`, `x.should.equal(y)`: climbs from the root
 * call through property accesses and calls; the last word is the matcher, the arguments of a
 * final call the expected value. A trailing `.catch(h)` / `.then(…)` ends the chain.
 */
function fromChain(start: Node, ancestors: readonly Node[], scope: AssertionScope, style: AssertionStyle, prefix: string[], actual: Argument | null): FoundAssertion | null {
  const chain = [...prefix];
  let current: Node = start;
  let lastCall: CallExpression | null = null;
  let lastCallLength = -1;
  const catchHandlers: Argument[] = [];
  let index = ancestors.length - 1;
  for (; index >= 0; index--) {
    const parent = ancestors[index]!;
    if (parent.type === 'MemberExpression' && parent.object === current) {
      if (parent.computed || parent.property.type !== 'Identifier') break;
      const name = parent.property.name;
      if (name === 'then' || name === 'catch' || name === 'finally') {
        const call = ancestors[index - 1];
        if (name === 'catch' && call?.type === 'CallExpression' && call.callee === parent && call.arguments[0]) catchHandlers.push(call.arguments[0]);
        break;
      }
      chain.push(name);
      current = parent;
    } else if (parent.type === 'CallExpression' && parent.callee === current) {
      lastCall = parent;
      lastCallLength = chain.length;
      current = parent;
    } else if ((parent.type === 'ParenthesizedExpression' || parent.type === 'TSNonNullExpression') && parent.expression === current) {
      current = parent;
    } else {
      break;
    }
  }
  const matcher = chain[chain.length - 1];
  if (matcher === undefined || chain.length === prefix.length || NOT_A_MATCHER.has(matcher)) return null;
  let expected: readonly Argument[] | string = [];
  if (lastCall && lastCallLength === chain.length) {
    expected = lastCall.arguments.length > 0 ? withoutOptions(matcher, lastCall.arguments) : typeArgumentText(lastCall, scope.text) ?? [];
  }
  // `await expect(p.catch(() => {})).resolves…`: a rejection of p never reaches the assertion.
  if (actual && chain.includes('resolves')) {
    const handler = promiseCatchHandler(actual);
    if (handler) catchHandlers.push(handler);
  }
  const actualOrType = actual ?? (start.type === 'CallExpression' ? typeArgumentText(start, scope.text) : null);
  return { assertion: describe(style, chain, matcher, actualOrType, expected, scope.text), topIndex: index + 1, catchHandlers };
}

/** The outermost node of a direct call's expression (through parentheses), and a trailing `.catch(h)`. */
function climbWrappers(call: CallExpression, ancestors: readonly Node[]): { topIndex: number; catchHandlers: Argument[] } {
  let current: Node = call;
  let index = ancestors.length - 1;
  const catchHandlers: Argument[] = [];
  for (; index >= 0; index--) {
    const parent = ancestors[index]!;
    if ((parent.type === 'ParenthesizedExpression' || parent.type === 'AwaitExpression') && (parent.type === 'AwaitExpression' ? parent.argument : parent.expression) === current) {
      current = parent;
      continue;
    }
    if (parent.type === 'MemberExpression' && parent.object === current && !parent.computed && parent.property.type === 'Identifier' && parent.property.name === 'catch') {
      const catchCall = ancestors[index - 1];
      if (catchCall?.type === 'CallExpression' && catchCall.callee === parent && catchCall.arguments[0]) catchHandlers.push(catchCall.arguments[0]);
    }
    break;
  }
  return { topIndex: index + 1, catchHandlers };
}

/** `p.catch(h)` (through `await` and parentheses): h. */
function promiseCatchHandler(node: Argument): Argument | null {
  let current: Argument = node;
  while (current.type === 'AwaitExpression' || current.type === 'ParenthesizedExpression') current = current.type === 'AwaitExpression' ? current.argument : current.expression;
  if (current.type !== 'CallExpression') return null;
  const callee = current.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'catch') return null;
  return current.arguments[0] ?? null;
}

function typeArgumentText(call: CallExpression, text: string): string | null {
  const params = call.typeArguments?.params;
  if (!params || params.length === 0) return null;
  return excerpt(text.slice(params[0]!.start, params[params.length - 1]!.end));
}

function describe(
  style: AssertionStyle,
  chain: string[],
  matcher: string,
  actual: Argument | string | null,
  expected: readonly Argument[] | string,
  text: string,
): FoundAssertion['assertion'] {
  const negated = chain.includes('not') || /^(?:not|isNot|doesNot)(?:[A-Z]|$)/.test(matcher);
  const actualText = actual === null ? null : typeof actual === 'string' ? actual : excerpt(text.slice(actual.start, actual.end));
  let expectedText: string | null = null;
  let expectedIsLiteral = false;
  if (typeof expected === 'string') {
    expectedText = expected;
  } else if (expected.length > 0) {
    expectedText = excerpt(text.slice(expected[0]!.start, expected[expected.length - 1]!.end));
    expectedIsLiteral = expected.every(isLiteral);
  }
  const actualNode = actual !== null && typeof actual !== 'string' ? actual : null;
  const single = typeof expected !== 'string' && expected.length === 1 ? expected[0]! : null;
  return {
    style,
    chain,
    matcher,
    negated,
    actual: actualText,
    expected: expectedText,
    expectedIsLiteral,
    tautology: isTautology(matcher, negated, actualNode, actualText, single, expectedText, style),
  };
}

/**
 * Whether the assertion can never fail: the same text on both sides of an equality
 * (`expect(x).toBe(x)`), two equal literals, or a truthiness check of a constant (`assert(true)`,
 * `expect(1).toBeTruthy()`), and `t.pass()`.
 */
function isTautology(
  matcher: string,
  negated: boolean,
  actual: Argument | null,
  actualText: string | null,
  expected: Argument | null,
  expectedText: string | null,
  style: AssertionStyle,
): boolean {
  if (style === 'context' && matcher === 'pass') return true;
  if (actual === null || actual.type === 'SpreadElement') return false;
  if (EQUALITY.has(matcher) && expected !== null) {
    const same = actualText === expectedText || (isLiteral(actual) && isLiteral(expected) && sameLiteral(actual, expected));
    if (same) return !negated;
    // Two different constants: `expect(1).not.toBe(2)` always passes.
    return negated && isPrimitiveLiteral(actual) && isPrimitiveLiteral(expected);
  }
  if (expected !== null || !isLiteral(actual)) return false;
  const value = truthiness(actual);
  let holds: boolean | null = null;
  if (TRUTHY.has(matcher) || (style === 'assert' && matcher === 'truthy')) holds = value === 'truthy';
  else if (FALSY.has(matcher)) holds = value === 'falsy';
  else if (matcher === 'true' || matcher === 'isTrue') holds = actual.type === 'Literal' && actual.value === true;
  else if (matcher === 'false' || matcher === 'isFalse') holds = actual.type === 'Literal' && actual.value === false;
  else if (DEFINED.has(matcher)) holds = !isUndefined(actual);
  else if (matcher === 'toBeUndefined' || matcher === 'isUndefined') holds = isUndefined(actual);
  else if (matcher === 'toBeNull' || matcher === 'isNull') holds = actual.type === 'Literal' && actual.value === null && !('regex' in actual);
  // A constant either always passes or always fails the check.
  return holds !== null && holds !== negated;
}

function isUndefined(node: Expression): boolean {
  return (node.type === 'Identifier' && node.name === 'undefined') || (node.type === 'UnaryExpression' && node.operator === 'void');
}

function sameLiteral(a: Argument, b: Argument): boolean {
  const left = unwrapArgument(a);
  const right = unwrapArgument(b);
  if (left.type === 'Literal' && right.type === 'Literal') {
    if ('regex' in left || 'regex' in right) return left.raw === right.raw;
    return Object.is(left.value, right.value);
  }
  return false;
}

function isPrimitiveLiteral(node: Argument): boolean {
  const inner = unwrapArgument(node);
  return inner.type === 'Literal' && !('regex' in inner);
}

/**
 * A literal: number, string, bigint, boolean, null, regex, `undefined`, `NaN`, `Infinity`, a
 * negative number, a template without substitutions, and arrays / objects of literals.
 */
export function isLiteral(node: Argument): boolean {
  const inner = unwrapArgument(node);
  switch (inner.type) {
    case 'Literal':
      return true;
    case 'TemplateLiteral':
      return inner.expressions.length === 0;
    case 'Identifier':
      return inner.name === 'undefined' || inner.name === 'NaN' || inner.name === 'Infinity';
    case 'UnaryExpression':
      return (inner.operator === '-' || inner.operator === '+') && isLiteral(inner.argument) && (inner.argument.type === 'Literal' || inner.argument.type === 'Identifier');
    case 'ArrayExpression':
      return inner.elements.every((element) => element === null || (element.type !== 'SpreadElement' && isLiteral(element)));
    case 'ObjectExpression':
      return inner.properties.every(
        (property) => property.type === 'Property' && !property.method && property.kind === 'init' && !property.shorthand && (!property.computed || property.key.type === 'Literal') && isLiteral(property.value),
      );
    default:
      return false;
  }
}

function unwrapArgument(node: Argument): Argument {
  let current = node;
  while (
    current.type === 'ParenthesizedExpression' ||
    current.type === 'TSAsExpression' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'TSNonNullExpression'
  ) {
    current = current.expression;
  }
  return current;
}

function unwrap(expression: Expression): Expression {
  let current = expression;
  while (current.type === 'ParenthesizedExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSInstantiationExpression') current = current.expression;
  return current;
}

/** Whitespace-collapsed source text of a node. */
export function nodeText(text: string, node: { start: number; end: number }): string {
  return collapseWhitespace(text.slice(node.start, node.end));
}
