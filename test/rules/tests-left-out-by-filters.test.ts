import { describe, expect, it } from 'vitest';
import { testsDisabled } from '../../src/rules/tests/disabled.js';
import { evaluateExpression } from '../../src/rules/support/test-selection.js';
import { ruleTester } from '../helpers/rule-tester.js';

// A test gains a tag or marker that the runner's configuration or CI filters out.

const pytestIni = '[pytest]\ntestpaths = tests\naddopts = -m "not slow and not integration"\n';
const cart = { 'shop/__init__.py': '', 'shop/cart.py': 'def total(xs):\n    return sum(xs)\n' };
const pyTest = (marker: string) => `import pytest\nfrom shop.cart import total\n\n\n${marker}def test_total():\n    assert total([1, 2]) == 3\n`;

const mocharc = 'spec: test/**/*.spec.js\ngrep: "@flaky"\ninvert: true\n';
const mochaTest = (title: string) => `const assert = require('node:assert');\nconst { describe, it } = require('mocha');\n\ndescribe('cart', () => {\n  it('${title}', () => {\n    assert.strictEqual(1 + 2, 3);\n  });\n});\n`;

ruleTester(testsDisabled, {
  valid: [
    {
      name: 'a marker no filter deselects',
      base: { 'pytest.ini': pytestIni, ...cart, 'tests/test_cart.py': pyTest('') },
      head: { 'pytest.ini': pytestIni, ...cart, 'tests/test_cart.py': pyTest('@pytest.mark.fast\n') },
    },
    {
      name: 'deselected by the default run, but a CI job runs the marker explicitly',
      base: { 'pytest.ini': pytestIni, ...cart, 'tests/test_cart.py': pyTest('') },
      head: {
        'pytest.ini': pytestIni,
        ...cart,
        'tests/test_cart.py': pyTest('@pytest.mark.slow\n'),
        '.github/workflows/slow.yml': 'on: push\njobs:\n  slow:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest -m slow\n',
      },
    },
    {
      name: 'a test that was already deselected at base',
      base: { 'pytest.ini': pytestIni, ...cart, 'tests/test_cart.py': pyTest('@pytest.mark.slow\n') },
      head: { 'pytest.ini': pytestIni, ...cart, 'tests/test_cart.py': pyTest('@pytest.mark.slow\n@pytest.mark.integration\n') },
    },
    {
      name: 'mocha: a tag in the title that the grep does not exclude',
      base: { '.mocharc.yml': mocharc, 'test/cart.spec.js': mochaTest('adds prices') },
      head: { '.mocharc.yml': mocharc, 'test/cart.spec.js': mochaTest('adds prices @fast') },
    },
  ],
  invalid: [
    {
      name: 'pytest: an existing test marked slow while addopts deselects slow',
      base: { 'pytest.ini': pytestIni, ...cart, 'tests/test_cart.py': pyTest('') },
      head: { 'pytest.ini': pytestIni, ...cart, 'tests/test_cart.py': pyTest('@pytest.mark.slow\n') },
      findings: [{ file: 'tests/test_cart.py', line: 6, severity: 'block', message: /Test 'test_total' is now left out by the runner: -m "not slow and not integration" deselects it \(markers: slow\) \(pytest\.ini:3\)/, after: 'tags: slow' }],
    },
    {
      name: 'pytest: a class marker reaches its tests',
      base: { 'pytest.ini': pytestIni, ...cart, 'tests/test_cart.py': 'from shop.cart import total\n\n\nclass TestTotal:\n    def test_sum(self):\n        assert total([1]) == 1\n' },
      head: { 'pytest.ini': pytestIni, ...cart, 'tests/test_cart.py': 'import pytest\nfrom shop.cart import total\n\n\n@pytest.mark.integration\nclass TestTotal:\n    def test_sum(self):\n        assert total([1]) == 1\n' },
      findings: [{ file: 'tests/test_cart.py', line: 7, severity: 'block', message: 'TestTotal > test_sum' }],
    },
    {
      name: 'mocha: @flaky added to a title while the config greps it out',
      base: { '.mocharc.yml': mocharc, 'test/cart.spec.js': mochaTest('adds prices') },
      head: { '.mocharc.yml': mocharc, 'test/cart.spec.js': mochaTest('adds prices @flaky') },
      findings: [{ file: 'test/cart.spec.js', line: 5, severity: 'block', message: 'with --invert leaves it out' }],
    },
  ],
});

describe('pytest -m / -k expressions', () => {
  const has = (words: string[]) => (word: string) => words.includes(word);
  it.each([
    ['not slow', ['slow'], false],
    ['not slow', ['fast'], true],
    ['slow or integration', ['integration'], true],
    ['not (slow or integration) and unit', ['unit'], true],
    ['not (slow or integration) and unit', ['unit', 'slow'], false],
    ['', [], true],
  ] as const)('%s with %j → %s', (expression, words, expected) => {
    expect(evaluateExpression(expression, has([...words]))).toBe(expected);
  });

  it('does not guess at expressions it cannot read', () => {
    expect(evaluateExpression('not (slow', has([]))).toBeNull();
    expect(evaluateExpression('slow and', has([]))).toBeNull();
    expect(evaluateExpression('device(serial="123")', has([]))).toBeNull();
  });
});
