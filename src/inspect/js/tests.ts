import type {
  Argument,
  ArrowFunctionExpression,
  BindingPattern,
  CallExpression,
  Expression,
  Function as FunctionNode,
  Node,
  ObjectExpression,
  ParamPattern,
  Statement,
} from 'oxc-parser';
import type { ConditionValue, ExportedHelper, HelperCall, RuntimeSkip, TestCase, TestModifier } from '../source-facts.js';
import type { ImportedBinding } from './module-bindings.js';
import { bodyHash, statementHashes } from './body-hash.js';
import type { ParsedSource } from './parse.js';
import { combineConditions, skippedWhen, truthiness } from './static-eval.js';
import { resolveTestCallee, rootCallee, type TestCallee } from './test-callee.js';
import { createAssertionCollector, type AssertionCollector, type Owner } from './test-assertions.js';
import { createTestNames } from './test-names.js';
import { collapseWhitespace } from './text.js';

type FunctionLike = FunctionNode | ArrowFunctionExpression;

/** A test or suite while the walk is still inside it: inline skips found later still change it. */
interface OpenTest {
  kind: TestCase['kind'];
  fullName: string;
  modifiers: TestModifier[];
  skipCondition: ConditionValue | null;
  line: number;
  callee: string;
  bodyHash: string;
  statements: string[];
  endLine: number;
  /** Index of the enclosing test or suite in the inventory; -1 for the file itself. */
  parent: number;
  /** Skips written in the body (`t.skip()`, `this.skip()`, Playwright `test.skip()`). */
  runtimeSkips: RuntimeSkip[];
  /** `return` statements of the body function itself: early returns once the assertions are known. */
  returns: ReturnCandidate[];
  /** The body function (unwrapped from `fakeAsync(…)`), whose statements and returns count. */
  bodyFunction: FunctionLike | null;
  owner: Owner | null;
  /** Playwright `tag` option values of this call. */
  tags: string[];
}

interface ReturnCandidate {
  start: number;
  end: number;
  line: number;
  conditional: boolean;
}

/** A test or suite (or the file) whose body the walk is in. */
interface Scope {
  test: OpenTest;
  index: number;
  /** The registration call; the scope closes when the walk leaves it. */
  call: CallExpression | null;
  /** The body function, for inline skips: which statements run unconditionally. */
  body: FunctionLike | null;
  /** Parameters naming the test context (`t`, `ctx`, `testInfo`): `t.skip()` skips the test. */
  contextParams: ReadonlySet<string>;
  /** Names destructured as `skip` from a parameter (`({ skip }) => skip()`, vitest). */
  skipFunctions: ReadonlySet<string>;
}

/** Nodes under which a statement may not run: a skip inside one depends on runtime. */
const CONDITIONAL = new Set([
  'IfStatement',
  'ConditionalExpression',
  'LogicalExpression',
  'SwitchStatement',
  'ForStatement',
  'ForInStatement',
  'ForOfStatement',
  'WhileStatement',
  'DoWhileStatement',
  'CatchClause',
]);

export interface TestCollector {
  enter(node: Node, ancestors: readonly Node[]): void;
  leave(node: Node, ancestors: readonly Node[]): void;
  /** The inventory; `imports` maps local names to imported bindings, for the tests' helper calls. */
  result(imports?: ReadonlyMap<string, ImportedBinding>): TestCase[];
  /** Exported functions that assert, given the module's exports (exported name → local name). */
  exportedHelpers(exports: ReadonlyMap<string, string>): ExportedHelper[];
}

/**
 * Builds the test inventory during the shared walk: registrations of jest, vitest, mocha,
 * jasmine, node:test, Playwright and bun:test, nested into suites, with their modifiers, the
 * static value of their skip conditions and a hash of their bodies.
 */
export function createTestCollector(source: ParsedSource): TestCollector {
  const names = createTestNames(source);
  const inventory: OpenTest[] = [];
  const fileScope: Scope = {
    test: {
      kind: 'suite',
      fullName: '',
      modifiers: [],
      skipCondition: null,
      line: 0,
      callee: '',
      bodyHash: '',
      statements: [],
      endLine: 0,
      parent: -1,
      runtimeSkips: [],
      returns: [],
      bodyFunction: null,
      owner: null,
      tags: [],
    },
    index: -1,
    call: null,
    body: null,
    contextParams: new Set(),
    skipFunctions: new Set(),
  };
  const scopes: Scope[] = [fileScope];
  const assertions = createAssertionCollector(source, (name) => scopes.some((scope) => scope.contextParams.has(name)));

  function onCall(call: CallExpression, ancestors: readonly Node[]): void {
    const scope = scopes[scopes.length - 1]!;
    const callee = resolveTestCallee(call.callee, names.lookup, source.text) ?? subtestCallee(call, scope);
    if (!callee) {
      inlineContextSkip(call, scope, ancestors);
      return;
    }
    // Only Playwright calls `test.skip()`/`test.fixme()`/`test.fail()` inline; `it.skip(2)` is
    // more likely a local `it` (a lambda parameter) than a test function.
    if (callee.inline && callee.root === 'test' && isInlineForm(call.arguments)) {
      const condition = inlineCondition(call.arguments, scope, ancestors);
      applyInline(scope.test, callee.inline, condition);
      if (callee.inline === 'skip') addRuntimeSkip(scope.test, callee.text, call, condition);
      return;
    }
    const registration = registrationOf(call, callee, source.text);
    if (!registration) return;
    const test = openTest(call, callee, registration, scope);
    inventory.push(test);
    const body = registration.body && isFunction(registration.body) ? registration.body : null;
    test.owner = assertions.open(test.kind, call, body ?? call);
    scopes.push({ test, index: inventory.length - 1, call, body, ...contextNames(body) });
  }

  function addRuntimeSkip(test: OpenTest, kind: string, call: CallExpression, condition: ConditionValue | null): void {
    if (condition === 'never') return;
    test.runtimeSkips.push({ kind, line: source.lines.lineAt(call.start), conditional: condition !== null && condition !== 'always' });
  }

  /** A `return` of the test's own body function (not of a callback inside it). */
  function onReturn(node: Node & { type: 'ReturnStatement' }, ancestors: readonly Node[]): void {
    const scope = scopes[scopes.length - 1]!;
    const body = scope.test.bodyFunction;
    if (scope.index === -1 || scope.test.kind !== 'test' || !body) return;
    for (let index = ancestors.length - 1; index >= 0; index--) {
      const ancestor = ancestors[index]!;
      if (ancestor === body) break;
      if (ancestor.type === 'FunctionDeclaration' || ancestor.type === 'FunctionExpression' || ancestor.type === 'ArrowFunctionExpression') return;
      if (index === 0) return;
    }
    scope.test.returns.push({ start: node.start, end: node.end, line: source.lines.lineAt(node.start), conditional: isGuarded(ancestors, body) });
  }

  function openTest(call: CallExpression, callee: TestCallee, registration: Registration, parent: Scope): OpenTest {
    const name = registration.name;
    const bodyFunction = registration.body ? innerFunction(registration.body) : null;
    const test: OpenTest = {
      kind: callee.kind,
      fullName: parent.index === -1 ? name : `${parent.test.fullName} > ${name}`,
      modifiers: [...callee.modifiers],
      skipCondition: callee.skipCondition,
      line: source.lines.lineAt(call.start),
      callee: callee.text,
      bodyHash: registration.body ? bodyHash(source.text, source.comments, registration.body.start, registration.body.end) : '',
      statements: bodyFunction ? statementHashes(source.text, source.comments, statementsOf(bodyFunction)) : [],
      endLine: source.lines.lineAt(Math.max(call.start, call.end - 1)),
      parent: parent.index,
      runtimeSkips: [],
      returns: [],
      bodyFunction,
      owner: null,
      tags: [],
    };
    if (registration.options) applyOptions(test, registration.options);
    // vitest and mocha treat a test registered with only a name as a todo / pending test.
    if (!registration.body && !test.modifiers.includes('todo')) test.modifiers.push('todo');
    return test;
  }

  /** node:test subtests: `t.test('name', fn)` on the test's context parameter. */
  function subtestCallee(call: CallExpression, scope: Scope): TestCallee | null {
    const callee = call.callee;
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'test') return null;
    if (callee.object.type !== 'Identifier' || !scope.contextParams.has(callee.object.name)) return null;
    const subtest = rootCallee('test', `${callee.object.name}.test`);
    return subtest && { ...subtest, describable: false };
  }

  /** `t.skip()`, `this.skip()`, `ctx.skip(cond)`, `skip()`: the running test skips itself. */
  function inlineContextSkip(call: CallExpression, scope: Scope, ancestors: readonly Node[]): void {
    if (scope.index === -1) return;
    const callee = call.callee;
    let effect: 'skip' | 'todo' | null = null;
    if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
      const method = callee.property.name;
      const owner = callee.object;
      const isContext = owner.type === 'ThisExpression' || (owner.type === 'Identifier' && scope.contextParams.has(owner.name));
      if (isContext && (method === 'skip' || method === 'todo')) effect = method;
    } else if (callee.type === 'Identifier' && scope.skipFunctions.has(callee.name)) {
      effect = 'skip';
    }
    if (!effect) return;
    // node:test's `t.skip('message')` takes a message; vitest's `ctx.skip(condition, note)` a condition.
    const args = call.arguments;
    const messageOnly = args.length === 1 && isStringLike(args[0]!);
    const condition = args.length === 0 || messageOnly ? 'always' : conditionOf(args[0]!);
    const guarded = isGuarded(ancestors, scope.body) && condition === 'always' ? 'dynamic' : condition;
    if (effect === 'todo') {
      if (guarded !== 'never' && !scope.test.modifiers.includes('todo')) scope.test.modifiers.push('todo');
    } else {
      applyInline(scope.test, 'skip', guarded);
    }
    addRuntimeSkip(scope.test, collapseWhitespace(source.text.slice(callee.start, callee.end)), call, guarded);
  }

  function inlineCondition(args: readonly Argument[], scope: Scope, ancestors: readonly Node[]): ConditionValue {
    const first = args[0];
    const condition = !first ? 'always' : isFunction(first) ? 'dynamic' : conditionOf(first);
    return condition === 'always' && isGuarded(ancestors, scope.body) ? 'dynamic' : condition;
  }

  return {
    enter(node, ancestors) {
      names.enter(node, ancestors);
      if (node.type === 'CallExpression') onCall(node, ancestors);
      else if (node.type === 'ReturnStatement') onReturn(node, ancestors);
      assertions.enter(node, ancestors);
    },
    leave(node, ancestors) {
      names.leave(node);
      assertions.leave(node, ancestors);
      if (node.type === 'CallExpression' && scopes.length > 1 && scopes[scopes.length - 1]!.call === node) {
        scopes.pop();
        assertions.close(node);
      }
    },
    result: (imports) => finish(inventory, fileScope.test, assertions, imports ?? new Map()),
    exportedHelpers: (exports) => {
      const helpers: ExportedHelper[] = [];
      for (const [name, local] of exports) {
        const found = assertions.topLevelHelper(local);
        if (found && found.length > 0) helpers.push({ name, assertions: found });
      }
      return helpers;
    },
  };
}

interface Registration {
  name: string;
  /** The function (or wrapped function, `fakeAsync(() => …)`) holding the body; null for a todo. */
  body: Expression | null;
  /** node:test / vitest options object (`{ skip: true }`). */
  options: ObjectExpression | null;
}

/**
 * Whether a call to a test function registers a test, and with what: `name, [options,] fn`,
 * node:test's `[name,] [options,] fn`, a wrapped body (`it('x', fakeAsync(() => …))`), or a
 * name alone for todos (`it.todo('x')`, vitest's `it('x')`).
 */
function registrationOf(call: CallExpression, callee: TestCallee, text: string): Registration | null {
  const args = call.arguments.filter((arg): arg is Expression => arg.type !== 'SpreadElement');
  const first = args[0];
  if (!first) return null;
  let name: Expression | null = first;
  let options: ObjectExpression | null = null;
  let body: Expression | null = null;
  if (isFunction(first)) {
    name = null;
    body = first;
  } else if (first.type === 'ObjectExpression' && args.length > 1) {
    name = null;
    options = first;
  }
  for (const arg of args.slice(1)) {
    if (!body && isFunction(arg)) body = arg;
    else if (!options && arg.type === 'ObjectExpression') options = arg;
  }
  if (!body && name && isStringLike(name)) {
    // A body passed by reference or wrapped (`fakeAsync(() => …)`, `handler`): only after a
    // literal name, so that an unrelated `test(a, b)` helper is not taken for a test.
    body = args.slice(1).find((arg) => arg !== options && (arg.type === 'CallExpression' || arg.type === 'Identifier' || arg.type === 'MemberExpression')) ?? null;
  }
  if (!body) {
    const nameOnly = name !== null && isStringLike(name) && args.length === 1;
    if (!nameOnly && !callee.modifiers.includes('todo')) return null;
  }
  return { name: name ? testName(name, text) : functionName(body), body, options };
}

/**
 * The name as the runner shows it, before interpolation: string values as they are (printf
 * placeholders such as `%s` and vitest's `$a` included), template substitutions as `${}`, and
 * any other expression as `<expr:source>`.
 */
function testName(name: Expression, text: string): string {
  if (name.type === 'Literal' && typeof name.value === 'string') return name.value;
  if (name.type === 'TemplateLiteral') return name.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join('${}');
  return `<expr:${collapseWhitespace(text.slice(name.start, name.end))}>`;
}

/** node:test names an unnamed test after its function. */
function functionName(body: Expression | null): string {
  return body?.type === 'FunctionExpression' && body.id ? body.id.name : '<anonymous>';
}

/** Options objects: `{ skip: true }`, `{ skip: 'reason' }`, `{ only: true }`, `{ todo: true }`, vitest's `{ fails: true }`… */
const OPTION_MODIFIERS: Readonly<Record<string, TestModifier>> = {
  skip: 'skip',
  only: 'only',
  todo: 'todo',
  fails: 'fails',
  concurrent: 'concurrent',
  sequential: 'sequential',
};

function applyOptions(test: OpenTest, options: ObjectExpression): void {
  for (const property of options.properties) {
    if (property.type !== 'Property' || property.computed) continue;
    const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : null;
    if (key === 'tag') test.tags.push(...stringsOf(property.value));
    const modifier = key !== null && Object.hasOwn(OPTION_MODIFIERS, key) ? OPTION_MODIFIERS[key] : undefined;
    if (!modifier) continue;
    const value = truthiness(property.value);
    if (value === 'falsy') continue;
    if (modifier === 'skip') applyInline(test, 'skip', value === 'truthy' ? null : 'dynamic');
    else if (!test.modifiers.includes(modifier)) test.modifiers.push(modifier);
  }
}

/** A string literal, or an array of them (Playwright `tag: '@slow'` / `tag: ['@a', '@b']`). */
function stringsOf(node: Node): string[] {
  if (node.type === 'Literal' && typeof node.value === 'string') return [node.value];
  if (node.type === 'ArrayExpression') return node.elements.flatMap((element) => (element && element.type !== 'SpreadElement' ? stringsOf(element) : []));
  return [];
}

/** `@word` tokens of a title: Playwright and mocha projects tag tests in their names. */
function titleTags(name: string): string[] {
  return name.match(/(?<![\w@])@[\w-]+/g) ?? [];
}

/**
 * Switches a test off from inside (Playwright `test.skip(cond)`, `test.fail()`, `t.skip()`).
 * A skip under a condition is recorded as `skip` with that condition; a test already skipped
 * unconditionally stays so.
 */
function applyInline(test: OpenTest, effect: 'skip' | 'fails', condition: ConditionValue | null): void {
  if (effect === 'fails') {
    if (condition !== 'never' && !test.modifiers.includes('fails')) test.modifiers.push('fails');
    return;
  }
  const skipped = test.modifiers.includes('skip');
  if (skipped && test.skipCondition === null) return;
  if (!skipped) test.modifiers.push('skip');
  // A plain test takes the condition as it is; one already under a condition (skipIf, a
  // conditional callee) combines both, an unconditional skip counting as `always`.
  test.skipCondition = !skipped && test.skipCondition === null ? condition : combineConditions(test.skipCondition, condition ?? 'always');
}

/**
 * Playwright's inline forms have no body: `test.skip()`, `test.skip(cond, 'reason')`,
 * `test.fixme(({ browserName }) => browserName === 'webkit')`. A string first argument or a
 * function after it makes a registration instead (`test.skip('title', fn)`), and so does a
 * function with a block body (node:test's unnamed `test.skip(() => { … })`).
 */
function isInlineForm(args: readonly Argument[]): boolean {
  const first = args[0];
  if (!first) return true;
  if (first.type === 'SpreadElement' || isStringLike(first) || args.slice(1).some(isFunction)) return false;
  if (first.type === 'ArrowFunctionExpression') return first.expression;
  return !isFunction(first);
}

function conditionOf(argument: Argument): ConditionValue {
  return argument.type === 'SpreadElement' ? 'dynamic' : skippedWhen(truthiness(argument));
}

/** Whether a call sits under a branch, loop or catch inside the body that owns it. */
function isGuarded(ancestors: readonly Node[], body: FunctionLike | null): boolean {
  for (let index = ancestors.length - 1; index >= 0; index--) {
    const ancestor = ancestors[index]!;
    if (ancestor === body) return false;
    if (CONDITIONAL.has(ancestor.type)) return true;
  }
  return false;
}

function isFunction(node: Argument): node is FunctionLike {
  return node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression';
}

function isStringLike(node: Argument): boolean {
  return (node.type === 'Literal' && typeof node.value === 'string') || node.type === 'TemplateLiteral';
}

/** Names in the body function's parameters through which a test can skip itself. */
function contextNames(body: FunctionLike | null): Pick<Scope, 'contextParams' | 'skipFunctions'> {
  const contextParams = new Set<string>();
  const skipFunctions = new Set<string>();
  for (const param of body?.params ?? []) {
    const pattern = bindingOf(param);
    if (pattern?.type === 'Identifier') contextParams.add(pattern.name);
    if (pattern?.type !== 'ObjectPattern') continue;
    for (const property of pattern.properties) {
      if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier' || property.key.name !== 'skip') continue;
      const local = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
      if (local.type === 'Identifier') skipFunctions.add(local.name);
    }
  }
  return { contextParams, skipFunctions };
}

function bindingOf(param: ParamPattern): BindingPattern | null {
  if (param.type === 'TSParameterProperty') return param.parameter;
  if (param.type === 'RestElement') return null;
  return param.type === 'AssignmentPattern' ? param.left : param;
}

/**
 * Closes the inventory: each test inherits the switches of its enclosing suites and of the file
 * (a Playwright `test.skip()` at top level). A suite skipped under a runtime condition passes
 * on `skipIf`, one whose condition is constant passes on `skip` or nothing.
 */
function finish(inventory: readonly OpenTest[], file: OpenTest, collector: AssertionCollector, imports: ReadonlyMap<string, ImportedBinding>): TestCase[] {
  const inherited: TestModifier[][] = [];
  const tagLists: string[][] = [];
  const fileModifiers = inheritable(file);
  return inventory.map((test, index) => {
    const own = test.parent === -1 ? fileModifiers : union(inherited[test.parent]!, inheritable(inventory[test.parent]!));
    inherited[index] = own;
    const parentTags = test.parent === -1 ? [] : tagLists[test.parent]!;
    const tags = [...new Set([...parentTags, ...test.tags, ...titleTags(test.fullName.split(' > ').at(-1) ?? '')])];
    tagLists[index] = tags;
    const resolved = test.kind === 'test' && test.owner ? collector.resolve(test.owner) : [];
    const runtimeSkips = [...test.runtimeSkips, ...earlyReturns(test, resolved.map((entry) => entry.offset))].sort((a, b) => a.line - b.line);
    return {
      kind: test.kind,
      fullName: test.fullName,
      modifiers: test.modifiers,
      inheritedModifiers: [...own],
      skipCondition: test.skipCondition,
      line: test.line,
      callee: test.callee,
      bodyHash: test.bodyHash,
      statements: test.statements,
      assertions: resolved.map((entry) => entry.assertion),
      runtimeSkips,
      endLine: test.endLine,
      ...(tags.length > 0 ? { tags } : {}),
      ...(test.kind === 'test' && test.owner && imports.size > 0 ? helperCallsOf(collector.externalCalls(test.owner), imports) : {}),
    };
  });
}

/** Calls of imported bindings: `check()` (named or default import), `h.check()` (namespace or `require`). */
function helperCallsOf(calls: readonly { name: string; line: number }[], imports: ReadonlyMap<string, ImportedBinding>): { helperCalls?: HelperCall[] } {
  const found: HelperCall[] = [];
  for (const call of calls) {
    const [root, member, ...rest] = call.name.split('.');
    const binding = imports.get(root!);
    if (!binding || rest.length > 0) continue;
    const name = binding.name === '*' ? member : member === undefined ? binding.name : undefined;
    if (name === undefined) continue;
    found.push({ module: binding.module, name, line: call.line });
  }
  return found.length > 0 ? { helperCalls: found } : {};
}

/**
 * `return` statements before the test's first assertion with code after them: they end the test
 * early, so what follows (its assertions) does not run — always, or when under a condition.
 */
function earlyReturns(test: OpenTest, assertionOffsets: readonly number[]): RuntimeSkip[] {
  if (test.returns.length === 0 || !test.bodyFunction) return [];
  const first = assertionOffsets.length > 0 ? Math.min(...assertionOffsets) : Infinity;
  const body = test.bodyFunction.body;
  const statements = body && body.type === 'BlockStatement' ? body.body : [];
  const skips: RuntimeSkip[] = [];
  for (const candidate of test.returns) {
    if (candidate.start > first) continue;
    const codeAfter = assertionOffsets.some((offset) => offset >= candidate.end) || hasStatementAfter(statements, candidate.end);
    if (codeAfter) skips.push({ kind: 'return', line: candidate.line, conditional: candidate.conditional });
  }
  return skips;
}

/** Whether a statement (at any depth of blocks, branches and loops) starts at or after `offset`. */
function hasStatementAfter(statements: readonly (Statement | Node)[], offset: number): boolean {
  for (const statement of statements) {
    if (statement.start >= offset) return true;
    if (statement.end <= offset) continue;
    if (hasStatementAfter(childStatements(statement), offset)) return true;
  }
  return false;
}

function childStatements(statement: Node): Node[] {
  switch (statement.type) {
    case 'BlockStatement':
      return statement.body;
    case 'IfStatement':
      return statement.alternate ? [statement.consequent, statement.alternate] : [statement.consequent];
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'LabeledStatement':
      return [statement.body];
    case 'TryStatement':
      return [statement.block, ...(statement.handler ? [statement.handler.body] : []), ...(statement.finalizer ? [statement.finalizer] : [])];
    case 'SwitchStatement':
      return statement.cases.flatMap((switchCase) => switchCase.consequent);
    default:
      return [];
  }
}

/** The function holding a test's body: itself, or the one a wrapper receives (`fakeAsync(() => …)`). */
function innerFunction(body: Expression): FunctionLike | null {
  if (isFunction(body)) return body;
  if (body.type !== 'CallExpression') return null;
  for (const arg of body.arguments) {
    if (arg.type === 'SpreadElement') continue;
    const inner = innerFunction(arg);
    if (inner) return inner;
  }
  return null;
}

/** The ranges of a body's top-level statements; an expression body is one. */
function statementsOf(fn: FunctionLike): readonly { start: number; end: number }[] {
  const body = fn.body;
  if (!body) return [];
  return body.type === 'BlockStatement' ? body.body : [body];
}

function inheritable(test: OpenTest): TestModifier[] {
  const passed: TestModifier[] = [];
  for (const modifier of test.modifiers) {
    switch (modifier) {
      case 'only':
      case 'todo':
      case 'fails':
        passed.push(modifier);
        break;
      case 'skip':
      case 'skipIf':
      case 'runIf': {
        const condition = test.skipCondition;
        if ((modifier === 'skip' && condition === null) || condition === 'always') passed.push('skip');
        else if (condition === 'dynamic') passed.push(modifier === 'runIf' ? 'runIf' : 'skipIf');
        break;
      }
      default:
        break;
    }
  }
  return union([], passed);
}

function union(a: readonly TestModifier[], b: readonly TestModifier[]): TestModifier[] {
  const result = [...a];
  for (const modifier of b) if (!result.includes(modifier)) result.push(modifier);
  return result;
}
