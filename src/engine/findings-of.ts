import type { Finding, FindingDraft } from '../core/types.js';
import type { Policy } from '../policy/policy.js';
import type { Rule } from '../rules/rule.js';
import { applyPolicy } from './apply-policy.js';
import { fingerprints } from './fingerprint.js';

/** A rule's drafts as findings: rule metadata, the policy's severity override, fingerprints, ignores and path groups. */
export function findingsOf(rule: Rule, drafts: readonly FindingDraft[], policy: Policy, extra: Partial<Pick<Finding, 'commit'>> = {}): Finding[] {
  const ids = fingerprints(rule.id, drafts);
  const override = policy.severities[rule.id];
  return drafts.map((draft, i) => {
    const severity = override && override !== 'off' ? override : (draft.severity ?? rule.severity);
    const finding: Finding = {
      ruleId: rule.id,
      category: rule.category,
      severity,
      message: draft.message,
      file: draft.file,
      line: draft.line,
      side: draft.side,
      ...(draft.before !== undefined ? { before: draft.before } : {}),
      ...(draft.after !== undefined ? { after: draft.after } : {}),
      ...extra,
      why: rule.docs.why,
      fix: rule.docs.fix,
      fingerprint: ids[i]!,
    };
    return applyPolicy(finding, policy);
  });
}
