import type { Assertion } from '../../inspect/source-facts.js';

/**
 * How much an assertion pins down, from strongest to weakest. A matcher replaced by one lower in
 * this order lets more wrong results pass. Documented on the `tests/assertion-weakened` page.
 */
export const STRENGTH_LEVELS: readonly { level: number; name: string; matchers: readonly string[] }[] = [
  {
    level: 6,
    name: 'exact and strict',
    matchers: ['toStrictEqual', 'toBe', 'deepStrictEqual', 'strictEqual', 'is', 'toEqualTypeOf', 'toMatchInlineSnapshot', 'toMatchSnapshot', 'assertIs', 'eql', 'equals'],
  },
  {
    level: 5,
    name: 'exact (loose equality)',
    matchers: ['toEqual', 'deepEqual', 'equal', 'assertEqual', 'assertEquals', 'assertDictEqual', 'assertListEqual', 'assertCountEqual', 'assertSequenceEqual', 'assertTupleEqual', 'assertSetEqual', '==', 'toStrictEqualTypeOf'],
  },
  {
    level: 4,
    name: 'partial',
    matchers: ['toMatchObject', 'toContainEqual', 'toHaveBeenCalledWith', 'toHaveBeenLastCalledWith', 'toHaveBeenNthCalledWith', 'toHaveReturnedWith', 'toHaveLength', 'toHaveProperty:value', 'match', 'toMatch', 'assertRegex', 'toHaveText', 'toHaveValue', 'toHaveURL', 'toHaveTitle', 'assertAlmostEqual', 'toBeCloseTo', 'approx', 'like', 'toThrow:specific', 'raises:specific', 'throws:specific', 'rejects:specific', 'assertRaises:specific'],
  },
  {
    level: 3,
    name: 'membership, type or range',
    matchers: ['toContain', 'assertIn', 'in', 'include', 'includes', 'toHaveProperty', 'toBeInstanceOf', 'toBeTypeOf', 'assertIsInstance', 'toHaveBeenCalledTimes', 'toBeGreaterThan', 'toBeGreaterThanOrEqual', 'toBeLessThan', 'toBeLessThanOrEqual', '<', '<=', '>', '>=', 'assertGreater', 'assertGreaterEqual', 'assertLess', 'assertLessEqual', 'toHaveCount', 'toThrow', 'raises', 'throws', 'rejects', 'assertRaises', 'toBeNaN', 'is not', 'toBeVisible', 'toHaveAttribute', 'toHaveClass'],
  },
  {
    level: 2,
    name: 'existence or truthiness',
    matchers: ['toBeTruthy', 'toBeFalsy', 'toBeDefined', 'toBeUndefined', 'toBeNull', 'truthy', 'ok', 'true', 'false', 'assertTrue', 'assertFalse', 'assertIsNotNone', 'assertIsNone', 'exist', 'exists', 'toHaveBeenCalled', 'toBeAttached', 'notThrow', 'doesNotThrow'],
  },
];

const LEVEL = new Map<string, number>();
for (const { level, matchers } of STRENGTH_LEVELS) for (const matcher of matchers) LEVEL.set(matcher, level);

/** Matchers whose strength depends on whether an argument narrows them: `toThrow(TypeError)` vs `toThrow()`. */
const NARROWED_BY_ARGUMENT = new Set(['toThrow', 'raises', 'throws', 'rejects', 'assertRaises', 'toHaveProperty']);

/**
 * The strength of an assertion, or null when its matcher is not in the order (a custom matcher:
 * it is never called weaker or stronger). Negation turns exactness into exclusion: `not.toBe(3)`
 * rules out one value and counts as existence-level.
 */
export function strengthOf(assertion: Assertion): number | null {
  const argument = NARROWED_BY_ARGUMENT.has(assertion.matcher) && assertion.expected !== null && assertion.expected !== '';
  const key = argument ? `${assertion.matcher}:${assertion.matcher === 'toHaveProperty' ? 'value' : 'specific'}` : assertion.matcher;
  const level = LEVEL.get(key) ?? LEVEL.get(assertion.matcher);
  if (level === undefined) return null;
  return assertion.negated && level > 2 ? 2 : level;
}

export function levelName(level: number): string {
  return STRENGTH_LEVELS.find((entry) => entry.level === level)?.name ?? 'unknown';
}

/** Assertions that can fail: not tautologies, not swallowed. */
export function effectiveAssertions(assertions: readonly Assertion[]): Assertion[] {
  return assertions.filter((assertion) => !assertion.tautology && assertion.swallowed === null);
}

/** Tolerance of a `pytest.approx(x, rel=…, abs=…)` expectation; null when there is none to compare. */
export function approxTolerance(expected: string | null): { rel: number | null; abs: number | null } | null {
  if (!expected?.includes('approx(')) return null;
  const read = (name: string): number | null => {
    const match = new RegExp(`\\b${name}\\s*=\\s*([0-9.eE+-]+)`).exec(expected);
    return match ? Number(match[1]) : null;
  };
  return { rel: read('rel'), abs: read('abs') };
}

/** One-line rendering of an assertion for before/after excerpts. */
export function renderAssertion(assertion: Assertion): string {
  const actual = assertion.actual ?? '';
  const expected = assertion.expected ?? '';
  switch (assertion.style) {
    case 'expect':
      return `expect(${actual}).${assertion.chain.join('.')}(${expected})`;
    case 'assert':
      if (assertion.matcher === 'truthy') return `assert ${assertion.negated ? 'not ' : ''}${actual}`;
      if (/^[=!<>]|^(in|is|not in|is not)$/.test(assertion.matcher)) return `assert ${actual} ${assertion.matcher} ${expected}`;
      return `assert.${assertion.chain.join('.')}(${[actual, expected].filter(Boolean).join(', ')})`;
    case 'unittest':
      return `self.${assertion.matcher}(${[actual, expected].filter(Boolean).join(', ')})`;
    default:
      return `${assertion.chain.join('.')}(${[actual, expected].filter(Boolean).join(', ')})`;
  }
}

/**
 * Pairs the assertions of a test at base with those at head: first those about the same value
 * (same `actual` text), in order; then the rest by position. Unpaired ones were added or removed.
 */
export function alignAssertions(base: readonly Assertion[], head: readonly Assertion[]): [Assertion, Assertion][] {
  const pairs: [Assertion, Assertion][] = [];
  const headLeft = [...head];
  const baseLeft: Assertion[] = [];
  for (const before of base) {
    const index = headLeft.findIndex((after) => after.actual !== null && after.actual === before.actual);
    if (index >= 0) pairs.push([before, headLeft.splice(index, 1)[0]!]);
    else baseLeft.push(before);
  }
  for (let i = 0; i < Math.min(baseLeft.length, headLeft.length); i++) pairs.push([baseLeft[i]!, headLeft[i]!]);
  return pairs;
}
