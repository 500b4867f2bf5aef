import type { ClaimCheck } from '../../claims/model.js';
import { claimSourceName } from '../../claims/source.js';
import { lcovExample } from '../support/lcov-example.js';
import { defineRule } from '../rule.js';


const REPORT = `## Summary

Raised coverage on the shop.

## Verification

- ✅ Coverage is now **100%** across statements, branches, functions and lines
`;

function message(check: ClaimCheck): string {
  const gap = check.gap ?? 'the evidence says otherwise';
  return `Claims "${check.claim.text}"; ${gap}`;
}

export const claimsContradicted = defineRule({
  id: 'claims/contradicted',
  category: 'claims',
  severity: 'block',
  docs: {
    summary:
      "A claim in the agent's report, the PR description or a commit message (coverage, tests passing, lint or types clean, build passing, no behaviour change, only certain files touched) that the evidence contradicts: the gate results, JUnit, coverage and lint reports of the runs, and the other rules' findings.",
    why: 'The agent\'s "Verification" section is what a reviewer reads, and it is the one part of the change nobody checks. "100% coverage" over a narrowed scope, or "all tests pass" with a test skipped, turns a workaround into a success story.',
    fix: 'Read the evidence quoted with the finding. Fix the change so the claim becomes true (restore the coverage scope, re-enable the test), or correct the report so it says what happened.',
    details: [
      'Every claim is listed in the report\'s "Claims vs evidence" section as **supported**, **contradicted** or **unverifiable**; only contradicted claims are findings. A claim without evidence to check it against is unverifiable, never supported: run `gatehouse audit --check` (gates from `gatehouse.yml`) or pass `--coverage-base`/`--coverage-head`.',
      '',
      'Claims are parsed without an LLM from `--report FILE|-`, the pull request description (read from the GitHub Actions event payload) and the commit messages of the change. See [docs/claims.md](../claims.md) for what is recognised and how each kind is verified.',
    ].join('\n'),
    bad: {
      base: { 'src/format.ts': 'export const format = 1;\n', 'src/cart.ts': 'export const cart = 1;\n' },
      head: { 'src/format.ts': 'export const format = 1;\n', 'src/cart.ts': 'export const cart = 2;\n' },
      coverage: {
        base: lcovExample({ 'src/format.ts': [4, 4], 'src/cart.ts': [2, 10] }),
        head: lcovExample({ 'src/format.ts': [4, 4] }),
      },
      report: REPORT,
    },
    good: {
      base: { 'src/format.ts': 'export const format = 1;\n', 'src/cart.ts': 'export const cart = 1;\n' },
      head: { 'src/format.ts': 'export const format = 1;\n', 'src/cart.ts': 'export const cart = 2;\n' },
      coverage: {
        base: lcovExample({ 'src/format.ts': [4, 4], 'src/cart.ts': [2, 10] }),
        head: lcovExample({ 'src/format.ts': [4, 4], 'src/cart.ts': [10, 10] }),
      },
      report: REPORT,
    },
  },
  inspectors: [],
  readsClaims: true,
  check: ({ claims }) =>
    claims
      .filter((check) => check.status === 'contradicted')
      .map((check) => ({
        message: message(check),
        file: claimSourceName(check.claim.source),
        line: check.claim.source.line,
        side: 'head' as const,
        before: `claimed: ${check.claim.text}`,
        ...(check.evidence.length > 0 ? { after: check.evidence.map((line) => `evidence: ${line}`).join('\n') } : {}),
        key: `${check.claim.kind}:${check.claim.text.toLowerCase()}`,
      })),
});
