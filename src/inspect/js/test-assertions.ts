import type { Argument, ArrowFunctionExpression, CallExpression, Function as FunctionDeclarationNode, Node, TryStatement } from 'oxc-parser';
import type { Assertion } from '../source-facts.js';
import { createAssertionNames } from './assertion-names.js';
import { findAssertion } from './assertions.js';
import type { ParsedSource } from './parse.js';

/** How a failure leaving an assertion (or a helper call) could be lost, resolved once the whole file is walked. */
interface Site {
  /** `try` statements whose block holds it: swallowed when their `catch` discards the error. */
  trys: TryStatement[];
  /** `.catch(handler)` callbacks its failure reaches. */
  handlers: Argument[];
  /** An unconditional `return` earlier in an enclosing function of the same body: it never runs. */
  afterReturn: boolean;
}

interface Pending {
  assertion: Assertion;
  offset: number;
  site: Site;
}

/** A call to (or a reference passed to a call of) a name that may be a local helper. */
interface Use {
  name: string;
  offset: number;
  site: Site;
}

/** A test, suite or local helper function: assertions found in it are its own. */
export interface Owner {
  kind: 'test' | 'suite' | 'helper';
  /** The node that opened it: a registration call or a helper function. */
  node: Node;
  /** Where scans of the ancestors stop. */
  boundary: Node;
  pending: Pending[];
  uses: Use[];
}

interface Helper {
  name: string;
  owner: Owner;
  /** The range of the function (or the file) the helper is declared in: where its name is visible. */
  containerStart: number;
  containerEnd: number;
}

/** An assertion of a test with the offset it is made at (the helper call's, for a helper's), in source order. */
export interface ResolvedAssertion {
  assertion: Assertion;
  offset: number;
}

export interface AssertionCollector {
  /** Opens a test or suite: assertions found until `close(node)` are its own (helpers aside). */
  open(kind: 'test' | 'suite', node: CallExpression, boundary: Node): Owner;
  close(node: Node): void;
  enter(node: Node, ancestors: readonly Node[]): void;
  leave(node: Node, ancestors: readonly Node[]): void;
  /** A test's assertions, those made by the local helpers it calls included (transitively). */
  resolve(owner: Owner): ResolvedAssertion[];
  /**
   * Names a test calls (itself or through its local helpers) that are no local helper: an
   * imported helper may make assertions there (`expectValid(res)`, `h.expectValid(res)`).
   */
  externalCalls(owner: Owner): { name: string; line: number }[];
  /** The assertions of a top-level helper function (for its module's exports), or null when there is none. */
  topLevelHelper(name: string): Assertion[] | null;
}

/** No helper expansion grows a test's assertion list beyond this (helpers calling helpers in loops). */
const MAX_ASSERTIONS = 5000;
/** Handlers by reference that discard the error. */
const NOOP = /^(?:noop|nop|ignore|ignoreErrors?|_|identity|swallow)$/i;
/** Calls that only report: passing the error to one does not handle it. */
const LOGGING = /^(?:log|info|warn|error|debug|trace|dir)$/;

/**
 * Finds assertions during the shared walk and attributes each to the innermost test or local
 * helper (`function check()`, `const check = () => …`, `const helpers = { check() {} }`),
 * with what could swallow its failure; helper calls are expanded when a test is resolved.
 */
export function createAssertionCollector(source: ParsedSource, isContext: (name: string) => boolean): AssertionCollector {
  const names = createAssertionNames();
  const scope = { names, text: source.text, isContext };
  const file: Owner = { kind: 'suite', node: source.program, boundary: source.program, pending: [], uses: [] };
  const owners: Owner[] = [file];
  const helpers = new Map<string, Helper[]>();
  /** `catch` clauses and `.catch` callbacks that rethrow, assert or pass the error on. */
  const handled = new Set<Node>();
  /** Open `catch` clauses and `.catch(…)` callbacks, innermost last. */
  const handlers: Node[] = [];
  /** Open functions whose top-level `return` has been passed. */
  const returned = new Set<Node>();
  let tryDepth = 0;
  let thenDepth = 0;
  const thenCallbacks: Node[] = [];

  function siteOf(node: Node, ancestors: readonly Node[], topIndex: number, boundary: Node, catchHandlers: Argument[]): Site {
    const site: Site = { trys: [], handlers: catchHandlers, afterReturn: false };
    if (tryDepth === 0 && returned.size === 0 && thenDepth === 0) return site;
    let child: Node = topIndex < ancestors.length ? ancestors[topIndex]! : node;
    for (let index = topIndex - 1; index >= 0; index--) {
      const ancestor = ancestors[index]!;
      if (ancestor.type === 'TryStatement') {
        if (ancestor.block === child && ancestor.handler) site.trys.push(ancestor);
      } else if (isFunctionNode(ancestor)) {
        if (returned.has(ancestor)) site.afterReturn = true;
        const handler = thenChainHandler(ancestor, ancestors, index - 1);
        if (handler) site.handlers.push(handler);
      }
      if (ancestor === boundary) break;
      child = ancestor;
    }
    return site;
  }

  /** The nearest open `catch` clause or `.catch` callback around the node, within its function. */
  function nearestHandler(ancestors: readonly Node[]): Node | null {
    if (handlers.length === 0) return null;
    for (let index = ancestors.length - 1; index >= 0; index--) {
      const ancestor = ancestors[index]!;
      if (ancestor.type === 'CatchClause') return ancestor;
      if (isFunctionNode(ancestor)) return handlers.includes(ancestor) ? ancestor : null;
    }
    return null;
  }

  function onFunction(node: FunctionNode, ancestors: readonly Node[]): void {
    const parent = ancestors[ancestors.length - 1];
    if (parent?.type === 'CallExpression' && parent.callee !== node) {
      const method = memberName(parent.callee);
      const position = parent.arguments.indexOf(node);
      if ((method === 'catch' && position === 0) || (method === 'then' && position === 1)) handlers.push(node);
      if ((method === 'then' || method === 'finally') && position === 0) {
        thenDepth++;
        thenCallbacks.push(node);
      }
    }
    const name = helperName(node, ancestors);
    if (name === null) return;
    const owner: Owner = { kind: 'helper', node, boundary: node, pending: [], uses: [] };
    const container = enclosingFunction(ancestors);
    const helper: Helper = { name, owner, containerStart: container?.start ?? 0, containerEnd: container?.end ?? source.text.length };
    const list = helpers.get(name);
    if (list) list.push(helper);
    else helpers.set(name, [helper]);
    owners.push(owner);
  }

  function onCall(call: CallExpression, ancestors: readonly Node[], owner: Owner): void {
    const handler = nearestHandler(ancestors);
    if (handler) {
      const param = handlerParam(handler);
      const callee = call.callee;
      const calleeName = callee.type === 'Identifier' ? callee.name : memberName(callee);
      const logging = calleeName !== null && LOGGING.test(calleeName);
      if (calleeName === 'fail' || (!logging && param !== null && call.arguments.some((arg) => arg.type === 'Identifier' && arg.name === param))) handled.add(handler);
    }
    if (owner.kind === 'suite') return;
    const callee = calleeKey(call);
    let site: Site | null = null;
    const use = (name: string): void => {
      site ??= siteOf(call, ancestors, ancestors.length, owner.boundary, []);
      owner.uses.push({ name, offset: call.start, site });
    };
    if (callee !== null) use(callee);
    for (const arg of call.arguments) if (arg.type === 'Identifier') use(arg.name);
  }

  function swallowedOf(site: Site): Assertion['swallowed'] {
    if (site.afterReturn) return 'after-return';
    if (site.handlers.some(discards)) return 'promise-catch';
    if (site.trys.some((statement) => statement.handler !== null && !handled.has(statement.handler))) return 'try-catch';
    return null;
  }

  function discards(handler: Argument): boolean {
    if (isFunctionNode(handler)) return !handled.has(handler);
    if (handler.type === 'Identifier') return NOOP.test(handler.name);
    return handler.type === 'MemberExpression' && handler.object.type === 'Identifier' && handler.object.name === 'console';
  }

  function lookupHelper(name: string, offset: number): Helper | null {
    const candidates = helpers.get(name);
    if (!candidates) return null;
    let best: Helper | null = null;
    for (const helper of candidates) {
      if (offset < helper.containerStart || offset > helper.containerEnd) continue;
      if (!best || helper.containerStart > best.containerStart) best = helper;
    }
    return best;
  }

  const memo = new Map<Owner, Assertion[]>();

  /** An owner's assertions with helper calls expanded; `complete` is false when a cycle was cut. */
  function expand(owner: Owner, stack: Set<Owner>): { entries: ResolvedAssertion[]; complete: boolean } {
    const entries: ResolvedAssertion[] = [];
    for (const pending of owner.pending) {
      // Resolving the same owner twice gives the same value: the object is completed in place.
      pending.assertion.swallowed = swallowedOf(pending.site);
      entries.push({ assertion: pending.assertion, offset: pending.offset });
    }
    let complete = true;
    stack.add(owner);
    for (const use of owner.uses) {
      if (entries.length >= MAX_ASSERTIONS) break;
      const helper = lookupHelper(use.name, use.offset);
      if (!helper) continue;
      if (stack.has(helper.owner)) {
        complete = false;
        continue;
      }
      let inner = memo.get(helper.owner);
      if (!inner) {
        const expanded = expand(helper.owner, stack);
        inner = expanded.entries.map((entry) => entry.assertion);
        if (expanded.complete) memo.set(helper.owner, inner);
        else complete = false;
      }
      if (inner.length === 0) continue;
      const callSwallowed = swallowedOf(use.site);
      const line = source.lines.lineAt(use.offset);
      for (const assertion of inner) {
        entries.push({ assertion: { ...assertion, line, viaHelper: use.name, swallowed: assertion.swallowed ?? callSwallowed }, offset: use.offset });
      }
    }
    stack.delete(owner);
    entries.sort((a, b) => a.offset - b.offset);
    if (entries.length > MAX_ASSERTIONS) entries.length = MAX_ASSERTIONS;
    return { entries, complete };
  }

  return {
    open(kind, node, boundary) {
      const owner: Owner = { kind, node, boundary, pending: [], uses: [] };
      owners.push(owner);
      return owner;
    },
    close(node) {
      if (owners.length > 1 && owners[owners.length - 1]!.node === node) owners.pop();
    },
    enter(node, ancestors) {
      names.enter(node);
      switch (node.type) {
        case 'FunctionDeclaration':
        case 'FunctionExpression':
        case 'ArrowFunctionExpression':
          onFunction(node, ancestors);
          return;
        case 'CatchClause':
          handlers.push(node);
          return;
        case 'TryStatement':
          tryDepth++;
          return;
        case 'ThrowStatement': {
          const handler = nearestHandler(ancestors);
          if (handler) handled.add(handler);
          return;
        }
        case 'CallExpression':
        case 'MemberExpression':
          break;
        default:
          return;
      }
      const owner = owners[owners.length - 1]!;
      const found = findAssertion(node, ancestors, scope);
      if (!found) {
        if (node.type === 'CallExpression') onCall(node, ancestors, owner);
        return;
      }
      const handler = nearestHandler(ancestors);
      if (handler) handled.add(handler);
      if (owner.kind === 'suite') return;
      owner.pending.push({
        assertion: { ...found.assertion, line: source.lines.lineAt(node.start), swallowed: null },
        offset: node.start,
        site: siteOf(node, ancestors, found.topIndex, owner.boundary, found.catchHandlers),
      });
    },
    leave(node, ancestors) {
      switch (node.type) {
        case 'ReturnStatement': {
          const block = ancestors[ancestors.length - 1];
          const fn = ancestors[ancestors.length - 2];
          if (block?.type === 'BlockStatement' && fn && isFunctionNode(fn) && fn.body === block) returned.add(fn);
          break;
        }
        case 'FunctionDeclaration':
        case 'FunctionExpression':
        case 'ArrowFunctionExpression':
          returned.delete(node);
          if (handlers[handlers.length - 1] === node) handlers.pop();
          if (thenCallbacks[thenCallbacks.length - 1] === node) {
            thenCallbacks.pop();
            thenDepth--;
          }
          if (owners.length > 1 && owners[owners.length - 1]!.node === node) owners.pop();
          break;
        case 'CatchClause':
          if (handlers[handlers.length - 1] === node) handlers.pop();
          break;
        case 'TryStatement':
          tryDepth--;
          break;
        default:
          break;
      }
    },
    resolve(owner) {
      return expand(owner, new Set()).entries;
    },
    externalCalls(owner) {
      const calls: { name: string; line: number }[] = [];
      const seen = new Set<Owner>();
      const visit = (current: Owner, line: number | null): void => {
        if (seen.has(current)) return;
        seen.add(current);
        for (const use of current.uses) {
          // The test's own registration call (`it(…)`) is no call made by the test.
          if (use.offset === owner.node.start) continue;
          const helper = lookupHelper(use.name, use.offset);
          const at = line ?? source.lines.lineAt(use.offset);
          if (helper) visit(helper.owner, at);
          else calls.push({ name: use.name, line: at });
        }
      };
      visit(owner, null);
      return calls;
    },
    topLevelHelper(name) {
      const helper = helpers.get(name)?.find((candidate) => candidate.containerStart === 0 && candidate.containerEnd === source.text.length);
      return helper ? expand(helper.owner, new Set()).entries.map((entry) => entry.assertion) : null;
    },
  };
}

type FunctionNode = FunctionDeclarationNode | ArrowFunctionExpression;

function isFunctionNode(node: Node): node is FunctionNode {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

function memberName(node: Node): string | null {
  return node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' ? node.property.name : null;
}

/** `check(…)` → `check`, `helpers.check(…)` → `helpers.check`. */
function calleeKey(call: CallExpression): string | null {
  const callee = call.callee;
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' && callee.property.type === 'Identifier') {
    return `${callee.object.name}.${callee.property.name}`;
  }
  return null;
}

/**
 * The name a function is declared under, if it is a local helper: `function check()`,
 * `const check = () => …` / `function () …`, `const helpers = { check() {}, other: () => … }`.
 */
function helperName(node: FunctionNode, ancestors: readonly Node[]): string | null {
  if (node.type === 'FunctionDeclaration') return node.id?.name ?? null;
  let index = ancestors.length - 1;
  let parent = ancestors[index];
  while (parent?.type === 'ParenthesizedExpression') parent = ancestors[--index];
  if (parent?.type === 'VariableDeclarator') return parent.id.type === 'Identifier' ? parent.id.name : null;
  // CommonJS: `exports.check = () => …`, `module.exports.check = function () …`.
  if (parent?.type === 'AssignmentExpression' && parent.right === node) return exportsTarget(parent.left);
  if (parent?.type !== 'Property' || parent.computed || parent.key.type !== 'Identifier') return null;
  const object = ancestors[index - 1];
  const declarator = ancestors[index - 2];
  if (object?.type !== 'ObjectExpression') return null;
  if (declarator?.type === 'AssignmentExpression' && exportsTarget(declarator.left) === 'module.exports') return `module.exports.${parent.key.name}`;
  if (declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier') return null;
  return `${declarator.id.name}.${parent.key.name}`;
}

/** `exports.a` → 'exports.a', `module.exports.a` → 'module.exports.a', `module.exports` → 'module.exports'; otherwise null. */
function exportsTarget(node: Node): string | null {
  if (node.type === 'Identifier') return node.name === 'exports' ? 'exports' : null;
  if (node.type !== 'MemberExpression' || node.computed || node.property.type !== 'Identifier') return null;
  if (node.object.type === 'Identifier' && node.object.name === 'module' && node.property.name === 'exports') return 'module.exports';
  const object = exportsTarget(node.object);
  return object === 'exports' || object === 'module.exports' ? `${object}.${node.property.name}` : null;
}

function enclosingFunction(ancestors: readonly Node[]): Node | null {
  for (let index = ancestors.length - 1; index >= 0; index--) if (isFunctionNode(ancestors[index]!)) return ancestors[index]!;
  return null;
}

/** The error's name in a `catch (e)` clause or a `.catch((e) => …)` callback. */
function handlerParam(handler: Node): string | null {
  if (handler.type === 'CatchClause') return handler.param?.type === 'Identifier' ? handler.param.name : null;
  if (!isFunctionNode(handler)) return null;
  const first = handler.params[0];
  return first?.type === 'Identifier' ? first.name : null;
}

/**
 * `p.then(() => { expect… }).catch(() => {})`: when the function at `ancestors[index + 1]` is the
 * callback of a `.then`/`.finally` chain that ends in `.catch(handler)`, the handler.
 */
function thenChainHandler(fn: Node, ancestors: readonly Node[], index: number): Argument | null {
  let call = ancestors[index];
  if (call?.type !== 'CallExpression' || call.arguments[0] !== fn) return null;
  const first = memberName(call.callee);
  if (first !== 'then' && first !== 'finally') return null;
  for (let at = index; at >= 2; at -= 2) {
    const member = ancestors[at - 1]!;
    const next = ancestors[at - 2]!;
    if (member.type !== 'MemberExpression' || member.object !== call || next.type !== 'CallExpression' || next.callee !== member) return null;
    const name = memberName(member);
    if (name === 'catch') return next.arguments[0] ?? null;
    if (name !== 'then' && name !== 'finally') return null;
    call = next;
  }
  return null;
}
