import { testsDeleted } from '../../src/rules/tests/deleted.js';
import { testsDisabled } from '../../src/rules/tests/disabled.js';
import { ruleTester } from '../helpers/rule-tester.js';

// Test files that neither match the `tests` path group nor import a framework: only the runner's
// configuration says they are tests (jest globals with a custom testMatch, vitest include with
// globals, pytest python_files).

const jestPackage = JSON.stringify({ name: 'calc', scripts: { test: 'jest' }, jest: { testMatch: ['**/*.check.js'] } }, null, 2);
const calc = { 'src/calc.js': 'exports.sum = (a, b) => a + b;\nexports.mul = (a, b) => a * b;\n' };
const checks = "const { sum, mul } = require('./calc');\n\ntest('sums', () => {\n  expect(sum(1, 2)).toBe(3);\n});\n\ntest('multiplies', () => {\n  expect(mul(2, 3)).toBe(6);\n});\n";

const vitestConfig = "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({\n  test: {\n    globals: true,\n    include: ['checks/**/*.ts'],\n  },\n});\n";
const vitestChecks = "import { sum } from '../src/sum';\n\ndescribe('sum', () => {\n  it('adds', () => {\n    expect(sum(1, 2)).toBe(3);\n  });\n});\n";

const pytestIni = '[pytest]\npython_files = check_*.py\n';
const pyChecks = 'from calc import total\n\n\ndef test_total():\n    assert total([1, 2]) == 3\n\n\ndef test_empty():\n    assert total([]) == 0\n';

ruleTester(testsDeleted, {
  valid: [
    {
      name: 'no runner collects the file: functions named test are not tests',
      base: { ...calc, 'package.json': JSON.stringify({ name: 'calc' }), 'src/calc.check.js': checks },
      head: { ...calc, 'package.json': JSON.stringify({ name: 'calc' }), 'src/calc.check.js': checks.slice(0, checks.indexOf("test('multiplies'")) },
    },
    {
      name: 'a collected test moved to another collected file',
      base: { ...calc, 'package.json': jestPackage, 'src/calc.check.js': checks },
      head: {
        ...calc,
        'package.json': jestPackage,
        'src/calc.check.js': checks.slice(0, checks.indexOf("test('multiplies'")),
        'src/mul.check.js': "const { mul } = require('./calc');\n\ntest('multiplies', () => {\n  expect(mul(2, 3)).toBe(6);\n});\n",
      },
    },
  ],
  invalid: [
    {
      name: 'jest testMatch: a test deleted from a *.check.js file',
      base: { ...calc, 'package.json': jestPackage, 'src/calc.check.js': checks },
      head: { ...calc, 'package.json': jestPackage, 'src/calc.check.js': checks.slice(0, checks.indexOf("test('multiplies'")) },
      findings: [{ file: 'src/calc.check.js', line: 7, side: 'base', severity: 'block', message: "Test 'multiplies' deleted" }],
    },
    {
      name: 'vitest include with globals: a checks file deleted',
      base: { 'vitest.config.ts': vitestConfig, 'src/sum.ts': 'export const sum = (a: number, b: number) => a + b;\n', 'checks/sum.ts': vitestChecks },
      head: { 'vitest.config.ts': vitestConfig, 'src/sum.ts': 'export const sum = (a: number, b: number) => a + b;\n' },
      findings: [{ file: 'checks/sum.ts', line: 4, side: 'base', severity: 'block', message: "Test 'sum > adds' deleted" }],
    },
    {
      name: 'pytest python_files: a test deleted from check_calc.py',
      base: { 'pytest.ini': pytestIni, 'calc.py': 'def total(xs):\n    return sum(xs)\n', 'check_calc.py': pyChecks },
      head: { 'pytest.ini': pytestIni, 'calc.py': 'def total(xs):\n    return sum(xs)\n', 'check_calc.py': pyChecks.slice(0, pyChecks.indexOf('\n\ndef test_empty')) + '\n' },
      findings: [{ file: 'check_calc.py', line: 8, side: 'base', severity: 'block', message: "Test 'test_empty' deleted" }],
    },
  ],
});

ruleTester(testsDisabled, {
  valid: [
    {
      name: 'not collected by the runner (outside testMatch): a skip there is not a test skip',
      base: { ...calc, 'package.json': jestPackage, 'scripts/calc.smoke.js': checks },
      head: { ...calc, 'package.json': jestPackage, 'scripts/calc.smoke.js': checks.replace("test('sums'", "test.skip('sums'") },
    },
  ],
  invalid: [
    {
      name: 'jest testMatch: a test skipped in a *.check.js file',
      base: { ...calc, 'package.json': jestPackage, 'src/calc.check.js': checks },
      head: { ...calc, 'package.json': jestPackage, 'src/calc.check.js': checks.replace("test('sums'", "test.skip('sums'") },
      findings: [{ file: 'src/calc.check.js', line: 3, side: 'head', severity: 'block' }],
    },
  ],
});
