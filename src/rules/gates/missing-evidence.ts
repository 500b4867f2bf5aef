import type { FindingDraft } from '../../core/types.js';
import { exampleResult, exampleRun, junitEvidence, missingJunit } from '../../gates/examples.js';
import { describeSpec, failedOnEvidence, usableEvidence } from '../../gates/failure.js';
import type { EvidenceResult, GateResult } from '../../gates/model.js';
import { POLICY_FILE } from '../../policy/policy.js';
import { defineRule } from '../rule.js';
import { gatePlace } from '../support/gate-place.js';

const POLICY = 'gates:\n  unit:\n    kind: test\n    run: npm test\n    evidence: { junit: reports/junit.xml }\n';
const SOURCE = { [POLICY_FILE]: POLICY, 'package.json': '{ "scripts": { "test": "vitest run --reporter=junit --outputFile=reports/junit.xml" } }\n' };
const HEAD = { [POLICY_FILE]: POLICY, 'package.json': '{ "scripts": { "test": "vitest run" } }\n' };
const passedUnit = exampleResult({ name: 'unit', evidence: [junitEvidence('reports/junit.xml', { tests: 42 })] });

const sameSpec = (a: EvidenceResult) => (b: EvidenceResult) => a.spec.format === b.spec.format && a.spec.path === b.spec.path;

export const gatesMissingEvidence = defineRule({
  id: 'gates/missing-evidence',
  category: 'evidence',
  severity: 'block',
  docs: {
    summary: 'A head gate passed its command but the evidence it declares is missing, empty, stale or unparseable, or a gate that left evidence at base left none at head.',
    why: 'An exit code is the gate\'s own word. The JUnit, coverage, lint or tsc report is what shows the tests ran and what they found; without it "passed" cannot be checked, and a change that stops a gate from writing its report hides whatever the report would have said.',
    fix: 'Make the gate write its declared evidence again (the reporter flags, the output path, the `cwd`), and run `gatehouse check --rev HEAD` to confirm.',
    details: [
      'Reads the gate runs of `gatehouse audit --check` (see docs/gates.md). `gatehouse check` fails a gate whose command exits 0 but whose evidence is unusable; this rule reports those failures, one finding per evidence file, and `gates/failed` leaves them out, so one problem gives one finding. A file the command did not write during this run (left over from an earlier run, or committed) counts as missing.',
      '',
      'It also compares the runs: evidence a gate produced at base that the same gate no longer produces at head (the gate passed without it, or is gone from the head run) is reported.',
      '',
      'The examples run the gate `unit` on base and head: in the bad one the head\'s test script drops the JUnit reporter, so `reports/junit.xml` is never written; in the good one both runs write it.',
    ].join('\n'),
    bad: {
      base: SOURCE,
      head: HEAD,
      gates: {
        base: exampleRun('a1', [passedUnit]),
        head: exampleRun('b2', [exampleResult({ name: 'unit', state: 'failed', reason: 'reports/junit.xml: missing (the command did not write it)', failure: 'evidence', evidence: [missingJunit('reports/junit.xml')] })]),
      },
    },
    good: {
      base: SOURCE,
      head: SOURCE,
      gates: { base: exampleRun('a1', [passedUnit]), head: exampleRun('b2', [passedUnit]) },
    },
  },
  inspectors: [],
  check: ({ evidence }) => {
    const head = evidence.gates?.head;
    if (!head) return [];
    const base = evidence.gates?.base ?? null;
    const findings: FindingDraft[] = [];
    const baseResult = (name: string): GateResult | undefined => base?.results.find((result) => result.name === name);
    for (const result of head.results) {
      if (!failedOnEvidence(result)) continue;
      const before = baseResult(result.name);
      for (const entry of result.evidence) {
        if (entry.status === 'ok') continue;
        const hadIt = before !== undefined && usableEvidence(before).some(sameSpec(entry));
        findings.push({
          message: `Gate '${result.name}' exited 0 but its ${entry.spec.format} evidence is ${entry.status}: ${entry.problem ?? describeSpec(entry)}${hadIt ? ' (the base run produced it)' : ''}`,
          ...gatePlace(result),
          ...(hadIt ? { before: `base: ${describeSpec(entry)} ok` } : {}),
          after: `head: ${describeSpec(entry)} ${entry.status}`,
          key: `${result.name}:${entry.spec.format}:${entry.spec.path ?? 'output'}:${entry.status}`,
        });
      }
    }
    for (const before of base?.results ?? []) {
      const after = head.results.find((result) => result.name === before.name);
      // A head gate that failed is gates/failed's (or, for evidence, the loop above's) to report.
      if (after !== undefined && after.state !== 'passed') continue;
      for (const entry of usableEvidence(before)) {
        if (after !== undefined && usableEvidence(after).some(sameSpec(entry))) continue;
        findings.push({
          message: after
            ? `Gate '${before.name}' produced ${describeSpec(entry)} at base and no such evidence at head`
            : `Gate '${before.name}' produced ${describeSpec(entry)} at base and is missing from the head run`,
          ...gatePlace(after ?? before),
          before: `base: ${describeSpec(entry)} ok`,
          after: after ? `head: ${after.evidence.map(describeSpec).join(', ') || 'no evidence declared'}` : 'head: gate not run',
          key: `${before.name}:${entry.spec.format}:${entry.spec.path ?? 'output'}:gone`,
        });
      }
    }
    return findings;
  },
});
