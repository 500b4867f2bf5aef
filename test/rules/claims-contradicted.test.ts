import { describe, expect, it } from 'vitest';
import { audit } from '../../src/engine/audit.js';
import { claimsContradicted } from '../../src/rules/claims/contradicted.js';
import { allRules } from '../../src/rules/index.js';
import { GitFixture } from '../helpers/git-fixture.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { lcovExample } from '../../src/rules/support/lcov-example.js';

const lcov = lcovExample;

const src = { 'src/cart.ts': 'export const cart = 1;\n', 'src/format.ts': 'export const format = 1;\n' };
const test = { 'test/cart.test.ts': "import { expect, it } from 'vitest';\nimport { cart } from '../src/cart';\n\nit('has a cart', () => {\n  expect(cart).toBe(1);\n});\n" };

ruleTester(claimsContradicted, {
  valid: [
    {
      name: 'a coverage claim the recomputed figure supports',
      base: src,
      head: { ...src, 'src/cart.ts': 'export const cart = 2;\n' },
      coverage: { base: lcov({ 'src/cart.ts': [5, 10], 'src/format.ts': [4, 4] }), head: lcov({ 'src/cart.ts': [10, 10], 'src/format.ts': [4, 4] }) },
      report: '## Verification\n- Coverage is now 100% (lines)\n',
    },
    {
      name: 'a claim with no evidence is unverifiable: listed, never a finding',
      base: src,
      head: { ...src, 'src/cart.ts': 'export const cart = 2;\n' },
      report: '## Verification\n- ✅ All tests pass\n- ✅ No lint errors\n- Coverage is 100%\n',
    },
    {
      name: 'an unchecked task-list item is a plan, not a claim',
      base: { ...src, ...test },
      head: { ...src, ...test, 'test/cart.test.ts': test['test/cart.test.ts'].replace("it('has", "it.skip('has") },
      report: '## Test plan\n- [ ] all tests pass\n',
    },
    {
      name: 'only touched what it says it touched',
      base: src,
      head: { ...src, 'src/cart.ts': 'export const cart = 2;\n' },
      report: 'Only touched `src/cart.ts`.\n',
    },
  ],
  invalid: [
    {
      name: '100% coverage over a narrowed report',
      base: src,
      head: { ...src, 'src/cart.ts': 'export const cart = 2;\n' },
      coverage: { base: lcov({ 'src/cart.ts': [2, 10], 'src/format.ts': [4, 4] }), head: lcov({ 'src/format.ts': [4, 4] }) },
      report: '## Summary\nRaised coverage.\n\n## Verification\n- ✅ Coverage is now **100%** across statements, branches, functions and lines\n',
      findings: [{ file: 'agent-report.md', line: 5, severity: 'block', message: /Claims "Coverage is now 100% across statements, branches, functions and lines"; .*1 file was removed from measurement/ }],
    },
    {
      name: '"only touched" while the diff touches more',
      base: src,
      head: { ...src, 'src/cart.ts': 'export const cart = 2;\n', 'src/format.ts': 'export const format = 2;\n' },
      report: 'Changes are limited to `src/cart.ts`.\n',
      findings: [{ file: 'agent-report.md', line: 1, message: /src\/format\.ts/ }],
    },
  ],
});

describe('claims against the other rules\' findings (the whole rule set runs)', () => {
  it('"all tests pass" while the change skips a test is contradicted, naming the skipped test', async () => {
    const repo = new GitFixture();
    try {
      const base = repo.commit({ ...src, ...test }, 'base');
      const head = repo.commit({ ...src, ...test, 'test/cart.test.ts': test['test/cart.test.ts'].replace("it('has", "it.skip('has") }, 'wip');
      const result = await audit({ repoDir: repo.dir, range: { range: `${base}..${head}` }, report: 'Done. All tests pass ✅\n', reportName: 'agent-report.md' });
      const contradicted = result.findings.filter((finding) => finding.ruleId === 'claims/contradicted');
      expect(contradicted.map((finding) => [finding.file, finding.line, finding.severity])).toEqual([['agent-report.md', 1, 'block']]);
      expect(contradicted[0]!.message).toMatch(/1 test was skipped by this change: test\/cart\.test\.ts:4/);
      // With tests/disabled turned off by policy there is no finding to check against: unverifiable, not supported.
      const without = await audit({ repoDir: repo.dir, range: { range: `${base}..${head}` }, report: 'Done. All tests pass ✅\n', rules: [claimsContradicted] });
      expect(without.claims.map((check) => check.status)).toEqual(['unverifiable']);
    } finally {
      repo.cleanup();
    }
  });
});

describe('claims from commit messages and the PR description', () => {
  it('checks a commit message claim and names the commit; lists every claim on the result', async () => {
    const repo = new GitFixture();
    try {
      const base = repo.commit({ ...src, ...test }, 'base');
      const head = repo.commit({ ...src, ...test, 'test/cart.test.ts': test['test/cart.test.ts'].replace("it('has", "it.skip('has") }, 'Fix flaky cart test\n\nAll tests pass now.');
      const result = await audit({ repoDir: repo.dir, range: { range: `${base}..${head}` }, rules: allRules, prDescription: 'Refactor only: no behaviour change.\n\n- [x] lint clean' });
      const contradicted = result.findings.filter((finding) => finding.ruleId === 'claims/contradicted');
      expect(contradicted.map((finding) => [finding.file, finding.line])).toEqual([[`commit ${head.slice(0, 12)}`, 3]]);
      const kinds = result.claims.map((check) => [check.claim.source.origin, check.claim.kind, check.status]);
      expect(kinds).toEqual(
        expect.arrayContaining([
          ['commit', 'tests-pass', 'contradicted'],
          ['pr', 'no-behaviour-change', 'unverifiable'],
          ['pr', 'lint-clean', 'unverifiable'],
        ]),
      );
    } finally {
      repo.cleanup();
    }
  });

  it('reads no claims and loads no parser when there is no text', async () => {
    const repo = new GitFixture();
    try {
      const base = repo.commit(src, 'base');
      const head = repo.commit({ ...src, 'src/cart.ts': 'export const cart = 2;\n' }, 'x');
      const result = await audit({ repoDir: repo.dir, range: { range: `${base}..${head}` } });
      expect(result.claims).toEqual([]);
    } finally {
      repo.cleanup();
    }
  });
});
