import type { Expression, TemplateElement } from 'oxc-parser';
import type { ConditionValue } from '../source-facts.js';
import { environmentTruthiness } from './environment-eval.js';

/** What a condition is known to be without running anything. */
export type Truthiness = 'truthy' | 'falsy' | 'unknown';

/**
 * The truthiness of an expression when it is a constant (`true`, `0`, `''`, `!false`,
 * `undefined`, `1 && 'x'`…), or when it is the same on every CI platform with any setting of
 * the environment variables it reads (`environment-eval.ts`); otherwise `unknown`.
 */
export function truthiness(expression: Expression): Truthiness {
  const constant = constantTruthiness(expression);
  return constant === 'unknown' ? environmentTruthiness(expression) : constant;
}

function constantTruthiness(expression: Expression): Truthiness {
  switch (expression.type) {
    case 'Literal':
      // A regex literal is an object (its `value` may even be null when it cannot be built here).
      return 'regex' in expression ? 'truthy' : expression.value ? 'truthy' : 'falsy';
    case 'TemplateLiteral':
      return templateTruthiness(expression.quasis, expression.expressions.length > 0);
    case 'Identifier':
      if (expression.name === 'undefined' || expression.name === 'NaN') return 'falsy';
      if (expression.name === 'Infinity') return 'truthy';
      return 'unknown';
    case 'UnaryExpression':
      if (expression.operator === 'void') return 'falsy';
      if (expression.operator === '!') return negate(truthiness(expression.argument));
      return 'unknown';
    case 'LogicalExpression':
      return logical(expression.operator, truthiness(expression.left), truthiness(expression.right), expression.left);
    case 'ArrayExpression':
    case 'ObjectExpression':
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
    case 'ClassExpression':
      return 'truthy';
    case 'ParenthesizedExpression':
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'TSTypeAssertion':
      return truthiness(expression.expression);
    default:
      return 'unknown';
  }
}

/** Any literal text makes a template truthy; an empty one is falsy unless a substitution may fill it. */
function templateTruthiness(quasis: readonly TemplateElement[], hasSubstitutions: boolean): Truthiness {
  if (quasis.some((quasi) => (quasi.value.cooked ?? quasi.value.raw) !== '')) return 'truthy';
  return hasSubstitutions ? 'unknown' : 'falsy';
}

function negate(value: Truthiness): Truthiness {
  return value === 'truthy' ? 'falsy' : value === 'falsy' ? 'truthy' : 'unknown';
}

function logical(operator: '&&' | '||' | '??', left: Truthiness, right: Truthiness, leftNode: Expression): Truthiness {
  switch (operator) {
    case '&&':
      return left === 'falsy' ? 'falsy' : left === 'truthy' ? right : right === 'falsy' ? 'falsy' : 'unknown';
    case '||':
      return left === 'truthy' ? 'truthy' : left === 'falsy' ? right : right === 'truthy' ? 'truthy' : 'unknown';
    case '??':
      // Only a literal null/undefined on the left falls through to the right.
      if (isNullish(leftNode)) return right;
      return left === 'unknown' ? 'unknown' : left;
  }
}

function isNullish(expression: Expression): boolean {
  return (expression.type === 'Literal' && expression.value === null && !('regex' in expression)) || (expression.type === 'Identifier' && expression.name === 'undefined');
}

/** Whether something guarded by `skip when <condition>` is skipped. */
export function skippedWhen(condition: Truthiness): ConditionValue {
  return condition === 'truthy' ? 'always' : condition === 'falsy' ? 'never' : 'dynamic';
}

/** Whether something guarded by `run when <condition>` is skipped. */
export function skippedUnless(condition: Truthiness): ConditionValue {
  return condition === 'truthy' ? 'never' : condition === 'falsy' ? 'always' : 'dynamic';
}

/** Two conditions that both apply: skipped always if either always skips, dynamic if either might. */
export function combineConditions(a: ConditionValue | null, b: ConditionValue | null): ConditionValue | null {
  if (a === null) return b;
  if (b === null) return a;
  if (a === 'always' || b === 'always') return 'always';
  if (a === 'dynamic' || b === 'dynamic') return 'dynamic';
  return 'never';
}
