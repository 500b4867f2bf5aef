import { exampleResult, exampleRun, junitEvidence, missingJunit } from '../../src/gates/examples.js';
import { gatesMissingEvidence } from '../../src/rules/gates/missing-evidence.js';
import { ruleTester } from '../helpers/rule-tester.js';

const POLICY = [
  'gates:',
  '  unit:',
  '    kind: test',
  '    run: npm test',
  '    evidence:',
  '      junit: reports/junit.xml',
  '      coverage: coverage/lcov.info',
  '',
].join('\n');
const BASE = { 'gatehouse.yml': POLICY, 'src/cart.ts': 'export const total = 0;\n' };
const HEAD = { 'gatehouse.yml': POLICY, 'src/cart.ts': 'export const total = 1;\n' };

const lcovOk = { spec: { format: 'coverage' as const, path: 'coverage/lcov.info' }, status: 'ok' as const, problem: null, evidence: null };
const junitOk = junitEvidence('reports/junit.xml', { tests: 12 });
const unitPassed = exampleResult({ name: 'unit', evidence: [junitOk, lcovOk] });

ruleTester(gatesMissingEvidence, {
  valid: [
    { name: 'both runs wrote all their evidence', base: BASE, head: HEAD, gates: { base: exampleRun('a', [unitPassed]), head: exampleRun('b', [unitPassed]) } },
    { name: 'no gate runs at all', base: BASE, head: HEAD },
    {
      name: 'a gate whose command failed is gates/failed\'s, even when its report is missing too',
      base: BASE,
      head: HEAD,
      gates: {
        base: exampleRun('a', [unitPassed]),
        head: exampleRun('b', [exampleResult({ name: 'unit', state: 'failed', reason: 'exited 1', exitCode: 1, failure: 'exit', evidence: [missingJunit('reports/junit.xml'), lcovOk] })]),
      },
    },
    {
      name: 'zero tests is a failed gate, not missing evidence',
      base: BASE,
      head: HEAD,
      gates: {
        base: exampleRun('a', [unitPassed]),
        head: exampleRun('b', [exampleResult({ name: 'unit', state: 'failed', reason: 'reported zero tests (reports/junit.xml)', failure: 'report', evidence: [junitEvidence('reports/junit.xml', { tests: 0 }), lcovOk] })]),
      },
    },
    {
      name: 'a base gate without evidence that is gone at head is not an evidence problem',
      base: BASE,
      head: HEAD,
      gates: { base: exampleRun('a', [exampleResult({ name: 'lint', kind: 'lint' }), unitPassed]), head: exampleRun('b', [unitPassed]) },
    },
  ],
  invalid: [
    {
      name: 'the head run did not write its JUnit report, which the base run did',
      base: BASE,
      head: HEAD,
      gates: {
        base: exampleRun('a', [unitPassed]),
        head: exampleRun('b', [exampleResult({ name: 'unit', state: 'failed', reason: 'reports/junit.xml: missing (the command did not write it)', failure: 'evidence', evidence: [missingJunit('reports/junit.xml'), lcovOk] })]),
      },
      findings: [
        {
          file: 'gatehouse.yml',
          line: 2,
          message: "Gate 'unit' exited 0 but its junit evidence is missing: reports/junit.xml: missing (the command did not write it) (the base run produced it)",
          before: 'base: junit reports/junit.xml ok',
          after: 'head: junit reports/junit.xml missing',
        },
      ],
    },
    {
      name: 'empty and unparseable evidence, one finding per file',
      base: BASE,
      head: HEAD,
      gates: {
        base: null,
        head: exampleRun('b', [
          exampleResult({
            name: 'unit',
            state: 'failed',
            reason: 'reports/junit.xml: empty (and 1 more evidence problem)',
            failure: 'evidence',
            evidence: [
              { spec: { format: 'junit', path: 'reports/junit.xml' }, status: 'empty', problem: 'reports/junit.xml: empty', evidence: null },
              { spec: { format: 'coverage', path: 'coverage/lcov.info' }, status: 'unparseable', problem: 'unparseable coverage evidence: coverage/lcov.info:3: bad record', evidence: null },
            ],
          }),
        ]),
      },
      findings: [
        { file: 'gatehouse.yml', message: "Gate 'unit' exited 0 but its coverage evidence is unparseable: unparseable coverage evidence: coverage/lcov.info:3: bad record" },
        { file: 'gatehouse.yml', message: "Gate 'unit' exited 0 but its junit evidence is empty: reports/junit.xml: empty" },
      ],
    },
    {
      name: 'a gate that passes at head without the coverage it produced at base, and a gate gone from the head run',
      base: BASE,
      head: HEAD,
      gates: {
        base: exampleRun('a', [unitPassed, exampleResult({ name: 'types', kind: 'typecheck', line: 9, evidence: [{ spec: { format: 'tsc', path: null }, status: 'ok', problem: null, evidence: null }] })]),
        head: exampleRun('b', [exampleResult({ name: 'unit', evidence: [junitOk] })]),
      },
      findings: [
        { file: 'gatehouse.yml', line: 2, message: "Gate 'unit' produced coverage coverage/lcov.info at base and no such evidence at head", after: 'head: junit reports/junit.xml' },
        { file: 'gatehouse.yml', line: 9, message: "Gate 'types' produced tsc (its output) at base and is missing from the head run", after: 'head: gate not run' },
      ],
    },
  ],
});
