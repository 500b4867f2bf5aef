import { SEVERITIES, type Category, type Finding, type Severity, type Verdict } from '../core/types.js';
import type { Policy } from '../policy/policy.js';

/** Categories about code the team writes: in generated or vendored files they are capped at `info`. */
const CAPPED_IN_GENERATED: ReadonlySet<Category> = new Set([
  'coverage-pragma',
  'test-disabled',
  'test-deleted',
  'test-assertions',
  'type-suppression',
  'lint-suppression',
  'unresolvable',
]);

/** Apply path groups and ignore entries of the (base) policy to a finding. */
export function applyPolicy(finding: Finding, policy: Policy): Finding {
  let result = finding;
  const group = policy.paths.isGenerated(finding.file) ? 'generated' : policy.paths.isVendored(finding.file) ? 'vendored' : null;
  if (group && CAPPED_IN_GENERATED.has(finding.category)) {
    result = { ...result, severity: 'info', pathGroup: group };
  }
  const ignore = policy.ignore.find((entry) => entry.matches(finding.file) && (entry.rules === null || entry.rules.has(finding.ruleId)));
  if (ignore) result = { ...result, ignored: { reason: ignore.reason } };
  return result;
}

export function verdictOf(findings: readonly Finding[]): Verdict {
  const counted = findings.filter((finding) => !finding.ignored);
  if (counted.some((finding) => finding.severity === 'block')) return 'block';
  if (counted.some((finding) => finding.severity === 'warn')) return 'needs-human';
  return 'pass';
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
