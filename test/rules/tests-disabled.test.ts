import { testsDisabled } from '../../src/rules/tests/disabled.js';
import { ruleTester } from '../helpers/rule-tester.js';

const vitestFile = (body: string) => `import { describe, it, test, expect } from 'vitest';\nimport { sum } from '../src/sum';\n\n${body}`;
const addsTest = "it('adds two numbers', () => {\n  expect(sum(1, 2)).toBe(3);\n});\n";
const subtractsTest = "it('subtracts', () => {\n  expect(sum(3, -1)).toBe(2);\n});\n";

ruleTester(testsDisabled, {
  valid: [
    {
      name: 'a skip that already existed at base is not new',
      base: { 'test/sum.test.ts': vitestFile(`it.skip('adds two numbers', () => {\n  expect(sum(1, 2)).toBe(3);\n});\n`) },
      head: { 'test/sum.test.ts': vitestFile(`it.skip('adds two numbers', () => {\n  expect(sum(1, 2)).toBe(3);\n});\n\n${subtractsTest}`) },
    },
    {
      name: 'renamed test file keeps its pre-existing skip',
      base: { 'test/sum.test.ts': vitestFile(`it.skip('adds two numbers', () => {\n  expect(sum(1, 2)).toBe(3);\n});\n${subtractsTest}`) },
      head: { 'test/math/sum.spec.ts': vitestFile(`it.skip('adds two numbers', () => {\n  expect(sum(1, 2)).toBe(3);\n});\n${subtractsTest}`) },
    },
    {
      name: 'reformatted file with a pre-existing skip',
      base: { 'test/sum.test.ts': vitestFile(`describe('sum', () => {\n  it.skip('adds two numbers', () => { expect(sum(1, 2)).toBe(3) })\n})\n`) },
      head: { 'test/sum.test.ts': vitestFile(`describe('sum', () => {\n  it.skip('adds two numbers', () => {\n    expect(sum(1, 2)).toBe(3);\n  });\n});\n`) },
    },
    {
      name: 'removing a skip (re-enabling a test) is not reported',
      base: { 'test/sum.test.ts': vitestFile(`it.skip('adds two numbers', () => {\n  expect(sum(1, 2)).toBe(3);\n});\n`) },
      head: { 'test/sum.test.ts': vitestFile(addsTest) },
    },
    {
      name: 'a skipped test moved to another file is not new',
      base: { 'test/a.test.ts': vitestFile(`${addsTest}\nit.skip('is slow', () => {\n  expect(sum(10, 20)).toBe(30);\n});\n`), 'test/b.test.ts': vitestFile(subtractsTest) },
      head: { 'test/a.test.ts': vitestFile(addsTest), 'test/b.test.ts': vitestFile(`${subtractsTest}\nit.skip('is slow', () => {\n  expect(sum(10, 20)).toBe(30);\n});\n`) },
    },
    {
      name: 'a string that looks like a skip is not a skip',
      base: { 'test/sum.test.ts': vitestFile(addsTest) },
      head: { 'test/sum.test.ts': vitestFile(`${addsTest}\nit('documents it.skip usage', () => {\n  expect("it.skip('x', fn)").toContain('skip');\n});\n`) },
    },
    {
      name: 'skipIf with a constant false condition disables nothing',
      base: { 'test/sum.test.ts': vitestFile(addsTest) },
      head: { 'test/sum.test.ts': vitestFile(`it.skipIf(false)('adds two numbers', () => {\n  expect(sum(1, 2)).toBe(3);\n});\n`) },
    },
    {
      name: 'it.skip in a source file that is not a test file is ignored',
      base: { 'src/dsl.ts': 'export const it = { skip: (name: string, fn: () => void) => fn };\n' },
      head: { 'src/dsl.ts': "export const it = { skip: (name: string, fn: () => void) => fn };\nit.skip('x', () => undefined);\n" },
    },
  ],
  invalid: [
    {
      name: 'an existing test becomes skipped',
      base: { 'test/sum.test.ts': vitestFile(addsTest) },
      head: { 'test/sum.test.ts': vitestFile(`it.skip('adds two numbers', () => {\n  expect(sum(1, 2)).toBe(3);\n});\n`) },
      findings: [{ file: 'test/sum.test.ts', line: 4, severity: 'block', message: "'adds two numbers' is now skipped", before: "it('adds two numbers'", after: "it.skip('adds two numbers'" }],
    },
    {
      name: 'xit and xdescribe on existing tests (jest globals, no import)',
      base: { 'src/__tests__/sum.js': "describe('sum', () => {\n  it('adds', () => {\n    expect(1 + 1).toBe(2);\n  });\n});\n" },
      head: { 'src/__tests__/sum.js': "xdescribe('sum', () => {\n  xit('adds', () => {\n    expect(1 + 1).toBe(2);\n  });\n});\n" },
      findings: [
        { file: 'src/__tests__/sum.js', line: 1, severity: 'block', message: "Suite 'sum' is now skipped" },
        { file: 'src/__tests__/sum.js', line: 2, severity: 'block', message: "'sum > adds' is now skipped" },
      ],
    },
    {
      name: '.only is block, even on a new test',
      base: { 'test/sum.test.ts': vitestFile(addsTest) },
      head: { 'test/sum.test.ts': vitestFile(`${addsTest}\nit.only('subtracts', () => {\n  expect(sum(3, -1)).toBe(2);\n});\n`) },
      findings: [{ file: 'test/sum.test.ts', line: 8, severity: 'block', message: 'focused' }],
    },
    {
      name: 'fit and fdescribe focus',
      base: { 'spec/sum.spec.js': "describe('sum', () => {\n  it('adds', () => {\n    expect(1 + 1).toBe(2);\n  });\n});\n" },
      head: { 'spec/sum.spec.js': "fdescribe('sum', () => {\n  fit('adds', () => {\n    expect(1 + 1).toBe(2);\n  });\n});\n" },
      findings: [
        { file: 'spec/sum.spec.js', line: 1, severity: 'block', message: 'focused' },
        { file: 'spec/sum.spec.js', line: 2, severity: 'block', message: 'focused' },
      ],
    },
    {
      name: 'a new test that lands skipped is warn',
      base: { 'test/sum.test.ts': vitestFile(addsTest) },
      head: { 'test/sum.test.ts': vitestFile(`${addsTest}\ntest.skip('handles overflow', () => {\n  expect(sum(Number.MAX_VALUE, 1)).toBe(Infinity);\n});\n`) },
      findings: [{ file: 'test/sum.test.ts', line: 8, severity: 'warn', message: 'lands skipped' }],
    },
    {
      name: 'skipIf with a runtime condition on an existing test is warn',
      base: { 'test/sum.test.ts': vitestFile(addsTest) },
      head: { 'test/sum.test.ts': vitestFile(`it.skipIf(process.env.CI)('adds two numbers', () => {\n  expect(sum(1, 2)).toBe(3);\n});\n`) },
      findings: [{ file: 'test/sum.test.ts', line: 4, severity: 'warn', message: 'runtime condition' }],
    },
    {
      name: 'skipIf(true) and runIf(false) are constant: block',
      base: { 'test/sum.test.ts': vitestFile(`${addsTest}${subtractsTest}`) },
      head: {
        'test/sum.test.ts': vitestFile(
          `it.skipIf(true)('adds two numbers', () => {\n  expect(sum(1, 2)).toBe(3);\n});\nit.runIf(false)('subtracts', () => {\n  expect(sum(3, -1)).toBe(2);\n});\n`,
        ),
      },
      findings: [
        { file: 'test/sum.test.ts', line: 4, severity: 'block' },
        { file: 'test/sum.test.ts', line: 7, severity: 'block' },
      ],
    },
    {
      name: 'it.fails on a new test is warn; on an existing test block',
      base: { 'test/sum.test.ts': vitestFile(addsTest) },
      head: { 'test/sum.test.ts': vitestFile(`it.fails('adds two numbers', () => {\n  expect(sum(1, 2)).toBe(3);\n});\nit.fails('handles NaN', () => {\n  expect(sum(NaN, 1)).toBe(0);\n});\n`) },
      findings: [
        { file: 'test/sum.test.ts', line: 4, severity: 'block', message: 'passes only while the code is broken' },
        { file: 'test/sum.test.ts', line: 7, severity: 'warn', message: 'known bug' },
      ],
    },
    {
      name: 'an existing test turned into a todo',
      base: { 'test/sum.test.ts': vitestFile(addsTest) },
      head: { 'test/sum.test.ts': vitestFile("it.todo('adds two numbers');\n") },
      findings: [{ file: 'test/sum.test.ts', line: 4, severity: 'block', message: 'todo' }],
    },
    {
      name: 'skipped and renamed at once: matched by body',
      base: { 'test/sum.test.ts': vitestFile(addsTest) },
      head: { 'test/sum.test.ts': vitestFile(`it.skip('adds numbers (flaky)', () => {\n  expect(sum(1, 2)).toBe(3);\n});\n`) },
      findings: [{ file: 'test/sum.test.ts', line: 4, severity: 'block', before: "it('adds two numbers'" }],
    },
    {
      name: 'skipped in a renamed file',
      base: { 'test/sum.test.ts': vitestFile(`${addsTest}${subtractsTest}`) },
      head: { 'test/arith.test.ts': vitestFile(`${addsTest}it.skip('subtracts', () => {\n  expect(sum(3, -1)).toBe(2);\n});\n`) },
      findings: [{ file: 'test/arith.test.ts', line: 7, severity: 'block' }],
    },
    {
      name: 'conditional callee with a constant condition',
      base: { 'test/sum.test.ts': vitestFile(addsTest) },
      head: { 'test/sum.test.ts': vitestFile(`(true ? it.skip : it)('adds two numbers', () => {\n  expect(sum(1, 2)).toBe(3);\n});\n`) },
      findings: [{ file: 'test/sum.test.ts', line: 4, severity: 'block' }],
    },
    {
      name: 'Playwright test.describe.skip and test.fixme',
      base: {
        'e2e/login.spec.ts':
          "import { test, expect } from '@playwright/test';\n\ntest.describe('login', () => {\n  test('shows the form', async ({ page }) => {\n    await expect(page.getByRole('form')).toBeVisible();\n  });\n});\n",
      },
      head: {
        'e2e/login.spec.ts':
          "import { test, expect } from '@playwright/test';\n\ntest.describe.skip('login', () => {\n  test.fixme('shows the form', async ({ page }) => {\n    await expect(page.getByRole('form')).toBeVisible();\n  });\n});\n",
      },
      findings: [
        { file: 'e2e/login.spec.ts', line: 3, severity: 'block', message: "Suite 'login' is now skipped" },
        { file: 'e2e/login.spec.ts', line: 4, severity: 'block' },
      ],
    },
    {
      name: 'node:test skip option',
      base: { 'lib/sum.test.mjs': "import { test } from 'node:test';\nimport assert from 'node:assert';\n\ntest('adds', () => {\n  assert.equal(1 + 1, 2);\n});\n" },
      head: { 'lib/sum.test.mjs': "import { test } from 'node:test';\nimport assert from 'node:assert';\n\ntest('adds', { skip: 'flaky' }, () => {\n  assert.equal(1 + 1, 2);\n});\n" },
      findings: [{ file: 'lib/sum.test.mjs', line: 4, severity: 'block' }],
    },
    {
      name: 'test file outside the tests path group, recognised by its framework import',
      base: { 'src/sum.check.ts': vitestFile(addsTest) },
      head: { 'src/sum.check.ts': vitestFile(`it.skip('adds two numbers', () => {\n  expect(sum(1, 2)).toBe(3);\n});\n`) },
      findings: [{ file: 'src/sum.check.ts', line: 4, severity: 'block' }],
    },
  ],
});

ruleTester(testsDisabled, {
  valid: [
    {
      name: 'data: a case already skipped at base, file reformatted',
      base: { 'tests/cases/login.json': '[{"name":"login","skip":true},{"name":"logout"}]\n' },
      head: { 'tests/cases/login.json': '[\n  { "name": "login", "skip": true },\n  { "name": "logout" }\n]\n' },
    },
    {
      name: 'data: counts named like switches in a fixture are not switches',
      base: { 'test/fixtures/report.json': '{"stats":{"passed":3}}\n' },
      head: { 'test/fixtures/report.json': '{"stats":{"passed":3,"skipped":2,"ignored":1,"disabled":0}}\n' },
    },
    {
      name: 'data: a case re-enabled',
      base: { 'tests/cases/login.yml': '- name: login\n  enabled: false\n' },
      head: { 'tests/cases/login.yml': '- name: login\n  enabled: true\n' },
    },
    {
      name: 'data: a platform skip list extended but still platform-specific, and an environment list',
      base: { 'tests/cases/upload.yml': '- name: uploads a file\n  skip_on: [windows]\n  envs: [staging, prod]\n' },
      head: { 'tests/cases/upload.yml': '- name: uploads a file\n  skip_on: [windows, macos]\n  envs: [staging]\n' },
    },
    {
      name: 'code: a platform skip condition changed to another platform',
      base: { 'test/fs.test.ts': "import { it, expect } from 'vitest';\n\nit.skipIf(process.platform === 'win32')('links files', () => {\n  expect(1).toBe(1);\n});\n" },
      head: { 'test/fs.test.ts': "import { it, expect } from 'vitest';\n\nit.skipIf(['win32', 'darwin'].includes(process.platform))('links files', () => {\n  expect(1).toBe(1);\n});\n" },
    },
    {
      name: 'runtime: a conditional skip that already existed',
      base: { 'test/env.test.ts': "import { it, expect } from 'vitest';\n\nit('reads env', (ctx) => {\n  if (!process.env.HOME) ctx.skip();\n  expect(process.env.HOME).toBeTruthy();\n});\n" },
      head: { 'test/env.test.ts': "import { it, expect } from 'vitest';\n\nit('reads env', (ctx) => {\n  if (!process.env.HOME) ctx.skip();\n  expect(process.env.HOME).toContain('/');\n});\n" },
    },
  ],
  invalid: [
    {
      name: 'data: a platform skip list widened to every CI platform',
      base: { 'tests/cases/upload.yml': '- name: uploads a file\n  skip_on: [windows]\n  steps: [open, upload]\n' },
      head: { 'tests/cases/upload.yml': '- name: uploads a file\n  skip_on: [windows, linux, macos]\n  steps: [open, upload]\n' },
      findings: [{ file: 'tests/cases/upload.yml', line: 2, severity: 'block', message: "Test definition 'uploads a file' is switched off through data (`skip_on: [\"windows\", \"linux\", \"macos\"]`)" }],
    },
    {
      name: 'data: a run-on list emptied or pointed at a platform no CI runner has',
      base: { 'tests/e2e/print.case.json': '{\n  "name": "prints",\n  "platforms": ["linux", "darwin"],\n  "only_on": ["linux"]\n}\n' },
      head: { 'tests/e2e/print.case.json': '{\n  "name": "prints",\n  "platforms": [],\n  "only_on": ["plan9"]\n}\n' },
      findings: [
        { file: 'tests/e2e/print.case.json', line: 3, severity: 'block', message: 'platforms: []' },
        { file: 'tests/e2e/print.case.json', line: 4, severity: 'block', message: 'only_on: ["plan9"]' },
      ],
    },
    {
      name: 'code: a platform skip condition widened to always',
      base: { 'test/fs.test.ts': "import { it, expect } from 'vitest';\n\nit.skipIf(process.platform === 'win32')('links files', () => {\n  expect(1).toBe(1);\n});\n" },
      head: { 'test/fs.test.ts': "import { it, expect } from 'vitest';\n\nit.skipIf(process.platform !== 'aix')('links files', () => {\n  expect(1).toBe(1);\n});\n" },
      findings: [{ file: 'test/fs.test.ts', line: 3, severity: 'block', before: "it.skipIf(process.platform === 'win32')", after: "it.skipIf(process.platform !== 'aix')" }],
    },
    {
      name: 'data: an existing case switched off in YAML',
      base: { 'tests/cases/checkout.yml': '- name: pays by card\n  steps: [add, pay]\n- name: pays by voucher\n  steps: [add, voucher]\n' },
      head: { 'tests/cases/checkout.yml': '- name: pays by card\n  steps: [add, pay]\n- name: pays by voucher\n  steps: [add, voucher]\n  skip: flaky on CI\n' },
      findings: [{ file: 'tests/cases/checkout.yml', line: 5, severity: 'block', message: "Test definition 'pays by voucher' is switched off through data" }],
    },
    {
      name: 'data: a definition module exporting enabled: false',
      base: { 'tests/e2e/search.case.ts': "export default { name: 'search', enabled: true, steps: ['open', 'type'] };\n" },
      head: { 'tests/e2e/search.case.ts': "export default { name: 'search', enabled: false, steps: ['open', 'type'] };\n" },
      findings: [{ file: 'tests/e2e/search.case.ts', line: 1, severity: 'block', message: 'enabled: false' }],
    },
    {
      name: 'runtime: an unconditional ctx.skip() added to an existing test',
      base: { 'test/env.test.ts': "import { it, expect } from 'vitest';\n\nit('reads env', (ctx) => {\n  expect(process.env.HOME).toBeTruthy();\n});\n" },
      head: { 'test/env.test.ts': "import { it, expect } from 'vitest';\n\nit('reads env', (ctx) => {\n  ctx.skip();\n  expect(process.env.HOME).toBeTruthy();\n});\n" },
      findings: [{ file: 'test/env.test.ts', line: 3, severity: 'block', message: "'reads env' is now skipped" }],
    },
    {
      name: 'Python: a pytest marker and a unittest skip added',
      base: {
        'tests/test_cart.py': 'import pytest\nfrom shop.cart import total\n\n\ndef test_total():\n    assert total([]) == 0\n\n\nclass TestDiscount:\n    def test_large(self):\n        assert total([120]) == 108\n',
      },
      head: {
        'tests/test_cart.py':
          'import pytest\nfrom shop.cart import total\n\n\n@pytest.mark.skip(reason="flaky")\ndef test_total():\n    assert total([]) == 0\n\n\nclass TestDiscount:\n    def test_large(self):\n        pytest.skip("later")\n        assert total([120]) == 108\n',
      },
      findings: [
        { file: 'tests/test_cart.py', line: 6, severity: 'block', message: "'test_total' is now skipped" },
        { file: 'tests/test_cart.py', line: 11, severity: 'block', message: "'TestDiscount > test_large' is now skipped" },
      ],
    },
  ],
});
