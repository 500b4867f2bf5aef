import { exampleResult, exampleRun, junitEvidence, missingJunit } from '../../src/gates/examples.js';
import { gatesFailed } from '../../src/rules/gates/failed.js';
import { ruleTester } from '../helpers/rule-tester.js';

const POLICY = [
  'gates:',
  '  build: { kind: build, run: npm run build }',
  '  unit:',
  '    kind: test',
  '    run: npx vitest run',
  '    evidence: { junit: reports/junit.xml }',
  '    needs: [build]',
  '  e2e: { kind: e2e, run: npx playwright test, needs: [unit] }',
  '',
].join('\n');
const BASE = { 'gatehouse.yml': POLICY, 'src/cart.ts': 'export const total = 0;\n' };
const HEAD = { 'gatehouse.yml': POLICY, 'src/cart.ts': 'export const total = 1;\n' };

const build = exampleResult({ name: 'build', kind: 'build', line: 2 });
const unit = exampleResult({ name: 'unit', line: 3, evidence: [junitEvidence('reports/junit.xml', { tests: 12 })] });
const e2e = exampleResult({ name: 'e2e', kind: 'e2e', line: 8 });
const allPassed = exampleRun('a', [build, unit, e2e]);

ruleTester(gatesFailed, {
  valid: [
    { name: 'all gates pass at base and head', base: BASE, head: HEAD, gates: { base: allPassed, head: exampleRun('b', [build, unit, e2e]) } },
    { name: 'gates were not run (no --check): the rule says nothing', base: BASE, head: HEAD },
    { name: 'cached passes count as passes', base: BASE, head: HEAD, gates: { base: allPassed, head: exampleRun('b', [{ ...build, cached: true }, { ...unit, cached: true }, e2e]) } },
    {
      name: 'a failure whose only reason is evidence is left to gates/missing-evidence',
      base: BASE,
      head: HEAD,
      gates: {
        base: allPassed,
        head: exampleRun('b', [build, exampleResult({ name: 'unit', state: 'failed', reason: 'reports/junit.xml: missing (the command did not write it)', failure: 'evidence', evidence: [missingJunit('reports/junit.xml')] }), e2e]),
      },
    },
    {
      name: 'a hand-made evidence failure without a failure kind is classified from its data',
      base: BASE,
      head: HEAD,
      gates: { base: null, head: exampleRun('b', [exampleResult({ name: 'unit', state: 'failed', reason: 'missing', exitCode: 0, evidence: [missingJunit('reports/junit.xml')], failure: undefined })]) },
    },
  ],
  invalid: [
    {
      name: 'a gate that passed at base and exits 1 at head, with the gates it blocks reported as not run',
      base: BASE,
      head: HEAD,
      gates: {
        base: allPassed,
        head: exampleRun('b', [
          build,
          exampleResult({ name: 'unit', line: 3, state: 'failed', reason: 'exited 1', exitCode: 1, failure: 'exit', outputTail: 'FAIL src/cart.test.ts\nTests 1 failed (12)' }),
          exampleResult({ name: 'e2e', kind: 'e2e', line: 8, state: 'not-run', reason: "not run: needs 'unit', which failed", exitCode: null, durationMs: 0, failure: 'needs' }),
        ]),
      },
      findings: [
        { file: 'gatehouse.yml', line: 3, side: 'base', message: "Gate 'unit' failed: exited 1 (passed at base, fails at head)", before: /^base: passed/, after: /Tests 1 failed/ },
        { file: 'gatehouse.yml', line: 8, message: "Gate 'e2e' did not run: needs 'unit', which failed (passed at base, fails at head)" },
      ],
    },
    {
      name: 'a timeout, a browser that did not start and zero tests, with no base run to compare',
      base: BASE,
      head: HEAD,
      gates: {
        base: null,
        head: exampleRun('b', [
          exampleResult({ name: 'build', kind: 'build', line: 2, state: 'timed-out', reason: 'timed out after 10m', exitCode: null, failure: 'timeout' }),
          exampleResult({ name: 'unit', line: 3, state: 'failed', reason: 'reported zero tests (reports/junit.xml)', failure: 'report', evidence: [junitEvidence('reports/junit.xml', { tests: 0 })] }),
          exampleResult({ name: 'e2e', kind: 'e2e', line: 8, state: 'failed', reason: "could not start its browser: browserType.launch: Executable doesn't exist at /ms-playwright/chromium", failure: 'browser' }),
        ]),
      },
      findings: [
        { file: 'gatehouse.yml', line: 2, message: "Gate 'build' timed out: timed out after 10m" },
        { file: 'gatehouse.yml', line: 3, message: "Gate 'unit' failed: reported zero tests (reports/junit.xml)" },
        { file: 'gatehouse.yml', line: 8, message: /^Gate 'e2e' failed: could not start its browser: browserType\.launch/ },
      ],
    },
    {
      name: 'a gate that already failed at base is still reported, without claiming a regression',
      base: BASE,
      head: HEAD,
      gates: {
        base: exampleRun('a', [exampleResult({ name: 'build', line: 2, state: 'failed', reason: 'exited 2', exitCode: 2, failure: 'exit' })]),
        head: exampleRun('b', [exampleResult({ name: 'build', line: 2, state: 'failed', reason: 'exited 2', exitCode: 2, failure: 'exit' })]),
      },
      findings: [{ file: 'gatehouse.yml', line: 2, message: /^Gate 'build' failed: exited 2$/, before: 'base: failed: exited 2' }],
    },
    {
      name: 'an interrupted head run is not a pass',
      base: BASE,
      head: HEAD,
      gates: { base: allPassed, head: exampleRun('b', [exampleResult({ name: 'build', line: 2, state: 'cancelled', reason: 'cancelled before it finished (interrupted)', exitCode: null, failure: 'cancelled' })]) },
      findings: [{ file: 'gatehouse.yml', line: 2, message: "Gate 'build' was cancelled: cancelled before it finished (interrupted) (passed at base, fails at head)" }],
    },
  ],
});
