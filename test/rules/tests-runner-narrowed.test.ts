import { testsRunnerNarrowed } from '../../src/rules/tests/runner-narrowed.js';
import { ruleTester } from '../helpers/rule-tester.js';

const pkg = (extra: Record<string, unknown> = {}): string =>
  `${JSON.stringify({ name: 'shop', private: true, type: 'module', scripts: { test: 'vitest run' }, devDependencies: { vitest: '^3.2.4' }, ...extra }, null, 2)}\n`;

const vitestConfig = (test: string): string => `import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
${test}
  },
});
`;

const jsTests = {
  'src/cart.test.ts': "import { expect, it } from 'vitest';\nit('adds', () => expect(1 + 1).toBe(2));\n",
  'src/checkout/pay.test.ts': "import { expect, it } from 'vitest';\nit('pays', () => expect(2 * 2).toBe(4));\n",
  'src/checkout/refund.test.ts': "import { expect, it } from 'vitest';\nit('refunds', () => expect(3 - 1).toBe(2));\n",
  'src/cart.ts': 'export const cart = 1;\n',
};

const jestPkg = (jest: Record<string, unknown>, scripts: Record<string, string> = { test: 'jest' }): string =>
  `${JSON.stringify({ name: 'api', private: true, scripts, devDependencies: { jest: '^30.0.0' }, jest }, null, 2)}\n`;

const pyTests = {
  'tests/test_orders.py': 'def test_total():\n    assert 1 + 1 == 2\n',
  'tests/integration/test_db.py': 'def test_db():\n    assert True is not False\n',
  'tests/integration/test_queue.py': 'def test_queue():\n    assert [1][0] == 1\n',
  'app/orders.py': 'def total():\n    return 2\n',
};

const pyproject = (options: string): string => `[project]\nname = "shop"\nversion = "0.1.0"\n\n[tool.pytest.ini_options]\n${options}\n`;

const workflow = (run: string): string => `name: CI
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Unit tests
        run: ${run}
`;

const mocharc = (spec: string): string => `spec:\n${spec}\nrecursive: true\n`;
const mochaTests = {
  'test/api/users.spec.js': "const assert = require('node:assert');\nit('lists', () => assert.equal(1, 1));\n",
  'test/api/orders.spec.js': "const assert = require('node:assert');\nit('orders', () => assert.equal(2, 2));\n",
  'test/unit/math.spec.js': "const assert = require('node:assert');\nit('adds', () => assert.equal(1 + 1, 2));\n",
};

ruleTester(testsRunnerNarrowed, {
  valid: [
    { name: 'docs: good example', base: testsRunnerNarrowed.docs.good.base, head: testsRunnerNarrowed.docs.good.head },
    {
      name: 'reformatted vitest config with identical values',
      base: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("    include: ['src/**/*.test.ts'],\n    exclude: [...configDefaults.exclude, 'src/legacy/**'],"), ...jsTests },
      head: {
        'package.json': pkg(),
        'vitest.config.ts': "import { configDefaults, defineConfig } from 'vitest/config'\nexport default defineConfig({ test: { exclude: [...configDefaults.exclude, \"src/legacy/**\"], include: [\"src/**/*.test.ts\"] } })\n",
        ...jsTests,
      },
    },
    {
      name: 'config renamed with identical values',
      base: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("    include: ['src/**/*.test.ts'],"), ...jsTests },
      head: { 'package.json': pkg(), 'vitest.config.mts': vitestConfig("    include: ['src/**/*.test.ts'],"), ...jsTests },
    },
    {
      name: 'a test file moved with the include updated',
      base: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("    include: ['src/**/*.test.ts'],"), ...jsTests },
      head: {
        'package.json': pkg(),
        'vitest.config.ts': vitestConfig("    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],"),
        ...jsTests,
        'src/checkout/pay.test.ts': null,
        'tests/checkout/pay.test.ts': jsTests['src/checkout/pay.test.ts'],
      },
    },
    {
      name: 'a deleted test file is not narrowing (tests/deleted reports it)',
      base: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("    include: ['src/**/*.test.ts'],"), ...jsTests },
      head: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("    include: ['src/**/*.test.ts'],"), ...jsTests, 'src/checkout/refund.test.ts': null },
    },
    {
      name: 'a widened include',
      base: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("    include: ['src/checkout/**/*.test.ts'],"), ...jsTests },
      head: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("    include: ['src/**/*.test.ts'],"), ...jsTests },
    },
    {
      name: 'retries lowered',
      base: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig('    retry: 3,'), ...jsTests },
      head: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig('    retry: 1,'), ...jsTests },
    },
    {
      name: 'pytest config moved from pytest.ini to pyproject.toml with the same values',
      base: { 'pytest.ini': '[pytest]\ntestpaths = tests\naddopts = -ra\n', ...pyTests },
      head: { 'pyproject.toml': pyproject('testpaths = ["tests"]\naddopts = "-ra"'), ...pyTests },
    },
  ],
  invalid: [
    {
      name: 'docs: bad example',
      base: testsRunnerNarrowed.docs.bad.base,
      head: testsRunnerNarrowed.docs.bad.head,
      findings: [{ file: 'vitest.config.ts', message: /excluded by `src\/checkout\/\*\*`/ }],
    },
    {
      name: 'vitest test.exclude widened to drop the failing checkout tests',
      base: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("    include: ['src/**/*.test.ts'],\n    exclude: [...configDefaults.exclude],"), ...jsTests },
      head: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig("    include: ['src/**/*.test.ts'],\n    exclude: [...configDefaults.exclude, 'src/checkout/**'],"), ...jsTests },
      findings: [{ file: 'vitest.config.ts', line: 6, severity: 'block', message: /no longer collects 2 test files.*excluded by `src\/checkout\/\*\*`.*src\/checkout\/pay\.test\.ts, src\/checkout\/refund\.test\.ts/ }],
    },
    {
      name: 'jest testPathIgnorePatterns in package.json',
      base: { 'package.json': jestPkg({ testPathIgnorePatterns: ['/node_modules/'] }), ...jsTests },
      head: { 'package.json': jestPkg({ testPathIgnorePatterns: ['/node_modules/', '/src/checkout/'] }), ...jsTests },
      findings: [{ file: 'package.json', severity: 'block', message: /2 test files.*excluded by `\/src\/checkout\/`/ }],
    },
    {
      name: 'pytest testpaths narrowed in pyproject.toml',
      base: { 'pyproject.toml': pyproject('testpaths = ["tests"]'), ...pyTests },
      head: { 'pyproject.toml': pyproject('testpaths = ["tests/test_orders.py"]'), ...pyTests },
      findings: [{ file: 'pyproject.toml', line: 6, message: /2 test files.*outside testpaths `tests\/test_orders\.py`.*tests\/integration\/test_db\.py/ }],
    },
    {
      name: '--ignore added to addopts in pytest.ini',
      base: { 'pytest.ini': '[pytest]\ntestpaths = tests\naddopts = -ra\n', ...pyTests },
      head: { 'pytest.ini': '[pytest]\ntestpaths = tests\naddopts = -ra --ignore=tests/integration\n', ...pyTests },
      findings: [{ file: 'pytest.ini', line: 3, message: /2 test files.*excluded by `tests\/integration`/ }],
    },
    {
      name: '-k "not slow" added in a workflow step',
      base: { 'pytest.ini': '[pytest]\ntestpaths = tests\n', '.github/workflows/ci.yml': workflow('pytest -q'), ...pyTests },
      head: { 'pytest.ini': '[pytest]\ntestpaths = tests\n', '.github/workflows/ci.yml': workflow('pytest -q -k "not slow"'), ...pyTests },
      findings: [{ file: '.github/workflows/ci.yml', line: 9, severity: 'block', message: /New test filter: `-k not slow`.*cannot be computed statically/ }],
    },
    {
      name: 'mocha .mocharc.yml spec narrowed',
      base: { '.mocharc.yml': mocharc("  - 'test/**/*.spec.js'"), ...mochaTests },
      head: { '.mocharc.yml': mocharc("  - 'test/unit/**/*.spec.js'"), ...mochaTests },
      findings: [{ file: '.mocharc.yml', line: 2, message: /2 test files.*outside spec `test\/unit\/\*\*\/\*\.spec\.js`.*test\/api\/orders\.spec\.js, test\/api\/users\.spec\.js/ }],
    },
    {
      name: 'passWithNoTests added to a script',
      base: { 'package.json': pkg({ scripts: { test: 'vitest run' } }), ...jsTests },
      head: { 'package.json': pkg({ scripts: { test: 'vitest run --passWithNoTests' } }), ...jsTests },
      findings: [{ file: 'package.json', severity: 'warn', message: /passes when it finds no tests/ }],
    },
    {
      name: 'retries raised in the vitest config',
      base: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig('    retry: 0,'), ...jsTests },
      head: { 'package.json': pkg(), 'vitest.config.ts': vitestConfig('    retry: 3,'), ...jsTests },
      findings: [{ file: 'vitest.config.ts', line: 5, severity: 'warn', message: /retries failing tests 3 times \(was 0\)/, before: 'retries: 0', after: 'retries: 3' }],
    },
    {
      name: 'forbid-only removed and bail added in mocha',
      base: { '.mocharc.yml': `${mocharc("  - 'test/**/*.spec.js'")}forbid-only: true\n`, ...mochaTests },
      head: { '.mocharc.yml': `${mocharc("  - 'test/**/*.spec.js'")}bail: true\n`, ...mochaTests },
      findings: [
        { file: '.mocharc.yml', severity: 'warn', message: /no longer forbids/ },
        { file: '.mocharc.yml', line: 4, severity: 'info', message: /stops after 1 failure/ },
      ],
    },
  ],
});
