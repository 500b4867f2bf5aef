import { testsAssertionWeakened } from '../../src/rules/tests/assertion-weakened.js';
import { testsAssertionsRemoved } from '../../src/rules/tests/assertions-removed.js';
import { testsDeleted } from '../../src/rules/tests/deleted.js';
import { testsExpectationRewritten } from '../../src/rules/tests/expectation-rewritten.js';
import { testsNoAssertions } from '../../src/rules/tests/no-assertions.js';
import { testsSwallowedFailure } from '../../src/rules/tests/swallowed-failure.js';
import { ruleTester } from '../helpers/rule-tester.js';

const header = "import { describe, expect, it } from 'vitest';\nimport { sum, mul } from '../src/math';\n\n";
const src = { 'src/math.ts': 'export const sum = (a: number, b: number) => a + b;\nexport const mul = (a: number, b: number) => a * b;\n' };
const adds = "it('adds', () => {\n  expect(sum(1, 2)).toBe(3);\n  expect(sum(-1, 1)).toBe(0);\n});\n";
const multiplies = "it('multiplies', () => {\n  expect(mul(2, 3)).toBe(6);\n});\n";

ruleTester(testsDeleted, {
  valid: [
    { name: 'a test renamed', base: { ...src, 'test/math.test.ts': header + adds }, head: { ...src, 'test/math.test.ts': header + adds.replace("'adds'", "'adds two numbers'") } },
    { name: 'a test moved to another file', base: { ...src, 'test/math.test.ts': header + adds + multiplies }, head: { ...src, 'test/math.test.ts': header + multiplies, 'test/sum.test.ts': header + adds } },
    {
      name: 'a test split in two',
      base: { ...src, 'test/math.test.ts': header + adds },
      head: { ...src, 'test/math.test.ts': `${header}it('adds positives', () => {\n  expect(sum(1, 2)).toBe(3);\n});\n\nit('adds opposites', () => {\n  expect(sum(-1, 1)).toBe(0);\n});\n` },
    },
    {
      name: 'describe restructured',
      base: { ...src, 'test/math.test.ts': header + adds + multiplies },
      head: { ...src, 'test/math.test.ts': `${header}describe('math', () => {\n${adds}${multiplies}});\n` },
    },
    {
      name: 'a suite renamed while every statement of its tests was edited',
      base: { ...src, 'test/math.test.ts': `${header}describe('sum', () => {\n  it('adds', () => {\n    expect(sum(1, 2)).toBe(3);\n    expect(sum(2, 2)).toBe(4);\n  });\n});\n` },
      head: { ...src, 'test/math.test.ts': `${header}describe('add', () => {\n  it('adds', async () => {\n    expect(await Promise.resolve(sum(1, 2))).toBe(3);\n    expect(await Promise.resolve(sum(2, 2))).toBe(4);\n  });\n});\n` },
    },
    {
      name: 'a test reworded by a word while its one assertion grew (same matchers, same file)',
      base: { ...src, 'test/math.test.ts': `${header}it('adds two small numbers in order', () => {\n  expect([sum(1, 2)]).toEqual([3]);\n});\n` },
      head: { ...src, 'test/math.test.ts': `${header}it('adds two small and large numbers in order', () => {\n  expect([sum(1, 2), sum(1000, 2000)]).toEqual([3, 3000]);\n});\n` },
    },
    {
      name: 'a test renamed and edited (similar body)',
      base: { ...src, 'test/math.test.ts': `${header}it('adds', () => {\n  expect(sum(1, 2)).toBe(3);\n  expect(sum(2, 2)).toBe(4);\n  expect(sum(0, 0)).toBe(0);\n});\n` },
      head: { ...src, 'test/math.test.ts': `${header}it('adds numbers', () => {\n  expect(sum(1, 2)).toBe(3);\n  expect(sum(2, 2)).toBe(4);\n  expect(sum(0, 0)).toBe(0);\n  expect(sum(5, 5)).toBe(10);\n});\n` },
    },
  ],
  invalid: [
    {
      name: 'a test deleted while its code remains',
      base: { ...src, 'test/math.test.ts': header + adds + multiplies },
      head: { ...src, 'test/math.test.ts': header + adds },
      findings: [{ file: 'test/math.test.ts', line: 8, side: 'base', severity: 'block', message: "Test 'multiplies' deleted" }],
    },
    {
      name: 'a suite renamed and its test replaced by a different check of the same name',
      base: { ...src, 'test/math.test.ts': `${header}describe('sum', () => {\n  it('adds', () => {\n    expect(sum(1, 2)).toBe(3);\n    expect(sum(2, 2)).toBe(4);\n  });\n});\n` },
      head: { ...src, 'test/math.test.ts': `${header}describe('add', () => {\n  it('adds', () => {\n    expect(sum(typeof 1 === 'number' ? 1 : 0, 2)).toBeDefined();\n  });\n});\n` },
      findings: [{ file: 'test/math.test.ts', line: 5, side: 'base', severity: 'block', message: "Test 'sum > adds' deleted" }],
    },
    {
      name: 'a test replaced by another with a nearly equal name but a different check',
      base: { ...src, 'test/math.test.ts': `${header}it('adds two small numbers in order', () => {\n  expect(sum(1, 2)).toBe(3);\n});\n` },
      head: { ...src, 'test/math.test.ts': `${header}it('adds two large numbers in order', () => {\n  expect(sum(1000, 2000)).toBeGreaterThan(0);\n});\n` },
      findings: [{ file: 'test/math.test.ts', line: 4, side: 'base', severity: 'block', message: "Test 'adds two small numbers in order' deleted" }],
    },
    {
      name: 'a whole test file deleted',
      base: { ...src, 'test/math.test.ts': header + adds + multiplies },
      head: { ...src },
      findings: [{ file: 'test/math.test.ts', line: 1, side: 'base', severity: 'block', message: /deleted with its 2 tests/ }],
    },
    {
      name: 'tests deleted together with the code they tested: warn',
      base: { ...src, 'test/math.test.ts': header + adds + multiplies },
      head: {},
      findings: [{ file: 'test/math.test.ts', severity: 'warn', message: 'the code it imported was deleted too' }],
    },
  ],
});

ruleTester(testsAssertionsRemoved, {
  valid: [
    { name: 'assertions added', base: { ...src, 'test/math.test.ts': header + multiplies }, head: { ...src, 'test/math.test.ts': header + multiplies.replace('});', '  expect(mul(0, 3)).toBe(0);\n});') } },
    {
      name: 'assertions moved into a local helper',
      base: { ...src, 'test/math.test.ts': header + adds },
      head: { ...src, 'test/math.test.ts': `${header}function expectSum(a: number, b: number, want: number) {\n  expect(sum(a, b)).toBe(want);\n}\n\nit('adds', () => {\n  expectSum(1, 2, 3);\n  expectSum(-1, 1, 0);\n});\n` },
    },
  ],
  invalid: [
    {
      name: 'an assertion dropped',
      base: { ...src, 'test/math.test.ts': header + adds },
      head: { ...src, 'test/math.test.ts': header + adds.replace('  expect(sum(-1, 1)).toBe(0);\n', '') },
      findings: [{ file: 'test/math.test.ts', line: 4, severity: 'block', message: 'makes 1 assertion instead of 2', before: 'sum(-1, 1)' }],
    },
    {
      name: 'all assertions dropped',
      base: { ...src, 'test/math.test.ts': header + multiplies },
      head: { ...src, 'test/math.test.ts': `${header}it('multiplies', () => {\n  mul(2, 3);\n});\n` },
      findings: [{ file: 'test/math.test.ts', message: 'no longer asserts anything' }],
    },
  ],
});

ruleTester(testsAssertionWeakened, {
  valid: [
    { name: 'a matcher made stronger', base: { ...src, 'test/math.test.ts': header + multiplies.replace('toBe(6)', 'toBeDefined()') }, head: { ...src, 'test/math.test.ts': header + multiplies } },
    { name: 'an unrelated line changed', base: { ...src, 'test/math.test.ts': header + multiplies }, head: { ...src, 'test/math.test.ts': `// Multiplication\n${header}${multiplies}` } },
  ],
  invalid: [
    {
      name: 'toEqual(42) swapped for toBeDefined()',
      base: { ...src, 'test/math.test.ts': header + multiplies },
      head: { ...src, 'test/math.test.ts': header + multiplies.replace('toBe(6)', 'toBeDefined()') },
      findings: [{ file: 'test/math.test.ts', line: 5, severity: 'block', message: 'exact and strict → existence or truthiness', before: 'toBe(6)', after: 'toBeDefined()' }],
    },
    {
      name: 'toThrow(specific) to toThrow()',
      base: { ...src, 'test/math.test.ts': `${header}it('rejects', () => {\n  expect(() => sum(NaN, 1)).toThrow(RangeError);\n});\n` },
      head: { ...src, 'test/math.test.ts': `${header}it('rejects', () => {\n  expect(() => sum(NaN, 1)).toThrow();\n});\n` },
      findings: [{ file: 'test/math.test.ts', line: 5 }],
    },
    {
      name: 'an exact value replaced by a range',
      base: { ...src, 'test/math.test.ts': header + multiplies },
      head: { ...src, 'test/math.test.ts': header + multiplies.replace('toBe(6)', 'toBeGreaterThan(5)') },
      findings: [{ file: 'test/math.test.ts', line: 5, message: 'membership, type or range' }],
    },
  ],
});

ruleTester(testsExpectationRewritten, {
  valid: [
    { name: 'expected value changed but the code did not', base: { ...src, 'test/math.test.ts': header + multiplies }, head: { ...src, 'test/math.test.ts': header + multiplies.replace('mul(2, 3)).toBe(6)', 'mul(2, 4)).toBe(8)') } },
    {
      name: 'Playwright: only the timeout of an assertion changed, with the page code',
      base: {
        'src/page.ts': "export const title = 'Saved';\n",
        'e2e/save.spec.ts': "import { test, expect } from '@playwright/test';\nimport { title } from '../src/page';\n\ntest('saves', async ({ page }) => {\n  await page.goto(`/${title}`);\n  await expect(page.getByRole('status')).toHaveText('Saved', { timeout: 5000 });\n});\n",
      },
      head: {
        'src/page.ts': "export const title = 'Saved';\nexport const slow = true;\n",
        'e2e/save.spec.ts': "import { test, expect } from '@playwright/test';\nimport { title } from '../src/page';\n\ntest('saves', async ({ page }) => {\n  await page.goto(`/${title}`);\n  await expect(page.getByRole('status')).toHaveText('Saved', { timeout: 15000 });\n});\n",
      },
    },
  ],
  invalid: [
    {
      name: 'code and its expected value changed together',
      base: { ...src, 'test/math.test.ts': header + multiplies },
      head: { 'src/math.ts': src['src/math.ts'].replace('a * b', 'a * b + 1'), 'test/math.test.ts': header + multiplies.replace('toBe(6)', 'toBe(7)') },
      findings: [{ file: 'test/math.test.ts', line: 5, severity: 'warn', message: '6 → 7', before: 'toBe(6)', after: 'toBe(7)' }],
    },
  ],
});

ruleTester(testsNoAssertions, {
  valid: [
    { name: 'a new test with a real assertion', base: { ...src, 'test/math.test.ts': header + adds }, head: { ...src, 'test/math.test.ts': header + adds + multiplies } },
    { name: 'a new todo test', base: { ...src, 'test/math.test.ts': header + adds }, head: { ...src, 'test/math.test.ts': `${header + adds}it.todo('divides');\n` } },
  ],
  invalid: [
    {
      name: 'a new test that only calls the code',
      base: { ...src, 'test/math.test.ts': header + adds },
      head: { ...src, 'test/math.test.ts': `${header + adds}it('multiplies', () => {\n  mul(2, 3);\n});\n` },
      findings: [{ file: 'test/math.test.ts', line: 8, severity: 'block', message: "New test 'multiplies' makes no assertion" }],
    },
    {
      name: 'a tautology added',
      base: { ...src, 'test/math.test.ts': header + adds },
      head: { ...src, 'test/math.test.ts': `${header + adds}it('multiplies', () => {\n  mul(2, 3);\n  expect(true).toBe(true);\n});\n` },
      findings: [{ file: 'test/math.test.ts', line: 10, message: 'tautology' }],
    },
  ],
});

ruleTester(testsSwallowedFailure, {
  valid: [
    {
      name: 'a catch that asserts on the error',
      base: { ...src, 'test/math.test.ts': header + multiplies },
      head: { ...src, 'test/math.test.ts': `${header}it('multiplies', () => {\n  try {\n    expect(mul(2, 3)).toBe(6);\n  } catch (error) {\n    expect(error).toBeUndefined();\n  }\n});\n` },
    },
  ],
  invalid: [
    {
      name: 'an assertion wrapped in try/catch that drops the error',
      base: { ...src, 'test/math.test.ts': header + multiplies },
      head: { ...src, 'test/math.test.ts': `${header}it('multiplies', () => {\n  try {\n    expect(mul(2, 3)).toBe(6);\n  } catch {\n    // flaky\n  }\n});\n` },
      findings: [{ file: 'test/math.test.ts', line: 6, severity: 'block', message: 'inside a try whose catch discards the error' }],
    },
    {
      name: 'an early return before the assertions',
      base: { ...src, 'test/math.test.ts': header + multiplies },
      head: { ...src, 'test/math.test.ts': `${header}it('multiplies', () => {\n  return;\n  expect(mul(2, 3)).toBe(6);\n});\n` },
      findings: [{ file: 'test/math.test.ts', line: 6, message: 'never runs' }],
    },
  ],
});

const pyUnittest = `import unittest
from shop.cart import total


class TestCart(unittest.TestCase):
    def test_empty(self):
        self.assertEqual(total([]), 0)

    def test_sum(self):
        self.assertEqual(total([2, 3]), 5)
        self.assertIn(5, [total([2, 3])])
`;
const pyPytest = `from shop.cart import total


class TestCart:
    def test_empty(self):
        assert total([]) == 0

    def test_sum(self):
        assert total([2, 3]) == 5
        assert 5 in [total([2, 3])]
`;
const pySrc = { 'shop/__init__.py': '', 'shop/cart.py': 'def total(items):\n    return sum(items)\n' };

ruleTester(testsAssertionsRemoved, {
  valid: [{ name: 'Python: unittest converted to pytest style', base: { ...pySrc, 'tests/test_cart.py': pyUnittest }, head: { ...pySrc, 'tests/test_cart.py': pyPytest } }],
  invalid: [
    {
      name: 'Python: an assert dropped',
      base: { ...pySrc, 'tests/test_cart.py': pyPytest },
      head: { ...pySrc, 'tests/test_cart.py': pyPytest.replace('        assert 5 in [total([2, 3])]\n', '') },
      findings: [{ file: 'tests/test_cart.py', line: 8, message: 'makes 1 assertion instead of 2' }],
    },
  ],
});

ruleTester(testsAssertionWeakened, {
  valid: [{ name: 'Python: unittest converted to pytest style', base: { ...pySrc, 'tests/test_cart.py': pyUnittest }, head: { ...pySrc, 'tests/test_cart.py': pyPytest } }],
  invalid: [
    {
      name: 'Python: assert x == 5 weakened to assert x',
      base: { ...pySrc, 'tests/test_cart.py': pyPytest },
      head: { ...pySrc, 'tests/test_cart.py': pyPytest.replace('assert total([2, 3]) == 5', 'assert total([2, 3])') },
      findings: [{ file: 'tests/test_cart.py', line: 9, message: 'existence or truthiness' }],
    },
    {
      name: 'Python: pytest.approx tolerance widened',
      base: { ...pySrc, 'tests/test_cart.py': 'import pytest\nfrom shop.cart import total\n\n\ndef test_avg():\n    assert total([0.1, 0.2]) == pytest.approx(0.3, rel=1e-6)\n' },
      head: { ...pySrc, 'tests/test_cart.py': 'import pytest\nfrom shop.cart import total\n\n\ndef test_avg():\n    assert total([0.1, 0.2]) == pytest.approx(0.3, rel=0.5)\n' },
      findings: [{ file: 'tests/test_cart.py', line: 6, message: 'approx tolerance widened' }],
    },
  ],
});

ruleTester(testsDeleted, {
  valid: [{ name: 'Python: test moved to another module', base: { ...pySrc, 'tests/test_cart.py': pyPytest }, head: { ...pySrc, 'tests/test_cart.py': pyPytest.replace(/\n {4}def test_sum[\s\S]*$/, '\n'), 'tests/test_sum.py': `from shop.cart import total\n\n\nclass TestCart:\n    def test_sum(self):\n        assert total([2, 3]) == 5\n        assert 5 in [total([2, 3])]\n` } }],
  invalid: [
    {
      name: 'Python: a test method deleted',
      base: { ...pySrc, 'tests/test_cart.py': pyPytest },
      head: { ...pySrc, 'tests/test_cart.py': pyPytest.replace(/\n {4}def test_sum[\s\S]*$/, '\n') },
      findings: [{ file: 'tests/test_cart.py', line: 8, side: 'base', severity: 'block', message: "Test 'TestCart > test_sum' deleted" }],
    },
  ],
});
