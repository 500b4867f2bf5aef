import type { FindingDraft } from '../../core/types.js';
import { exampleResult, exampleRun, junitEvidence } from '../../gates/examples.js';
import { failedOnEvidence } from '../../gates/failure.js';
import type { GateResult } from '../../gates/model.js';
import { POLICY_FILE } from '../../policy/policy.js';
import { defineRule } from '../rule.js';
import { gatePlace } from '../support/gate-place.js';

/** Lines of the gate's output shown in a finding (the result keeps more). */
const OUTPUT_LINES = 8;

const STATE_TEXT: Record<GateResult['state'], string> = {
  passed: 'passed',
  failed: 'failed',
  'timed-out': 'timed out',
  'not-run': 'did not run',
  cancelled: 'was cancelled',
};

const POLICY = 'gates:\n  unit:\n    kind: test\n    run: npx vitest run --reporter=junit --outputFile=reports/junit.xml\n    evidence: { junit: reports/junit.xml }\n';
const SOURCE = { [POLICY_FILE]: POLICY, 'src/cart.ts': 'export const total = (items: number[]) => items.reduce((a, b) => a + b, 0);\n' };
const HEAD = { [POLICY_FILE]: POLICY, 'src/cart.ts': 'export const total = (items: number[]) => items.reduce((a, b) => a + b, 1);\n' };
const passedUnit = exampleResult({ name: 'unit', evidence: [junitEvidence('reports/junit.xml', { tests: 42 })] });

function reasonText(result: GateResult): string {
  return (result.reason ?? STATE_TEXT[result.state]).replace(/^not run: /, '');
}

/** `failed: exited 1`, with the last lines of output. */
function describe(result: GateResult): string {
  const tail = result.outputTail === '' ? '' : `\n${result.outputTail.split('\n').slice(-OUTPUT_LINES).join('\n')}`;
  return `${result.state}${result.reason !== null ? `: ${result.reason}` : ''}${tail}`;
}

export const gatesFailed = defineRule({
  id: 'gates/failed',
  category: 'evidence',
  severity: 'block',
  docs: {
    summary: 'A gate run on the head revision (`gatehouse audit --check`) failed, timed out, was cancelled or did not run.',
    why: 'A gate that did not pass proves nothing about the change: a failing command, a timeout, a browser that never started, a test report with zero tests or a gate skipped because the gate it needs failed are all "not green", whatever the agent says.',
    fix: 'Make the gate pass on the head revision (`gatehouse check --rev HEAD` shows why it did not). A gate that passed at base and fails at head was broken by the change.',
    details: [
      'The gates and their runs come from `gatehouse check` (see docs/gates.md); both runs use the gate definitions of the base revision.',
      '',
      'One finding per gate that did not pass. A gate whose command passed but whose evidence is missing, empty or unparseable is reported by `gates/missing-evidence` instead, so one problem gives one finding.',
      '',
      'The examples run the gate `unit` on base and head: in the bad one it passes at base (42 tests) and exits 1 at head; in the good one it passes on both.',
    ].join('\n'),
    bad: {
      base: SOURCE,
      head: HEAD,
      gates: {
        base: exampleRun('a1', [passedUnit]),
        head: exampleRun('b2', [exampleResult({ name: 'unit', state: 'failed', reason: 'exited 1', exitCode: 1, failure: 'exit', outputTail: 'FAIL src/cart.test.ts > total > adds prices\nTests  1 failed | 41 passed (42)' })]),
      },
    },
    good: {
      base: SOURCE,
      head: HEAD,
      gates: { base: exampleRun('a1', [passedUnit]), head: exampleRun('b2', [passedUnit]) },
    },
  },
  inspectors: [],
  check: ({ evidence }) => {
    const head = evidence.gates?.head;
    if (!head) return [];
    const base = evidence.gates?.base ?? null;
    const findings: FindingDraft[] = [];
    for (const result of head.results) {
      if (result.state === 'passed' || failedOnEvidence(result)) continue;
      const before = base?.results.find((candidate) => candidate.name === result.name);
      const regression = before?.state === 'passed' ? ' (passed at base, fails at head)' : '';
      findings.push({
        message: `Gate '${result.name}' ${STATE_TEXT[result.state]}: ${reasonText(result)}${regression}`,
        ...gatePlace(result),
        ...(before ? { before: `base: ${describe(before)}` } : {}),
        after: `head: ${describe(result)}`,
        key: `${result.name}:${result.state}`,
      });
    }
    return findings;
  },
});
