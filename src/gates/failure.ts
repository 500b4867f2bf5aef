import type { EvidenceResult, GateResult } from './model.js';

/**
 * True when the gate failed only because of its evidence: the command exited 0, but a declared
 * evidence file is missing, empty, stale or unparseable. Such a failure is gates/missing-evidence's
 * to report; gates/failed reports every other one, so one problem gives one finding. Results
 * without a `failure` kind (older or hand-made runs) are classified from their data.
 */
export function failedOnEvidence(result: GateResult): boolean {
  if (result.state !== 'failed') return false;
  if (result.failure !== undefined && result.failure !== null) return result.failure === 'evidence';
  return result.exitCode === 0 && result.evidence.some((entry) => entry.status !== 'ok');
}

/** Evidence of a result that parsed, by format and path, for comparing base with head. */
export function usableEvidence(result: GateResult): EvidenceResult[] {
  return result.evidence.filter((entry) => entry.status === 'ok');
}

/** `junit reports/junit.xml`, `tsc (its output)`. */
export function describeSpec(entry: EvidenceResult): string {
  return `${entry.spec.format} ${entry.spec.path ?? '(its output)'}`;
}
