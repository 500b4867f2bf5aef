import { beforeAll, describe, expect, it, vi } from 'vitest';
import { UnparseableError } from '../../../src/core/errors.js';
import { inspectPythonSource, pythonSourceInspector } from '../../../src/inspect/python/source-inspector.js';
import type { TestCase } from '../../../src/inspect/source-facts.js';

beforeAll(async () => {
  await pythonSourceInspector.prepare!();
});

const tests = (source: string): TestCase[] => inspectPythonSource(source).tests;
const byName = (source: string): Map<string, TestCase> => new Map(tests(source).map((test) => [test.fullName, test]));
const one = (source: string, name: string): TestCase => {
  const test = byName(source).get(name);
  expect(test, name).toBeDefined();
  return test!;
};

const DJANGO = `from django.test import TestCase
from unittest import mock

from .models import Cart


class CartMixin:
    def make_cart(self):
        return Cart.objects.create()

    def assertEmpty(self, cart):
        self.assertEqual(cart.items.count(), 0)


class CartTests(CartMixin, TestCase):
    """Carts."""

    def setUp(self):
        self.cart = self.make_cart()

    def test_new_cart_is_empty(self):
        self.assertEmpty(self.cart)

    def test_total(self):
        self.cart.add(price=3)
        self.assertEqual(self.cart.total(), 3)
        self.assertAlmostEqual(self.cart.tax(), 0.3, places=2)
        with self.assertRaises(ValueError):
            self.cart.add(price=-1)

    @mock.patch("shop.models.notify")
    def test_notifies(self, notify):
        self.cart.checkout()
        notify.assert_called_once_with(self.cart)

    def helper_not_a_test(self):
        pass


class SlowCartTests(CartTests):
    def test_total(self):
        self.skipTest("too slow on CI")
`;

describe('inventory: unittest / Django', () => {
  let inventory = new Map<string, TestCase>();
  beforeAll(() => {
    inventory = byName(DJANGO);
  });
  it('lists suites and test methods, inherited ones under the subclass', () => {
    expect([...inventory.keys()]).toEqual([
      'CartTests',
      'CartTests > test_new_cart_is_empty',
      'CartTests > test_total',
      'CartTests > test_notifies',
      'SlowCartTests',
      'SlowCartTests > test_total',
      'SlowCartTests > test_new_cart_is_empty',
      'SlowCartTests > test_notifies',
    ]);
    expect(inventory.get('CartTests')).toMatchObject({ kind: 'suite', callee: 'class', line: 15, endLine: 37 });
  });
  it('reads unittest assertions with concrete values', () => {
    const total = inventory.get('CartTests > test_total')!;
    expect(total.assertions.map(({ style, matcher, actual, expected, expectedIsLiteral, negated, line }) => ({ style, matcher, actual, expected, expectedIsLiteral, negated, line }))).toEqual([
      { style: 'unittest', matcher: 'assertEqual', actual: 'self.cart.total()', expected: '3', expectedIsLiteral: true, negated: false, line: 26 },
      { style: 'unittest', matcher: 'assertAlmostEqual', actual: 'self.cart.tax()', expected: '0.3, places=2', expectedIsLiteral: true, negated: false, line: 27 },
      { style: 'unittest', matcher: 'assertRaises', actual: null, expected: 'ValueError', expectedIsLiteral: false, negated: false, line: 28 },
    ]);
    expect(total).toMatchObject({ kind: 'test', callee: 'def', line: 24, endLine: 29, modifiers: [], runtimeSkips: [] });
    expect(total.statements).toHaveLength(4);
  });
  it('counts assertions of helper methods from a local mixin, and mock assertions', () => {
    expect(inventory.get('CartTests > test_new_cart_is_empty')!.assertions).toMatchObject([{ matcher: 'assertEqual', viaHelper: 'assertEmpty', line: 22, actual: 'cart.items.count()', expected: '0' }]);
    expect(inventory.get('CartTests > test_notifies')!.assertions).toMatchObject([{ style: 'assert', matcher: 'assert_called_once_with', actual: 'notify', expected: 'self.cart' }]);
    expect(inventory.get('CartTests > test_notifies')!.callee).toBe('def');
  });
  it('a subclass overriding an inherited test with a body that only skips', () => {
    expect(inventory.get('SlowCartTests > test_total')).toMatchObject({ runtimeSkips: [{ kind: 'self.skipTest', line: 42, conditional: false }], assertions: [] });
    const emptied = one(DJANGO.replace('self.skipTest("too slow on CI")', 'pass'), 'SlowCartTests > test_total');
    expect(emptied.runtimeSkips).toEqual([{ kind: 'override', line: 41, conditional: false }]);
    expect(inventory.get('SlowCartTests > test_notifies')!.assertions).toHaveLength(1);
  });
  it('reports imports as written', () => {
    expect(inspectPythonSource(DJANGO).imports).toEqual(['django.test', 'unittest', '.models']);
    expect(inspectPythonSource('import a.b as c, d\nfrom .. import x\nfrom ...pkg.mod import (\n    y,  # why\n)\n').imports).toEqual(['a.b', 'd', '..', '...pkg.mod']);
  });
});

const PYTEST = `import sys

import pytest

from shop.cart import Cart, total

pytestmark = [pytest.mark.django_db, pytest.mark.skipif(sys.version_info < (3, 10), reason="old")]


@pytest.fixture
def cart():
    c = Cart()
    yield c
    c.close()


def check_items(cart, n):
    assert len(cart.items) == n


@pytest.mark.parametrize("items, expected", [([1, 2], 3), ([], 0)])
def test_total(items, expected):
    assert total(items) == expected


def test_add(cart):
    cart.add(1)
    check_items(cart, 1)
    assert cart.price == pytest.approx(0.3, rel=1e-3)
    with pytest.raises(ValueError, match="negative"):
        cart.add(-1)


class TestCheckout:
    pytestmark = pytest.mark.skip(reason="payment sandbox down")

    def test_pay(self, cart):
        assert cart.pay() is not None

    class TestRefund:
        def test_refund(self):
            assert not Cart().refunded


class TestWithInit:
    def __init__(self):
        pass

    def test_ignored(self):
        assert True


class Helper:
    def test_not_collected(self):
        assert True
`;

describe('inventory: pytest', () => {
  let inventory = new Map<string, TestCase>();
  beforeAll(() => {
    inventory = byName(PYTEST);
  });
  it('lists functions, Test classes (nested too), not classes with __init__ or other names; parametrised tests once', () => {
    expect([...inventory.keys()]).toEqual(['test_total', 'test_add', 'TestCheckout', 'TestCheckout > test_pay', 'TestCheckout > TestRefund', 'TestCheckout > TestRefund > test_refund']);
  });
  it('inherits module and class pytestmark', () => {
    expect(inventory.get('test_total')).toMatchObject({ modifiers: [], inheritedModifiers: ['skipIf'], skipCondition: 'dynamic', callee: 'def' });
    expect(inventory.get('TestCheckout')).toMatchObject({ modifiers: ['skip'], inheritedModifiers: ['skipIf'] });
    expect(inventory.get('TestCheckout > test_pay')).toMatchObject({ modifiers: [], inheritedModifiers: ['skipIf', 'skip'] });
    expect(inventory.get('TestCheckout > TestRefund > test_refund')!.inheritedModifiers).toEqual(['skipIf', 'skip']);
  });
  it('reads assert statements, pytest.raises, approx and helpers', () => {
    expect(inventory.get('test_total')!.assertions).toMatchObject([{ style: 'assert', chain: ['=='], matcher: '==', actual: 'total(items)', expected: 'expected', expectedIsLiteral: false, tautology: false, swallowed: null, line: 23 }]);
    expect(inventory.get('test_add')!.assertions).toMatchObject([
      { style: 'assert', matcher: '==', actual: 'len(cart.items)', expected: 'n', viaHelper: 'check_items', line: 28 },
      { style: 'assert', matcher: '==', actual: 'cart.price', expected: 'pytest.approx(0.3, rel=1e-3)', expectedIsLiteral: true, line: 29 },
      { style: 'pytest', matcher: 'raises', actual: null, expected: 'ValueError, match="negative"', line: 30 },
    ]);
    expect(inventory.get('TestCheckout > test_pay')!.assertions).toMatchObject([{ matcher: 'is not', negated: true, actual: 'cart.pay()', expected: 'None', expectedIsLiteral: true }]);
    expect(inventory.get('TestCheckout > TestRefund > test_refund')!.assertions).toMatchObject([{ matcher: 'truthy', chain: ['not', 'truthy'], negated: true, actual: 'Cart().refunded', expected: null }]);
  });
  it('parses fixtures with a bare yield', () => {
    expect(() => inspectPythonSource(PYTEST)).not.toThrow();
  });
});

describe('markers', () => {
  const marked = (decorator: string): TestCase => one(`import pytest, unittest\n\n${decorator}\ndef test_x():\n    assert f() == 1\n`, 'test_x');
  it.each<[string, Partial<TestCase>]>([
    ['@pytest.mark.skip(reason="flaky")', { modifiers: ['skip'], skipCondition: null, callee: 'pytest.mark.skip' }],
    ['@pytest.mark.skip', { modifiers: ['skip'], callee: 'pytest.mark.skip' }],
    ['@pytest.mark.skipif(True, reason="x")', { modifiers: ['skipIf'], skipCondition: 'always' }],
    ['@pytest.mark.skipif(1, reason="x")', { modifiers: ['skipIf'], skipCondition: 'always' }],
    ['@pytest.mark.skipif(False, reason="x")', { modifiers: ['skipIf'], skipCondition: 'never' }],
    ['@pytest.mark.skipif(0, reason="x")', { modifiers: ['skipIf'], skipCondition: 'never' }],
    ['@pytest.mark.skipif(sys.platform == "win32", reason="x")', { modifiers: ['skipIf'], skipCondition: 'dynamic' }],
    // Platform and environment conditions, over Linux, macOS and Windows and any setting of the variables read.
    ['@pytest.mark.skipif(sys.platform != "plan9", reason="x")', { modifiers: ['skipIf'], skipCondition: 'always' }],
    ['@pytest.mark.skipif(sys.platform in ("linux", "darwin", "win32"), reason="x")', { modifiers: ['skipIf'], skipCondition: 'always' }],
    ['@pytest.mark.skipif(sys.platform in ("linux", "darwin"), reason="x")', { modifiers: ['skipIf'], skipCondition: 'dynamic' }],
    ['@pytest.mark.skipif(platform.system() == "Haiku", reason="x")', { modifiers: ['skipIf'], skipCondition: 'never' }],
    ['@pytest.mark.skipif(not sys.platform.startswith("win") or os.name == "nt", reason="x")', { modifiers: ['skipIf'], skipCondition: 'always' }],
    ['@pytest.mark.skipif(os.environ.get("CI") or not os.getenv("CI"), reason="x")', { modifiers: ['skipIf'], skipCondition: 'always' }],
    ['@pytest.mark.skipif("CI" in os.environ, reason="x")', { modifiers: ['skipIf'], skipCondition: 'dynamic' }],
    ['@pytest.mark.skipif("CI" in os.environ or "CI" not in os.environ, reason="x")', { modifiers: ['skipIf'], skipCondition: 'always' }],
    ['@pytest.mark.skipif(sys.platform == "win32" and IS_SLOW, reason="x")', { modifiers: ['skipIf'], skipCondition: 'dynamic' }],
    ['@unittest.skipUnless(sys.platform == "sunos5", "x")', { modifiers: ['skipIf'], skipCondition: 'always' }],
    ['@pytest.mark.skipif("True")', { modifiers: ['skipIf'], skipCondition: 'always' }],
    ['@pytest.mark.skipif("sys.platform == \'win32\'")', { modifiers: ['skipIf'], skipCondition: 'dynamic' }],
    ['@pytest.mark.skipif(reason="no condition")', { modifiers: ['skip'] }],
    ['@pytest.mark.xfail', { modifiers: ['fails'], callee: 'pytest.mark.xfail' }],
    ['@pytest.mark.xfail(strict=True, reason="bug 12")', { modifiers: ['fails'] }],
    ['@pytest.mark.xfail(run=False)', { modifiers: ['fails', 'skip'] }],
    ['@pytest.mark.xfail(False, reason="fixed")', { modifiers: [] }],
    ['@unittest.skip("later")', { modifiers: ['skip'], callee: 'unittest.skip' }],
    ['@skip("later")', { modifiers: ['skip'], callee: 'skip' }],
    ['@unittest.skipIf(True, "x")', { modifiers: ['skipIf'], skipCondition: 'always' }],
    ['@unittest.skipIf(sys.version_info < (3, 11), "x")', { modifiers: ['skipIf'], skipCondition: 'dynamic' }],
    ['@unittest.skipUnless(False, "x")', { modifiers: ['skipIf'], skipCondition: 'always' }],
    ['@unittest.skipUnless(True, "x")', { modifiers: ['skipIf'], skipCondition: 'never' }],
    ['@unittest.expectedFailure', { modifiers: ['fails'], callee: 'unittest.expectedFailure' }],
    ['@skipUnlessDBFeature("supports_json")', { modifiers: ['skipIf'], skipCondition: 'dynamic' }],
    ['@pytest.mark.parametrize("a", [1, 2])\n@pytest.mark.slow', { modifiers: [], callee: 'def' }],
  ])('%s', (decorator, expected) => {
    expect(marked(decorator)).toMatchObject(expected);
  });

  it('class decorators inherit to methods', () => {
    const source = '@unittest.skipIf(True, "x")\nclass TestA:\n    def test_a(self):\n        assert 1 == f()\n';
    expect(one(source, 'TestA > test_a')).toMatchObject({ modifiers: [], inheritedModifiers: ['skipIf'], skipCondition: 'always' });
  });
  it('module-level pytestmark, importorskip and skip', () => {
    expect(one('import pytest\npytestmark = pytest.mark.skip\n\ndef test_a():\n    assert f()\n', 'test_a').inheritedModifiers).toEqual(['skip']);
    expect(one('import pytest\nnp = pytest.importorskip("numpy")\n\ndef test_a():\n    assert f()\n', 'test_a')).toMatchObject({ inheritedModifiers: ['skipIf'], skipCondition: 'dynamic' });
    expect(one('import pytest\npytest.skip("broken", allow_module_level=True)\n\ndef test_a():\n    assert f()\n', 'test_a')).toMatchObject({ inheritedModifiers: ['skip'] });
    expect(one('import pytest, sys\nif sys.platform == "win32":\n    pytest.skip("posix", allow_module_level=True)\n\ndef test_a():\n    assert f()\n', 'test_a')).toMatchObject({ inheritedModifiers: ['skipIf'], skipCondition: 'dynamic' });
  });
});

describe('runtime skips', () => {
  const body = (lines: string): TestCase => one(`import pytest, unittest\n\ndef test_x():\n${lines.replace(/^/gm, '    ')}\n`, 'test_x');
  it.each<[string, TestCase['runtimeSkips']]>([
    ['pytest.skip("later")', [{ kind: 'pytest.skip', line: 4, conditional: false }]],
    ['if not HAS_DB:\n    pytest.skip("no db")\nassert db() == 1', [{ kind: 'pytest.skip', line: 5, conditional: true }]],
    ['pytest.xfail("bug")', [{ kind: 'pytest.xfail', line: 4, conditional: false }]],
    ['raise unittest.SkipTest("later")', [{ kind: 'raise SkipTest', line: 4, conditional: false }]],
    ['for x in xs:\n    pytest.skip("x")', [{ kind: 'pytest.skip', line: 5, conditional: true }]],
    ['try:\n    import numpy\nexcept ImportError:\n    pytest.skip("numpy")\nassert numpy.ones(1)[0] == 1', [{ kind: 'pytest.skip', line: 7, conditional: true }]],
    ['return\nassert f() == 1', [{ kind: 'return', line: 4, conditional: false }]],
    ['if CI:\n    return\nassert f() == 1', [{ kind: 'return', line: 5, conditional: true }]],
    ['assert f() == 1\nreturn', []],
  ])('%s', (lines, expected) => {
    expect(body(lines).runtimeSkips).toEqual(expected);
  });
  it('self.skipTest in a unittest method', () => {
    expect(one('class T(unittest.TestCase):\n    def test_a(self):\n        self.skipTest("x")\n', 'T > test_a').runtimeSkips).toEqual([{ kind: 'self.skipTest', line: 3, conditional: false }]);
  });
});

describe('assertions', () => {
  const assertion = (line: string) => one(`def test_x(self):\n    ${line}\n`, 'test_x').assertions;
  it.each<[string, Record<string, unknown>]>([
    ['assert x == 3', { style: 'assert', matcher: '==', negated: false, actual: 'x', expected: '3', expectedIsLiteral: true, tautology: false }],
    ['assert x != "a"', { matcher: '!=', negated: true, expected: '"a"', expectedIsLiteral: true }],
    ['assert x is None', { matcher: 'is', negated: false, expected: 'None' }],
    ['assert x is not None', { matcher: 'is not', negated: true }],
    ['assert 1 in xs', { matcher: 'in', actual: '1', expected: 'xs', expectedIsLiteral: false }],
    ['assert 1 not in xs', { matcher: 'not in', negated: true }],
    ['assert x < 3', { matcher: '<', chain: ['<'] }],
    ['assert 0 <= x < 3', { matcher: '<= <', chain: ['<=', '<'], actual: '0', expected: '3' }],
    ['assert x', { matcher: 'truthy', chain: ['truthy'], actual: 'x', expected: null, negated: false }],
    ['assert not x', { matcher: 'truthy', negated: true, actual: 'x' }],
    ['assert x == [1, (2,), {"a": -1}]', { expectedIsLiteral: true }],
    ['assert x == f"{y}"', { expectedIsLiteral: false }],
    ['assert a + b == c', { matcher: '==', actual: 'a + b', expected: 'c' }],
    ['assert x == pytest.approx(1.0, abs=0.5)', { expected: 'pytest.approx(1.0, abs=0.5)', expectedIsLiteral: true }],
    ['self.assertEqual(x, 3)', { style: 'unittest', matcher: 'assertEqual', chain: ['assertEqual'], actual: 'x', expected: '3', expectedIsLiteral: true }],
    ['self.assertTrue(x.ok)', { matcher: 'assertTrue', actual: 'x.ok', expected: null }],
    ['self.assertNotEqual(x, 3)', { matcher: 'assertNotEqual', negated: true }],
    ['self.assertIsNot(x, y)', { matcher: 'assertIsNot', negated: true }],
    ['self.assertIn("a", s)', { matcher: 'assertIn', actual: '"a"', expected: 's' }],
    ['self.assertRaisesRegex(ValueError, "bad", f, 1)', { matcher: 'assertRaisesRegex', expected: 'ValueError, "bad"', actual: 'f' }],
    ['pytest.raises(KeyError, d.__getitem__, "k")', { style: 'pytest', matcher: 'raises', expected: 'KeyError', actual: 'd.__getitem__' }],
    ['with pytest.warns(DeprecationWarning, match="old"):\n        f()', { style: 'pytest', matcher: 'warns', expected: 'DeprecationWarning, match="old"' }],
    ['np.testing.assert_allclose(a, [1.0, 2.0])', { style: 'assert', matcher: 'assert_allclose', actual: 'a', expected: '[1.0, 2.0]', expectedIsLiteral: true }],
  ])('%s', (line, expected) => {
    const found = assertion(line);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject(expected);
  });

  it.each(['assert True', 'assert 1', 'assert "non-empty"', 'assert (x, "message")', 'assert x == x', 'assert 1 == 1', 'assert not False', 'self.assertTrue(True)', 'self.assertFalse(0)', 'self.assertEqual(y, y)', 'self.assertIsNone(None)'])('tautology: %s', (line) => {
    expect(assertion(line)[0]!.tautology).toBe(true);
  });
  it.each(['assert x', 'assert x == y', 'assert False', 'self.assertTrue(x)', 'self.assertEqual(y, 1)'])('not a tautology: %s', (line) => {
    expect(assertion(line)[0]!.tautology).toBe(false);
  });

  it('swallowed failures', () => {
    const swallowed = (body: string) => one(`def test_x():\n${body.replace(/^/gm, '    ')}\n`, 'test_x').assertions.map((found) => found.swallowed);
    expect(swallowed('try:\n    assert f() == 1\nexcept Exception:\n    pass')).toEqual(['try-catch']);
    expect(swallowed('try:\n    assert f() == 1\nexcept:\n    log.warning("failed")')).toEqual(['try-catch']);
    expect(swallowed('try:\n    assert f() == 1\nexcept AssertionError as e:\n    print(e)')).toEqual(['try-catch']);
    expect(swallowed('try:\n    assert f() == 1\nexcept Exception:\n    cleanup()\n    raise')).toEqual([null]);
    expect(swallowed('try:\n    assert f() == 1\nexcept KeyError:\n    pass')).toEqual([null]);
    expect(swallowed('try:\n    assert f() == 1\nexcept Exception as e:\n    pytest.fail(str(e))')).toEqual([null]);
    expect(swallowed('with contextlib.suppress(AssertionError):\n    assert f() == 1')).toEqual(['try-catch']);
    expect(swallowed('return\nassert f() == 1\nself_check()')).toEqual(['after-return']);
    expect(swallowed('try:\n    check()\nexcept Exception:\n    pass\nassert f() == 1')).toEqual([null]);
  });
});

describe('unittest converted to pytest style', () => {
  const unittestStyle = `import unittest

class CartTests(unittest.TestCase):
    def test_total(self):
        self.assertEqual(total([1, 2]), 3)
        self.assertIn(1, [1])
        self.assertIsNone(find("x"))
        self.assertTrue(ok())
        with self.assertRaises(ValueError):
            total(None)
`;
  const pytestStyle = `import pytest

class TestCart:
    def test_total(self):
        assert total([1, 2]) == 3
        assert 1 in [1]
        assert find("x") is None
        assert ok()
        with pytest.raises(ValueError):
            total(None)
`;
  it('keeps the number of assertions and the expected values', () => {
    const before = one(unittestStyle, 'CartTests > test_total').assertions;
    const after = one(pytestStyle, 'TestCart > test_total').assertions;
    expect(after).toHaveLength(before.length);
    expect(after.map((found) => found.expected)).toEqual(before.map((found) => (found.matcher === 'assertIsNone' ? 'None' : found.expected)));
    expect(after.map((found) => found.actual)).toEqual(before.map((found) => found.actual));
  });
});

describe('hashes', () => {
  const original = `def test_total():
    cart = Cart(items=[1, 2])  # two items
    assert cart.total() == 3
`;
  const reformatted = `def test_total():
    # build it
    cart = Cart(
        items=[
            1,
            2,
        ],
    )
    assert cart.total()   ==   3
`;
  it('reformatting keeps statements and bodyHash', () => {
    const a = one(original, 'test_total');
    const b = one(reformatted, 'test_total');
    expect(b.statements).toEqual(a.statements);
    expect(b.bodyHash).toBe(a.bodyHash);
    expect(a.statements).toHaveLength(2);
    expect(a.statements[0]).toMatch(/^[0-9a-f]{8}$/);
    expect(b.endLine).toBe(9);
  });
  it("black's quote normalisation keeps the hash; a changed value does not", () => {
    const a = one("def test_a():\n    assert f('x') == 'y'\n", 'test_a');
    const b = one('def test_a():\n    assert f("x") == "y"\n', 'test_a');
    const c = one('def test_a():\n    assert f("x") == "z"\n', 'test_a');
    expect(b.bodyHash).toBe(a.bodyHash);
    expect(c.bodyHash).not.toBe(a.bodyHash);
  });
  it("black's wrapping parentheses keep the hash; parentheses that group or make a tuple do not", () => {
    const flat = one('def test_a():\n    result = compute_total(items, discount=0.1)\n    assert result == 90\n    return result\n', 'test_a');
    const wrapped = one('def test_a():\n    result = (\n        compute_total(items, discount=0.1)\n    )\n    assert (\n        result == 90\n    )\n    return (result)\n', 'test_a');
    expect(wrapped.bodyHash).toBe(flat.bodyHash);
    expect(wrapped.statements).toEqual(flat.statements);
    const tuple = one('def test_a():\n    result = compute_total(items, discount=0.1)\n    assert (result == 90, "total")\n    return result\n', 'test_a');
    expect(tuple.bodyHash).not.toBe(flat.bodyHash);
    const grouped = one('def test_a():\n    x = (a + b) * c\n', 'test_a');
    expect(grouped.bodyHash).not.toBe(one('def test_a():\n    x = a + b * c\n', 'test_a').bodyHash);
  });
  it('a rename keeps the body hash', () => {
    expect(one(original.replace('test_total', 'test_cart_total'), 'test_cart_total').bodyHash).toBe(one(original, 'test_total').bodyHash);
  });
});

describe('parsing', () => {
  it('Python 3.12 syntax parses', () => {
    const modern = `from typing import Callable

type Pair[T] = tuple[T, T]

def first[T](pair: Pair[T]) -> T:
    return pair[0]

class Box[T: (int, str), *Ts, **P]:
    pass

async def fetch(session):
    async with session.get("u") as r:
        async for chunk in r.content:
            yield chunk

def test_match():
    match command.split():
        case ["go", direction] if direction in DIRECTIONS:
            result = direction
        case Point(x=0, y=0) | {"k": _, **rest}:
            result = None
        case str() | bytes():
            result = "text"
        case _:
            result = f"{d["key"]!r:>{width}} {'nested' + f'{x}'}"
    assert result == "north"

def test_except_star():
    try:
        run()
    except* ValueError as group:
        assert len(group.exceptions) == 2

def test_walrus_and_with():
    if (n := len(items)) > 3:
        pass
    with (
        open("a") as a,
        open("b") as b,
    ):
        assert a.read() == b.read()

def gen():
    x = yield
    return (yield)
`;
    const inventory = byName(modern);
    expect([...inventory.keys()]).toEqual(['test_match', 'test_except_star', 'test_walrus_and_with']);
    expect(inventory.get('test_walrus_and_with')!.assertions).toMatchObject([{ matcher: '==', actual: 'a.read()', expected: 'b.read()', line: 41 }]);
  });
  it.each<[string, number]>([
    ['def test_a()\n    assert x\n', 1],
    ['import pytest\n\ndef test_a():\n    x = (1,\n\nclass B:\n    pass\n', 4],
    ['def test_a():\n    assert x ==\n', 2],
  ])('a syntax error is unparseable at its line: %j', (source, line) => {
    let caught: unknown;
    try {
      inspectPythonSource(source);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnparseableError);
    expect((caught as UnparseableError).line).toBeGreaterThanOrEqual(line);
    expect((caught as UnparseableError).line).toBeLessThanOrEqual(line + 3);
  });
  it('keeps comment facts and bumps the inspector id', () => {
    const facts = pythonSourceInspector.inspect('app.py', 'import os  # noqa: F401\nx = 1  # pragma: no cover\n');
    expect(pythonSourceInspector.id).toBe('python-source@2');
    expect(facts.suppressions).toHaveLength(1);
    expect(facts.coveragePragmas).toHaveLength(1);
    expect(facts.tests).toEqual([]);
    expect(facts.imports).toEqual(['os']);
  });
});

describe('tree-sitter parsing (constructs @lezer/python rejected)', () => {
  it.each([
    ['a bare yield fixture', 'import pytest\n\n@pytest.fixture\ndef db():\n    conn = connect()\n    yield\n    conn.close()\n\ndef test_a(db):\n    assert db\n'],
    ['x = yield', 'def gen():\n    x = yield\n    print(x)\n\ndef test_a():\n    assert gen()\n'],
    ['return (yield)', 'def gen():\n    return (yield)\n\ndef test_a():\n    assert gen()\n'],
    ['an empty class pattern', 'def test_a():\n    match value:\n        case str():\n            kind = "text"\n        case Point(x=0) | bytes():\n            kind = "other"\n    assert kind\n'],
    ['parenthesised with-items', 'def test_a():\n    with (\n        open("a") as a,\n        open("b") as b,\n    ):\n        assert a.read() == b.read()\n'],
    ['a PEP 614 decorator', '@buttons[0].clicked.connect\ndef on_click():\n    pass\n\n@x[0].attr\ndef test_a():\n    assert on_click\n'],
    ['a positional-only lambda', 'def test_a():\n    f = lambda a, /: a\n    g = lambda a, /, **k: (a, k)\n    assert f(1) == 1\n'],
  ])('%s parses and yields its test', (_label, source) => {
    const inventory = byName(source);
    expect([...inventory.keys()]).toEqual(['test_a']);
    expect(inventory.get('test_a')!.assertions).toHaveLength(1);
  });

  it('a bare yield inside a test keeps the assertions around it', () => {
    const test = one('def test_a():\n    setup()\n    yield\n    assert done() == 1\n', 'test_a');
    expect(test.assertions).toMatchObject([{ matcher: '==', actual: 'done()', expected: '1', line: 4 }]);
  });

  it('a PEP 614 decorator that is a mark is still read', () => {
    const test = one('import pytest\n\n@handlers[0].register\n@pytest.mark.skipif(True, reason="x")\ndef test_a():\n    assert x\n', 'test_a');
    expect(test).toMatchObject({ modifiers: ['skipIf'], skipCondition: 'always', callee: 'pytest.mark.skipif', line: 5 });
  });

  const failure = (source: string): UnparseableError => {
    try {
      inspectPythonSource(source);
    } catch (error) {
      if (error instanceof UnparseableError) return error;
      throw error;
    }
    throw new Error('expected an UnparseableError');
  };

  it.each<[string, string, number, RegExp]>([
    ['a missing colon', 'import os\n\ndef test_a()\n    assert x\n', 3, /^Python: Syntax error at line 3: def test_a\(\)/],
    ['an unclosed bracket (reported at the opening line)', 'import pytest\n\ndef test_a():\n    x = (1,\n\nclass B:\n    pass\n', 4, /^Python: Syntax error at line 4/],
    ['an incomplete comparison', 'def test_a():\n    assert x ==\n', 2, /^Python: Syntax error at line 2: assert x ==/],
    ['an unclosed call', 'def test_a():\n    assert f(1\n', 2, /^Python: (?:Syntax error|Missing "\)") at line 2/],
    ['a stray closing bracket', 'x = 1\ny = 2)\n', 2, /^Python: Syntax error at line 2/],
    ['an invalid keyword use', 'def test_a():\n    pass\n\nclass = 3\n', 4, /^Python: Syntax error at line 4/],
  ])('genuinely invalid code is unparseable at its line: %s', (_label, source, line, message) => {
    const error = failure(source);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
  });

  it('a missing token is reported by its type', () => {
    const error = failure('def test_a():\n    if x\n        pass\n');
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/^Python: (?:Missing ":"|Syntax error) at line 2: if x$/);
  });

  it('non-ASCII text keeps offsets and lines (UTF-16 indices)', () => {
    const test = one('s = "é€😀"\n\ndef test_ü():\n    assert "😀" == s[2:], "€"\n', 'test_ü');
    expect(test.assertions).toMatchObject([{ actual: '"😀"', expected: 's[2:]', line: 4 }]);
  });

  it('inspect before prepare is an internal error, not an unparseable file', async () => {
    vi.resetModules();
    const fresh = await import('../../../src/inspect/python/source-inspector.js');
    const freshErrors = await import('../../../src/core/errors.js');
    let caught: unknown;
    try {
      fresh.pythonSourceInspector.inspect('a.py', 'x = 1\n');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(caught).not.toBeInstanceOf(freshErrors.UnparseableError);
    expect((caught as Error).message).toMatch(/before prepare/);
    await fresh.pythonSourceInspector.prepare!();
    expect(fresh.pythonSourceInspector.inspect('a.py', 'import os\n').imports).toEqual(['os']);
  });

  it('prepare is memoised', async () => {
    const first = pythonSourceInspector.prepare!();
    expect(pythonSourceInspector.prepare!()).toBe(first);
    await first;
  });
});
