import { testsNotRun } from '../../src/rules/tests/not-run.js';
import { ruleTester } from '../helpers/rule-tester.js';

const pkg = (test = 'vitest run'): string => `${JSON.stringify({ name: 'shop', private: true, type: 'module', scripts: { test }, devDependencies: { vitest: '^3.2.4' } }, null, 2)}\n`;

/** vitest's junit reporter: classname and suite name are the file, the name is the describe path joined by ' > '. */
type Case = string | { name: string; skipped?: boolean; failed?: boolean };
const vitestSuite = (file: string, cases: readonly Case[]): string =>
  `    <testsuite name="${file}" timestamp="2025-03-04T10:11:12.000Z" hostname="fv-az1" tests="${cases.length}" failures="0" errors="0" skipped="0" time="0.1">\n${cases
    .map((c) => {
      const { name, skipped = false, failed = false } = typeof c === 'string' ? { name: c } : c;
      const body = skipped ? '\n            <skipped/>\n' : failed ? '\n            <failure message="expected 3 to be 4" type="AssertionError">AssertionError: expected 3 to be 4</failure>\n' : '\n';
      return `        <testcase classname="${file}" name="${name.replaceAll('>', '&gt;')}" time="0.002">${body}        </testcase>\n`;
    })
    .join('')}    </testsuite>\n`;
const vitest = (suites: Record<string, readonly Case[]>): string =>
  `<?xml version="1.0" encoding="UTF-8" ?>\n<testsuites name="vitest tests" tests="0" failures="0" errors="0" time="1.2">\n${Object.entries(suites)
    .map(([file, cases]) => vitestSuite(file, cases))
    .join('')}</testsuites>\n`;

/** pytest --junitxml (xunit2): classname is the dotted module (and class), no file attribute. */
const pytest = (cases: readonly { classname: string; name: string; skipped?: boolean }[]): string =>
  `<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="0" failures="0" skipped="0" tests="${cases.length}" time="0.2" timestamp="2025-03-04T10:11:12+00:00" hostname="ci">${cases
    .map((c) => `<testcase classname="${c.classname}" name="${c.name}" time="0.001">${c.skipped === true ? '<skipped type="pytest.skip" message="no db">tests/x.py:3: no db</skipped>' : ''}</testcase>`)
    .join('')}</testsuite></testsuites>`;

/** jest-junit defaults: no file, the suite is the first describe, classname = name = titles joined by spaces. */
const jestJunit = (suites: Record<string, readonly string[]>): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="jest tests" tests="0" failures="0" errors="0" time="1">\n${Object.entries(suites)
    .map(
      ([suite, names]) =>
        `  <testsuite name="${suite}" errors="0" failures="0" skipped="0" timestamp="2025-03-04T10:11:12" time="0.5" tests="${names.length}">\n${names.map((n) => `    <testcase classname="${n}" name="${n}" time="0.004">\n    </testcase>\n`).join('')}  </testsuite>\n`,
    )
    .join('')}</testsuites>\n`;

/** Playwright's junit reporter: one <testsuite> per project and file, hostname = project. */
const playwright = (projects: Record<string, readonly string[]>, file = 'checkout.spec.ts'): string =>
  `<testsuites id="" name="" tests="0" failures="0" skipped="0" errors="0" time="20.1">\n${Object.entries(projects)
    .map(
      ([project, names]) =>
        `<testsuite name="${file}" timestamp="2025-03-04T10:11:12.000Z" hostname="${project}" tests="${names.length}" failures="0" skipped="0" time="9.2" errors="0">\n${names.map((n) => `<testcase name="${n}" classname="${file}" time="1.5">\n</testcase>\n`).join('')}</testsuite>\n`,
    )
    .join('')}</testsuites>\n`;

const cartTest = (tests: string): string => `import { describe, expect, it } from 'vitest';\nimport { add, total } from './cart';\n\n${tests}`;
const addsItems = "  it('adds items', () => {\n    expect(add([], 1)).toEqual([1]);\n  });\n";
const sums = "  it('sums prices', () => {\n    expect(total([1, 2])).toBe(3);\n  });\n";
const empties = "  it('starts empty', () => {\n    expect(add([], 0)).toHaveLength(1);\n  });\n";
const cart = (...tests: string[]) => cartTest(`describe('cart', () => {\n${tests.join('\n')}});\n`);
const cartSource = 'export const add = (items: number[], item: number) => [...items, item];\nexport const total = (items: number[]) => items.reduce((a, b) => a + b, 0);\n';

const pyTest = (body: string): string => `import pytest\n\nfrom app.cart import total\n\n\n${body}`;
const pySum = (argnames: string, rows: string) =>
  `class TestTotals:\n    @pytest.mark.parametrize("${argnames}", [${rows}])\n    def test_sum(self, a, b, expected):\n        assert total([a, b]) == expected\n`;

ruleTester(testsNotRun, {
  valid: [
    { name: 'docs: good example', base: testsNotRun.docs.good.base, head: testsNotRun.docs.good.head, ...(testsNotRun.docs.good.junit ? { junit: testsNotRun.docs.good.junit } : {}) },
    {
      name: 'the same tests ran on both sides (durations and host differ)',
      base: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums) },
      head: { 'package.json': pkg(), 'src/cart.ts': `${cartSource}// totals in cents\n`, 'src/cart.test.ts': cart(addsItems, sums) },
      junit: {
        base: vitest({ 'src/cart.test.ts': ['cart > adds items', 'cart > sums prices'] }),
        head: vitest({ 'src/cart.test.ts': ['cart > adds items', 'cart > sums prices'] }).replaceAll('time="0.002"', 'time="0.017"').replace('fv-az1', 'fv-az9'),
      },
    },
    {
      name: 'only one side has evidence: nothing to compare',
      base: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums) },
      head: { 'package.json': pkg('vitest run src/nothing'), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums) },
      junit: { base: vitest({ 'src/cart.test.ts': ['cart > adds items', 'cart > sums prices'] }), head: null },
    },
    {
      name: 'a test deleted in the change is tests/deleted’s finding, not this one',
      base: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums) },
      head: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems) },
      junit: { base: vitest({ 'src/cart.test.ts': ['cart > adds items', 'cart > sums prices'] }), head: vitest({ 'src/cart.test.ts': ['cart > adds items'] }) },
    },
    {
      name: 'a whole test file deleted in the change',
      base: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems), 'src/total.test.ts': cart(sums) },
      head: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems) },
      junit: { base: vitest({ 'src/cart.test.ts': ['cart > adds items'], 'src/total.test.ts': ['cart > sums prices'] }), head: vitest({ 'src/cart.test.ts': ['cart > adds items'] }) },
    },
    {
      name: 'a deleted test file whose tests were generated from a table (names the inventory cannot spell out)',
      base: {
        'package.json': pkg(),
        'src/cart.ts': cartSource,
        'src/cart.test.ts': cart(addsItems),
        'src/table.test.ts': cartTest("describe('table', () => {\n  it.each([[1], [2]])('adds %i', (n) => {\n    expect(add([], n)).toEqual([n]);\n  });\n});\n"),
      },
      head: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems) },
      junit: { base: vitest({ 'src/cart.test.ts': ['cart > adds items'], 'src/table.test.ts': ['table > adds 1', 'table > adds 2'] }), head: vitest({ 'src/cart.test.ts': ['cart > adds items'] }) },
    },
    {
      name: 'a test renamed in the source ran under its new name',
      base: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums) },
      head: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums.replace('sums prices', 'adds up the prices')) },
      junit: {
        base: vitest({ 'src/cart.test.ts': ['cart > adds items', 'cart > sums prices'] }),
        head: vitest({ 'src/cart.test.ts': ['cart > adds items', 'cart > adds up the prices'] }),
      },
    },
    {
      name: 'a describe renamed: its tests ran under the new suite name',
      base: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums) },
      head: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums).replace("describe('cart'", "describe('shopping cart'") },
      junit: {
        base: vitest({ 'src/cart.test.ts': ['cart > adds items', 'cart > sums prices'] }),
        head: vitest({ 'src/cart.test.ts': ['shopping cart > adds items', 'shopping cart > sums prices'] }),
      },
    },
    {
      name: 'a test file moved: its tests ran under the new path',
      base: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums) },
      head: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'test/unit/cart.test.ts': cart(addsItems, sums).replace("'./cart'", "'../../src/cart'") },
      junit: {
        base: vitest({ 'src/cart.test.ts': ['cart > adds items', 'cart > sums prices'] }),
        head: vitest({ 'test/unit/cart.test.ts': ['cart > adds items', 'cart > sums prices'] }),
      },
    },
    {
      name: 'a test moved into another file of the change',
      base: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums) },
      head: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems), 'src/total.test.ts': cart(sums) },
      junit: {
        base: vitest({ 'src/cart.test.ts': ['cart > adds items', 'cart > sums prices'] }),
        head: vitest({ 'src/cart.test.ts': ['cart > adds items'], 'src/total.test.ts': ['cart > sums prices'] }),
      },
    },
    {
      name: 'pytest: argnames reordered, so every parametrised id changed, with the same values',
      base: { 'pyproject.toml': '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n', 'app/cart.py': 'def total(items):\n    return sum(items)\n', 'tests/test_cart.py': pyTest(pySum('a,b,expected', '(1, 2, 3), (2, 2, 4)')) },
      head: {
        'pyproject.toml': '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n',
        'app/cart.py': 'def total(items):\n    return sum(items)\n',
        'tests/test_cart.py': pyTest(pySum('b,a,expected', '(2, 1, 3), (2, 2, 4)')),
      },
      junit: {
        base: pytest([
          { classname: 'tests.test_cart.TestTotals', name: 'test_sum[1-2-3]' },
          { classname: 'tests.test_cart.TestTotals', name: 'test_sum[2-2-4]' },
        ]),
        head: pytest([
          { classname: 'tests.test_cart.TestTotals', name: 'test_sum[2-1-3]' },
          { classname: 'tests.test_cart.TestTotals', name: 'test_sum[2-2-4]' },
        ]),
      },
    },
    {
      name: 'retries merged: a test that failed then passed on retry at head ran',
      base: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums) },
      head: { 'package.json': pkg('vitest run --retry 2'), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums) },
      junit: {
        base: vitest({ 'src/cart.test.ts': ['cart > adds items', 'cart > sums prices'] }),
        head: vitest({ 'src/cart.test.ts': ['cart > adds items', { name: 'cart > sums prices', failed: true }, 'cart > sums prices'] }),
      },
    },
    {
      name: 'a test skipped at base too',
      base: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums.replace("it('", "it.skip('")) },
      head: { 'package.json': pkg(), 'src/cart.ts': `${cartSource}\n`, 'src/cart.test.ts': cart(addsItems, sums.replace("it('", "it.skip('")) },
      junit: {
        base: vitest({ 'src/cart.test.ts': ['cart > adds items', { name: 'cart > sums prices', skipped: true }] }),
        head: vitest({ 'src/cart.test.ts': ['cart > adds items'] }),
      },
    },
    {
      name: 'a failing test that now passes, and vitest’s unhandled-error pseudo-test that went away',
      base: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums) },
      head: { 'package.json': pkg(), 'src/cart.ts': `${cartSource}\n`, 'src/cart.test.ts': cart(addsItems, sums) },
      junit: {
        base: vitest({ 'src/cart.test.ts': ['cart > adds items', { name: 'cart > sums prices', failed: true }] }).replace(
          '</testsuites>',
          '    <testsuite name="vitest unhandled errors" tests="1" failures="0" errors="1" skipped="0" time="0">\n        <testcase classname="vitest unhandled errors" name="Unhandled Rejection: boom" time="0">\n            <error message="boom" type="Error">Error: boom</error>\n        </testcase>\n    </testsuite>\n</testsuites>',
        ),
        head: vitest({ 'src/cart.test.ts': ['cart > adds items', 'cart > sums prices'] }),
      },
    },
    {
      name: 'vitest error entries that went away: a file that failed to load, a suite whose beforeAll failed',
      base: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums), 'src/total.test.ts': cart(sums) },
      head: { 'package.json': pkg(), 'src/cart.ts': `${cartSource}\n`, 'src/cart.test.ts': cart(addsItems, sums), 'src/total.test.ts': cart(sums) },
      junit: {
        base: vitest({
          'src/cart.test.ts': [{ name: 'cart > adds items', skipped: true }, { name: 'cart > sums prices', skipped: true }, { name: 'cart', failed: true }],
          'src/total.test.ts': [{ name: 'src/total.test.ts', failed: true }],
        }),
        head: vitest({ 'src/cart.test.ts': ['cart > adds items', 'cart > sums prices'], 'src/total.test.ts': ['cart > sums prices'] }),
      },
    },
    {
      name: 'jest-junit addFileAttribute switched on: the ids gain a file, the same tests ran',
      base: { 'package.json': pkg('jest'), 'src/cart.ts': cartSource },
      head: { 'package.json': pkg('jest'), 'jest.config.json': '{ "reporters": ["default", ["jest-junit", { "addFileAttribute": "true" }]] }\n', 'src/cart.ts': cartSource },
      junit: {
        base: jestJunit({ cart: ['cart adds items', 'cart sums prices'] }),
        head: jestJunit({ cart: ['cart adds items', 'cart sums prices'] }).replaceAll('time="0.004">', 'time="0.004" file="src/cart.test.js">'),
      },
    },
    {
      name: 'jest-junit without file names: a test renamed in the source ran under its new title',
      base: { 'package.json': pkg('jest'), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums).replace("import { describe, expect, it } from 'vitest';\n", '') },
      head: { 'package.json': pkg('jest'), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums.replace('sums prices', 'totals the prices')).replace("import { describe, expect, it } from 'vitest';\n", '') },
      junit: { base: jestJunit({ cart: ['cart adds items', 'cart sums prices'] }), head: jestJunit({ cart: ['cart adds items', 'cart totals the prices'] }) },
    },
  ],
  invalid: [
    {
      name: 'docs: bad example (the test command narrowed to one folder)',
      base: testsNotRun.docs.bad.base,
      head: testsNotRun.docs.bad.head,
      ...(testsNotRun.docs.bad.junit ? { junit: testsNotRun.docs.bad.junit } : {}),
      findings: [{ file: 'src/pricing.test.ts', line: 0, side: 'head', message: "1 test in src/pricing.test.ts ran at base but not at head (1 missing from the head run): 'discount > takes 10% off large orders' (base ran 2, head ran 1)" }],
    },
    {
      name: 'a test still in the source, skipped at head: points at the test at head',
      base: { 'package.json': pkg(), 'vitest.config.ts': "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: {} });\n", 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums) },
      head: { 'package.json': pkg(), 'vitest.config.ts': "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: {} });\n", 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums, empties) },
      junit: {
        base: vitest({ 'src/cart.test.ts': ['cart > adds items', 'cart > sums prices'] }),
        head: vitest({ 'src/cart.test.ts': ['cart > adds items', { name: 'cart > sums prices', skipped: true }, 'cart > starts empty'] }),
      },
      findings: [{ file: 'src/cart.test.ts', line: 9, side: 'head', message: /1 test in src\/cart\.test\.ts ran at base but not at head \(1 skipped at head\): 'cart > sums prices' \(base ran 2, head ran 2\)/, before: 'passed: cart > sums prices', after: 'skipped: cart > sums prices' }],
    },
    {
      name: 'a test file that fails to load at head: its tests did not run, the error entry is not a test',
      base: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums) },
      head: { 'package.json': pkg(), 'src/cart.ts': cartSource.replace('export const total', 'export const sum'), 'src/cart.test.ts': cart(addsItems, sums) },
      junit: {
        base: vitest({ 'src/cart.test.ts': ['cart > adds items', 'cart > sums prices'] }),
        head: vitest({ 'src/cart.test.ts': [{ name: 'src/cart.test.ts', failed: true }] }),
      },
      findings: [{ file: 'src/cart.test.ts', line: 0, message: /^2 tests in src\/cart\.test\.ts ran at base but not at head \(2 missing from the head run\): 'cart > adds items', 'cart > sums prices' \(base ran 2, head ran 1\)$/ }],
    },
    {
      name: 'a renamed test whose new name did not run at head',
      base: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums) },
      head: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums.replace('sums prices', 'adds up the prices')) },
      junit: { base: vitest({ 'src/cart.test.ts': ['cart > adds items', 'cart > sums prices'] }), head: vitest({ 'src/cart.test.ts': ['cart > adds items'] }) },
      findings: [{ file: 'src/cart.test.ts', line: 9, side: 'base', message: /'cart > sums prices' \(base ran 2, head ran 1\)/ }],
    },
    {
      name: 'a moved test file whose tests did not run at head: grouped under the new path',
      base: { 'package.json': pkg(), 'src/cart.ts': cartSource, 'src/cart.test.ts': cart(addsItems, sums) },
      head: { 'package.json': pkg('vitest run src'), 'src/cart.ts': cartSource, 'test/unit/cart.test.ts': cart(addsItems, sums).replace("'./cart'", "'../../src/cart'") },
      junit: { base: vitest({ 'src/cart.test.ts': ['cart > adds items', 'cart > sums prices'] }), head: vitest({}) },
      findings: [{ file: 'test/unit/cart.test.ts', line: 5, side: 'head', message: /^2 tests in test\/unit\/cart\.test\.ts ran at base but not at head \(2 missing from the head run\): 'cart > adds items', 'cart > sums prices' \(base ran 2, head ran 0\)$/ }],
    },
    {
      name: 'pytest: a parametrisation no longer run (the function still exists, so tests/deleted does not see it)',
      base: { 'pyproject.toml': '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n', 'app/cart.py': 'def total(items):\n    return sum(items)\n', 'tests/test_cart.py': pyTest(pySum('a,b,expected', '(1, 2, 3), (2, 2, 4)')) },
      head: { 'pyproject.toml': '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n', 'app/cart.py': 'def total(items):\n    return sum(items)\n', 'tests/test_cart.py': pyTest(pySum('a,b,expected', '(1, 2, 3)')) },
      junit: {
        base: pytest([
          { classname: 'tests.test_cart.TestTotals', name: 'test_sum[1-2-3]' },
          { classname: 'tests.test_cart.TestTotals', name: 'test_sum[2-2-4]' },
        ]),
        head: pytest([{ classname: 'tests.test_cart.TestTotals', name: 'test_sum[1-2-3]' }]),
      },
      findings: [{ file: 'tests/test_cart.py', line: 8, side: 'head', message: /'TestTotals > test_sum\[2-2-4\]' \(base ran 2, head ran 1\)/ }],
    },
    {
      name: 'pytest: tests skipped at head by a fixture in an unchanged file',
      base: { 'app/cart.py': 'def total(items):\n    return sum(items)\n', 'tests/test_cart.py': pyTest('def test_total():\n    assert total([1]) == 1\n\n\ndef test_empty():\n    assert total([]) == 0\n') },
      head: { 'app/cart.py': 'def total(items):\n    return sum(items) or 0\n', 'tests/test_cart.py': pyTest('def test_total():\n    assert total([1]) == 1\n\n\ndef test_empty():\n    assert total([]) == 0\n') },
      junit: {
        base: pytest([{ classname: 'tests.test_cart', name: 'test_total' }, { classname: 'tests.test_cart', name: 'test_empty' }]),
        head: pytest([{ classname: 'tests.test_cart', name: 'test_total', skipped: true }, { classname: 'tests.test_cart', name: 'test_empty', skipped: true }]),
      },
      findings: [{ file: 'tests/test_cart.py', line: 0, side: 'head', message: /^2 tests in tests\/test_cart\.py ran at base but not at head \(2 skipped at head\): 'test_total', 'test_empty' \(base ran 2, head ran 0\)$/, after: /skipped \(no db\): test_total/ }],
    },
    {
      name: 'twelve tests dropped from one file: one finding naming ten and "2 more"',
      base: { 'package.json': pkg(), 'src/cart.ts': cartSource },
      head: { 'package.json': pkg('vitest run --project fast'), 'src/cart.ts': cartSource },
      junit: {
        base: vitest({ 'src/cart.test.ts': Array.from({ length: 12 }, (_, i) => `cart > case ${i + 1}`), 'src/other.test.ts': ['other > runs'] }),
        head: vitest({ 'src/other.test.ts': ['other > runs'] }),
      },
      findings: [{ file: 'src/cart.test.ts', line: 0, message: /^12 tests in src\/cart\.test\.ts .*'cart > case 10' and 2 more \(base ran 13, head ran 1\)$/ }],
    },
    {
      name: 'jest-junit without file names: grouped under the head report',
      base: { 'package.json': pkg('jest'), 'src/cart.ts': cartSource },
      head: { 'package.json': pkg('jest --testPathPattern cart'), 'src/cart.ts': cartSource },
      junit: { base: jestJunit({ cart: ['cart adds items'], pricing: ['pricing discount applies'] }), head: jestJunit({ cart: ['cart adds items'] }) },
      findings: [{ file: 'head-junit.xml', line: 0, message: /^1 test in head-junit\.xml ran at base but not at head \(1 missing from the head run\): 'pricing > pricing discount applies'/ }],
    },
    {
      name: 'Playwright: a project dropped from the head run',
      base: { 'package.json': pkg('playwright test'), 'e2e/checkout.spec.ts': "import { expect, test } from '@playwright/test';\n\ntest('pays', async ({ page }) => {\n  await expect(page).toHaveTitle('Paid');\n});\n" },
      head: { 'package.json': pkg('playwright test --project chromium'), 'e2e/checkout.spec.ts': "import { expect, test } from '@playwright/test';\n\ntest('pays', async ({ page }) => {\n  await expect(page).toHaveTitle('Paid');\n});\n" },
      junit: { base: playwright({ chromium: ['pays'], firefox: ['pays'] }), head: playwright({ chromium: ['pays'] }) },
      findings: [{ file: 'e2e/checkout.spec.ts', line: 0, message: /^1 test in e2e\/checkout\.spec\.ts ran at base but not at head \(1 missing from the head run\): 'pays' \(base ran 2, head ran 1\)$/ }],
    },
  ],
});
