import type { Assertion, RuntimeSkip } from '../source-facts.js';
import { fieldOf, partsOf, type PyNode, type PythonSource } from './parse.js';
import { argListOf, argumentsOf, calleeOf, collapse, isLiteral, keyword, positional, statementsOf, textOf, truthiness, type Argument } from './syntax.js';

/** Assertions and runtime skips of a test body (or a helper's body). */
export interface BodyFacts {
  assertions: Assertion[];
  runtimeSkips: RuntimeSkip[];
}

/** Resolves a called name to a local helper's facts: `check_total(…)` or `self._check(…)`. */
export type HelperResolver = (callee: string) => { name: string; facts: BodyFacts } | null;

interface Context {
  conditional: boolean;
  swallowed: Assertion['swallowed'];
  /** Whether the enclosing top-level statement is followed by more statements. */
  followed: boolean;
}

const NESTED_SCOPES = new Set(['function_definition', 'class_definition', 'decorated_definition', 'lambda']);
const CONDITIONAL = new Set(['if_statement', 'while_statement', 'for_statement', 'match_statement', 'conditional_expression']);
/** Exception types whose handler, when it does not re-raise, swallows a failed assertion. */
const BROAD = /^\(?\s*(?:[\w.]+\s*,\s*)*(?:Exception|BaseException|AssertionError|builtins\.\w*Exception)\b/;

const SINGLE_ARG = new Set(['assertTrue', 'assertFalse', 'assertIsNone', 'assertIsNotNone', 'assert_', 'failUnless', 'failIf']);
const RAISES = /^(?:assertRaises|assertWarns|assertLogs|assertNoLogs|failUnlessRaises)/;
const MOCK = /^assert_(?:not_)?(?:called|any_call|has_calls|awaited|any_await|has_awaits)/;

/**
 * Walks a function body in source order. `isTest` turns on the early-`return` skip (helpers
 * return values legitimately).
 */
export function analyseBody(source: PythonSource, body: PyNode, isTest: boolean, resolve: HelperResolver): BodyFacts {
  const assertions: Assertion[] = [];
  const runtimeSkips: RuntimeSkip[] = [];
  let afterReturn = false;
  const line = (node: PyNode): number => source.lineAt(node.from);
  const text = (node: PyNode): string => collapse(textOf(source, node));

  const add = (assertion: Omit<Assertion, 'swallowed'>, context: Context): void => {
    assertions.push({ ...assertion, swallowed: context.swallowed ?? (afterReturn ? 'after-return' : null) });
  };

  const skip = (kind: string, node: PyNode, context: Context): void => {
    runtimeSkips.push({ kind, line: line(node), conditional: context.conditional });
  };

  const assertStatement = (node: PyNode, context: Context): void => {
    const expression = partsOf(node)[0];
    if (!expression) return;
    const base = { style: 'assert' as const, line: line(node) };
    const comparison = comparisonOf(expression);
    if (comparison) {
      const actual = comparison.operands[0]!;
      const expected = comparison.operands[comparison.operands.length - 1]!;
      const matcher = comparison.operators.join(' ');
      const same = text(actual) === text(expected) && comparison.operators.length === 1 && ['==', 'is', '<=', '>='].includes(matcher);
      const literals = comparison.operands.every((operand) => isLiteral(source, operand)) && comparison.operators.length === 1 && matcher === '==' && text(actual) === text(expected);
      add(
        {
          ...base,
          chain: comparison.operators,
          matcher,
          negated: comparison.operators.some((operator) => operator === '!=' || operator === 'is not' || operator === 'not in'),
          actual: text(actual),
          expected: text(expected),
          expectedIsLiteral: isLiteral(source, expected),
          tautology: same || literals,
        },
        context,
      );
      return;
    }
    const argument = expression.type === 'not_operator' ? fieldOf(expression, 'argument') : null;
    const negated = argument !== null;
    const subject = argument ?? expression;
    const value = truthiness(source, subject);
    add(
      {
        ...base,
        chain: negated ? ['not', 'truthy'] : ['truthy'],
        matcher: 'truthy',
        negated,
        actual: text(subject),
        expected: null,
        expectedIsLiteral: false,
        tautology: negated ? value === 'never' : value === 'always',
      },
      context,
    );
  };

  const comparisonOf = (node: PyNode): { operands: PyNode[]; operators: string[] } | null => {
    // tree-sitter keeps a chain `a < b <= c` in one node; its operators fill the `operators` field.
    if (node.type !== 'comparison_operator') return null;
    const operands = partsOf(node).filter((part) => part.field !== 'operators');
    const operators = node.children.filter((part) => part.field === 'operators').map((part) => collapse(textOf(source, part)));
    if (operators.length === 0 || operands.length < 2) return null;
    return { operands, operators };
  };

  const call = (node: PyNode, context: Context): void => {
    const callee = calleeOf(source, node);
    const args = argumentsOf(source, argListOf(node));
    const base = { line: line(node), tautology: false };
    if (callee === 'pytest.skip' || callee === 'self.skipTest' || callee === 'cls.skipTest' || callee === 'pytest.xfail') {
      skip(callee, node, context);
      return;
    }
    const helper = resolve(callee);
    if (helper) {
      for (const assertion of helper.facts.assertions) {
        assertions.push({ ...assertion, line: line(node), viaHelper: helper.name, swallowed: context.swallowed ?? (afterReturn ? 'after-return' : assertion.swallowed) });
      }
      for (const inner of helper.facts.runtimeSkips) runtimeSkips.push({ kind: inner.kind, line: line(node), conditional: context.conditional || inner.conditional });
      return;
    }
    const name = callee.slice(callee.lastIndexOf('.') + 1);
    const receiver = callee.includes('.') ? callee.slice(0, callee.lastIndexOf('.')) : '';
    if (/^(?:pytest\.)?(?:raises|warns|deprecated_call)$/.test(callee)) {
      const expectation = args.filter((arg, index) => arg.name !== null || index === 0);
      const callable = positional(args)[1];
      add({ ...base, style: 'pytest', chain: [name], matcher: name, negated: false, actual: callable?.text ?? null, expected: expectation.length ? joined(expectation) : null, expectedIsLiteral: false }, context);
      return;
    }
    if ((receiver === 'self' || receiver === 'cls') && (/^assert[A-Z_]/.test(name) || /^fail[A-Z]/.test(name))) {
      add({ ...base, style: 'unittest', chain: [name], ...unittestParts(name, args), negated: /^assert(?:Not|IsNot)/.test(name) || name === 'failIf' }, context);
      return;
    }
    if (/^assert_\w/.test(name) && receiver !== 'self') {
      const values = positional(args);
      const mock = MOCK.test(name);
      add(
        {
          ...base,
          style: 'assert',
          chain: [name],
          matcher: name,
          negated: name.includes('_not_'),
          actual: mock ? receiver : (values[0]?.text ?? null),
          expected: mock ? (args.length ? joined(args) : null) : (values[1]?.text ?? null),
          expectedIsLiteral: mock ? false : values[1] !== undefined && isLiteral(source, values[1].node),
        },
        context,
      );
    }
    visitChildren(node, context);
  };

  const unittestParts = (name: string, args: Argument[]): Pick<Assertion, 'matcher' | 'actual' | 'expected' | 'expectedIsLiteral' | 'tautology'> => {
    const values = positional(args);
    const first = values[0] ?? keyword(args, 'first') ?? keyword(args, 'expr') ?? keyword(args, 'obj');
    if (RAISES.test(name)) {
      const expectation = /Regex|Message/.test(name) ? values.slice(0, 2) : values.slice(0, 1);
      const callable = values[expectation.length];
      return { matcher: name, actual: callable?.text ?? null, expected: expectation.length ? joined(expectation) : null, expectedIsLiteral: false, tautology: false };
    }
    if (SINGLE_ARG.has(name)) {
      const node = first?.node ?? null;
      const value = node ? truthiness(source, node) : 'dynamic';
      const tautology = name === 'assertTrue' || name === 'assert_' || name === 'failUnless' ? value === 'always' : name === 'assertFalse' || name === 'failIf' ? value === 'never' : name === 'assertIsNone' ? node?.type === 'none' : name === 'assertIsNotNone' ? node !== null && isLiteral(source, node) && node.type !== 'none' : false;
      return { matcher: name, actual: first?.text ?? null, expected: null, expectedIsLiteral: false, tautology };
    }
    const second = values[1] ?? keyword(args, 'second');
    let expected = second?.text ?? null;
    if (/AlmostEqual/.test(name)) {
      const tolerance = [values[2] ? `places=${values[2].text}` : null, ...['places', 'delta'].map((key) => (keyword(args, key) ? `${key}=${keyword(args, key)!.text}` : null))].filter(Boolean);
      if (expected !== null && tolerance.length) expected = `${expected}, ${tolerance.join(', ')}`;
    }
    const tautology = first !== undefined && second !== undefined && first.text === second.text && /^assert(?:Equal|Is|CountEqual|ListEqual|DictEqual|TupleEqual|SetEqual|SequenceEqual|MultiLineEqual|AlmostEqual|Equals|GreaterEqual|LessEqual|In)?$/.test(name) && name !== 'assert';
    return { matcher: name, actual: first?.text ?? null, expected, expectedIsLiteral: second !== undefined && isLiteral(source, second.node), tautology };
  };

  const joined = (args: readonly Argument[]): string => args.map((arg) => (arg.name ? `${arg.name}=${arg.text}` : `${arg.star}${arg.text}`)).join(', ');

  const tryStatement = (node: PyNode, context: Context): void => {
    // try_statement: body block, except_clause* (`except` [value [as alias]] block), else_clause, finally_clause.
    const handlers = node.children.filter((part) => part.type === 'except_clause' || part.type === 'except_group_clause');
    const blockOf = (clause: PyNode): PyNode | null => clause.children.find((part) => part.type === 'block') ?? null;
    const typeOf = (handler: PyNode): string => {
      const value = fieldOf(handler, 'value') ?? partsOf(handler).find((part) => part.type !== 'block') ?? null;
      if (!value) return '';
      const type = value.type === 'as_pattern' ? (partsOf(value)[0] ?? value) : value;
      return textOf(source, type);
    };
    const swallows = handlers.some((handler) => {
      const type = typeOf(handler);
      const body = blockOf(handler);
      return (type === '' || BROAD.test(type)) && !(body && reRaises(body));
    });
    for (const part of node.children) {
      if (part.type === 'block') visitStatements(part, { ...context, conditional: true, swallowed: context.swallowed ?? (swallows ? 'try-catch' : null) });
      else if (part.type === 'finally_clause') {
        const body = blockOf(part);
        if (body) visitStatements(body, context);
      } else if (part.type === 'except_clause' || part.type === 'except_group_clause' || part.type === 'else_clause') {
        const body = blockOf(part);
        if (body) visitStatements(body, { ...context, conditional: true });
      }
    }
  };

  const raises = (node: PyNode): boolean => node.type === 'raise_statement' || (!NESTED_SCOPES.has(node.type) && node.children.some(raises));
  const reRaises = (handler: PyNode): boolean => raises(handler) || /\b(?:pytest\.fail|self\.fail|fail)\s*\(/.test(textOf(source, handler));

  const withStatement = (node: PyNode, context: Context): void => {
    let swallowed = context.swallowed;
    for (const part of node.children) {
      if (part.type === 'block') visitStatements(part, { ...context, swallowed });
      else if (part.type === 'with_clause') {
        for (const item of partsOf(part)) {
          const value = fieldOf(item, 'value');
          const expression = value?.type === 'as_pattern' ? partsOf(value)[0] : value;
          if (expression?.type === 'call' && /(?:^|\.)suppress$/.test(calleeOf(source, expression)) && BROAD.test(argumentsOf(source, argListOf(expression)).map((arg) => arg.text).join(', '))) swallowed = swallowed ?? 'try-catch';
          visit(item, context);
        }
      }
    }
  };

  const visit = (node: PyNode, context: Context): void => {
    if (NESTED_SCOPES.has(node.type)) return;
    switch (node.type) {
      case 'assert_statement':
        assertStatement(node, context);
        return;
      case 'try_statement':
        tryStatement(node, context);
        return;
      case 'with_statement':
        withStatement(node, context);
        return;
      case 'call':
        call(node, context);
        return;
      case 'return_statement':
        if (isTest && assertions.length === 0 && context.conditional && context.followed) skip('return', node, context);
        return;
      case 'raise_statement': {
        const raised = partsOf(node)[0];
        if (raised && /^(?:unittest\.)?(?:case\.)?SkipTest\b|^pytest\.skip\.Exception\b/.test(textOf(source, raised))) skip('raise SkipTest', node, context);
        visitChildren(node, context);
        return;
      }
      default:
        visitChildren(node, CONDITIONAL.has(node.type) ? { ...context, conditional: true } : context);
    }
  };

  const visitChildren = (node: PyNode, context: Context): void => {
    for (const child of node.children) {
      // The condition of an `if` runs unconditionally only for its first test; close enough.
      if (child.named) visit(child, context);
    }
  };

  const visitStatements = (body: PyNode, context: Context): void => {
    for (const statement of statementsOf(body)) visit(statement, context);
  };

  const statements = statementsOf(body);
  statements.forEach((statement, index) => {
    const followed = index < statements.length - 1;
    const context: Context = { conditional: false, swallowed: null, followed };
    if (statement.type === 'return_statement') {
      if (isTest && followed && assertions.length === 0) skip('return', statement, context);
      if (followed) afterReturn = true;
      return;
    }
    visit(statement, context);
  });
  return { assertions, runtimeSkips };
}
