import type { Evidence, EvidenceResult, GateResult, GateRun } from './model.js';

/**
 * Small hand-written gate runs for rule documentation and tests: plain data shaped as
 * `runGates` returns it.
 */
export function exampleResult(overrides: Partial<GateResult> & Pick<GateResult, 'name'>): GateResult {
  return {
    kind: 'test',
    state: 'passed',
    reason: null,
    exitCode: 0,
    durationMs: 1200,
    evidence: [],
    cached: false,
    outputTail: '',
    failure: null,
    line: 2,
    ...overrides,
  };
}

export function exampleRun(tree: string, results: readonly GateResult[]): GateRun {
  return { tree: tree.padEnd(40, '0'), commit: null, results };
}

/** A JUnit evidence entry that parsed, with the given totals. */
export function junitEvidence(path: string, totals: { tests: number; failed?: number; skipped?: number }): EvidenceResult {
  const passed = totals.tests - (totals.failed ?? 0) - (totals.skipped ?? 0);
  const evidence: Evidence = {
    kind: 'tests',
    report: {
      format: 'junit',
      sourceName: path,
      tests: [],
      totals: { tests: totals.tests, passed, failed: totals.failed ?? 0, errors: 0, skipped: totals.skipped ?? 0 },
    },
  };
  return { spec: { format: 'junit', path }, status: 'ok', problem: null, evidence };
}

/** A JUnit evidence entry the run did not produce. */
export function missingJunit(path: string): EvidenceResult {
  return { spec: { format: 'junit', path }, status: 'missing', problem: `${path}: missing (the command did not write it)`, evidence: null };
}
