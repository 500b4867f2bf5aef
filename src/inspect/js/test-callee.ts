import type { Argument, Expression } from 'oxc-parser';
import type { ConditionValue, TestModifier } from '../source-facts.js';
import { combineConditions, skippedUnless, skippedWhen, truthiness } from './static-eval.js';
import { collapseWhitespace } from './text.js';

/** What a callee expression means as a test-registration function. */
export interface TestCallee {
  kind: 'test' | 'suite';
  modifiers: readonly TestModifier[];
  skipCondition: ConditionValue | null;
  /** Table-driven (`.each`, `.for`): the call registers one test per row. */
  each: boolean;
  /**
   * Set when the chain ends in `.skip`, `.fixme` or `.fail`: Playwright also calls these inline,
   * without a body, to switch off the test or suite around the call.
   */
  inline: 'skip' | 'fails' | null;
  /** Whether `.describe` may follow (Playwright's `test.describe`): only on a bare `test`. */
  describable: boolean;
  /** The global function the chain starts from, through aliases (`test`, `it`, `describe`…). */
  root: string;
  /** The callee as written, normalised: `it.skip`, `describe.only.each`, `it.skipIf(isCI)`. */
  text: string;
}

/** What a bare name denotes where it is called: a global test function, a local alias of one, or nothing. */
export type TestNameLookup = (name: string) => TestCallee | null;

/**
 * Global test functions of jest, vitest, mocha (BDD and TDD), jasmine, node:test, Playwright
 * and bun:test. `x`-prefixed ones skip, `f`-prefixed ones focus.
 */
const ROOTS: Readonly<Record<string, Pick<TestCallee, 'kind' | 'modifiers'>>> = {
  it: { kind: 'test', modifiers: [] },
  test: { kind: 'test', modifiers: [] },
  specify: { kind: 'test', modifiers: [] },
  describe: { kind: 'suite', modifiers: [] },
  suite: { kind: 'suite', modifiers: [] },
  context: { kind: 'suite', modifiers: [] },
  xit: { kind: 'test', modifiers: ['skip'] },
  xtest: { kind: 'test', modifiers: ['skip'] },
  xspecify: { kind: 'test', modifiers: ['skip'] },
  xdescribe: { kind: 'suite', modifiers: ['skip'] },
  xcontext: { kind: 'suite', modifiers: ['skip'] },
  fit: { kind: 'test', modifiers: ['only'] },
  fdescribe: { kind: 'suite', modifiers: ['only'] },
};

/** Whether a name is one of the global test functions (for import aliases). */
export function isTestFunctionName(name: string): boolean {
  return Object.hasOwn(ROOTS, name);
}

/** The global test function `name`, written as `text` (an import alias may rename it). */
export function rootCallee(name: string, text: string): TestCallee | null {
  const root = Object.hasOwn(ROOTS, name) ? ROOTS[name] : undefined;
  if (!root) return null;
  return { ...root, skipCondition: null, each: false, inline: null, describable: name === 'test', root: name, text };
}

/** Chain properties and what they add. `inline` marks the forms Playwright also calls inline. */
const PROPERTIES: Readonly<Record<string, { modifier?: TestModifier; inline?: 'skip' | 'fails'; each?: true }>> = {
  skip: { modifier: 'skip', inline: 'skip' },
  fixme: { modifier: 'skip', inline: 'skip' }, // Playwright: skipped until fixed
  only: { modifier: 'only' },
  todo: { modifier: 'todo' },
  fails: { modifier: 'fails' }, // vitest
  failing: { modifier: 'fails' }, // jest, bun
  fail: { modifier: 'fails', inline: 'fails' }, // Playwright: must fail
  concurrent: { modifier: 'concurrent' },
  sequential: { modifier: 'sequential' },
  serial: {}, // Playwright describe modes and vitest's shuffle change order, not whether tests run
  parallel: {},
  shuffle: {},
  each: { each: true },
  for: { each: true },
};

/**
 * Resolves a callee to the test function it denotes, or null when it is not one
 * (`test.step`, `test.beforeEach`, `expect`, `regex.test`…).
 */
export function resolveTestCallee(expression: Expression, names: TestNameLookup, source: string): TestCallee | null {
  const at = unwrap(expression);
  switch (at.type) {
    case 'Identifier':
      return names(at.name);
    case 'MemberExpression': {
      if (at.computed || at.property.type !== 'Identifier') return null;
      const object = resolveTestCallee(at.object, names, source);
      return object && withProperty(object, at.property.name);
    }
    case 'CallExpression': {
      const callee = unwrap(at.callee);
      if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return null;
      const object = resolveTestCallee(callee.object, names, source);
      return object && withCall(object, callee.property.name, at.arguments, source);
    }
    case 'TaggedTemplateExpression': {
      // it.each`a | b ${1} | ${2}`
      const tag = unwrap(at.tag);
      if (tag.type !== 'MemberExpression' || tag.computed || tag.property.type !== 'Identifier') return null;
      if (PROPERTIES[tag.property.name]?.each !== true) return null;
      const object = resolveTestCallee(tag.object, names, source);
      return object && { ...object, each: true, inline: null, describable: false, text: `${object.text}.${tag.property.name}` };
    }
    case 'ConditionalExpression':
      return conditional(at.test, at.consequent, at.alternate, names, source);
    default:
      return null;
  }
}

function withProperty(object: TestCallee, name: string): TestCallee | null {
  const text = `${object.text}.${name}`;
  if (name === 'describe') return object.describable ? { ...object, kind: 'suite', describable: false, inline: null, text } : null;
  const property = Object.hasOwn(PROPERTIES, name) ? PROPERTIES[name] : undefined;
  if (!property) return null;
  return {
    ...object,
    modifiers: property.modifier ? addModifier(object.modifiers, property.modifier) : object.modifiers,
    each: object.each || property.each === true,
    inline: property.inline ?? null,
    describable: false,
    text,
  };
}

/** Calls inside a callee chain: `.each(table)`, `.skipIf(c)`, `.runIf(c)`, bun's `.if(c)`/`.todoIf(c)`, `.extend(fixtures)`. */
function withCall(object: TestCallee, name: string, args: readonly Argument[], source: string): TestCallee | null {
  const base = { ...object, inline: null, describable: false };
  if (name === 'each' || name === 'for') return { ...base, each: true, text: `${object.text}.${name}` };
  // `test.extend({...})` returns the same test function with fixtures (vitest, Playwright).
  if (name === 'extend') return object;
  const condition = args[0];
  if (!condition || condition.type === 'SpreadElement') return null;
  const text = `${object.text}.${name}(${collapseWhitespace(source.slice(condition.start, condition.end))})`;
  switch (name) {
    case 'skipIf':
    case 'todoIf': // bun: a todo under a condition does not run, like skipIf
      return { ...base, modifiers: addModifier(object.modifiers, 'skipIf'), skipCondition: combineConditions(object.skipCondition, skippedWhen(truthiness(condition))), text };
    case 'runIf':
    case 'if': // bun's runIf
      return { ...base, modifiers: addModifier(object.modifiers, 'runIf'), skipCondition: combineConditions(object.skipCondition, skippedUnless(truthiness(condition))), text };
    default:
      return null;
  }
}

/**
 * `(cond ? it : it.skip)`: a test that is skipped depending on `cond`. Both branches must be test
 * functions of one kind; their modifiers are united, and when exactly one branch skips, the
 * skip condition is the condition under which that branch is taken.
 */
function conditional(test: Expression, consequent: Expression, alternate: Expression, names: TestNameLookup, source: string): TestCallee | null {
  const whenTrue = resolveTestCallee(consequent, names, source);
  const whenFalse = resolveTestCallee(alternate, names, source);
  if (!whenTrue || !whenFalse || whenTrue.kind !== whenFalse.kind) return null;
  const skipsWhenTrue = whenTrue.modifiers.includes('skip');
  const skipsWhenFalse = whenFalse.modifiers.includes('skip');
  const branchCondition =
    skipsWhenTrue === skipsWhenFalse ? null : skipsWhenTrue ? skippedWhen(truthiness(test)) : skippedUnless(truthiness(test));
  return {
    kind: whenTrue.kind,
    modifiers: whenFalse.modifiers.reduce(addModifier, whenTrue.modifiers),
    skipCondition: combineConditions(branchCondition, combineConditions(whenTrue.skipCondition, whenFalse.skipCondition)),
    each: whenTrue.each || whenFalse.each,
    inline: null,
    describable: false,
    root: whenTrue.root,
    text: `(${collapseWhitespace(source.slice(test.start, test.end))} ? ${whenTrue.text} : ${whenFalse.text})`,
  };
}

function addModifier(modifiers: readonly TestModifier[], modifier: TestModifier): TestModifier[] {
  return modifiers.includes(modifier) ? [...modifiers] : [...modifiers, modifier];
}

/** Parentheses and TypeScript-only wrappers do not change which function is called. */
function unwrap(expression: Expression): Expression {
  let current = expression;
  while (
    current.type === 'ParenthesizedExpression' ||
    current.type === 'TSAsExpression' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'TSNonNullExpression' ||
    current.type === 'TSTypeAssertion' ||
    current.type === 'TSInstantiationExpression'
  ) {
    current = current.expression;
  }
  return current;
}
