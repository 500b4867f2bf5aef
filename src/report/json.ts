/**
 * The JSON report: the AuditResult, described by `schema/report.schema.json`.
 * Stable: keys in a fixed order, findings and skipped files sorted, 2-space indent, trailing
 * newline, so the same result always gives the same bytes. Properties outside the contract are
 * dropped rather than leaked.
 */
import { redactResult, redactText } from '../core/redact.js';
import type { AuditResult, AuditStats, RevisionInfo, SkippedFile } from '../core/result.js';
import type { Finding } from '../core/types.js';
import type { Claim, ClaimCheck } from '../claims/model.js';
import { compareSkipped, sortClaims, sortFindings } from './common.js';
import { gateRunJson, type GateRunJson } from '../gates/summary.js';

function revision(info: RevisionInfo): RevisionInfo {
  return { commit: info.commit, ref: info.ref };
}

function finding(value: Finding): Finding {
  return {
    ruleId: value.ruleId,
    category: value.category,
    severity: value.severity,
    message: value.message,
    file: value.file,
    line: value.line,
    side: value.side,
    ...(value.commit === undefined ? {} : { commit: value.commit }),
    ...(value.before === undefined ? {} : { before: value.before }),
    ...(value.after === undefined ? {} : { after: value.after }),
    why: value.why,
    fix: value.fix,
    fingerprint: value.fingerprint,
    ...(value.ignored === undefined ? {} : { ignored: { reason: value.ignored.reason } }),
    ...(value.pathGroup === undefined ? {} : { pathGroup: value.pathGroup }),
  };
}

function skipped(value: SkippedFile): SkippedFile {
  return {
    path: value.path,
    side: value.side,
    reason: value.reason,
    ...(value.size === undefined ? {} : { size: value.size }),
  };
}

function stats(value: AuditStats): AuditStats {
  return {
    filesChanged: value.filesChanged,
    filesInspected: value.filesInspected,
    commits: value.commits,
    rulesRun: value.rulesRun,
    findings: {
      block: value.findings.block,
      warn: value.findings.warn,
      info: value.findings.info,
      ignored: value.findings.ignored,
    },
    skipped: [...value.skipped].sort(compareSkipped).map(skipped),
    ...(value.history === undefined
      ? {}
      : {
          history: {
            commits: value.history.commits,
            audited: value.history.audited,
            bytes: value.history.bytes,
            skipped: { binary: value.history.skipped.binary, 'too-large': value.history.skipped['too-large'], 'not-a-file': value.history.skipped['not-a-file'] },
            durationMs: value.history.durationMs,
          },
        }),
    durationMs: value.durationMs,
  };
}

/** A claim's own fields by kind, in a fixed order; nothing the schema does not describe. */
function claimFields(claim: Claim): Claim {
  const common = { text: claim.text, source: { origin: claim.source.origin, name: claim.source.name, line: claim.source.line } };
  switch (claim.kind) {
    case 'coverage':
      return { kind: claim.kind, ...common, metrics: [...claim.metrics], percent: claim.percent, relation: claim.relation };
    case 'tests-pass':
      return { kind: claim.kind, ...common, count: claim.count };
    case 'tests-added':
      return { kind: claim.kind, ...common, subject: claim.subject };
    case 'only-touched':
      return { kind: claim.kind, ...common, paths: [...claim.paths] };
    case 'fixes-issue':
      return { kind: claim.kind, ...common, issue: claim.issue };
    default:
      return { kind: claim.kind, ...common };
  }
}

function claimCheck(check: ClaimCheck): ClaimCheck {
  return { claim: claimFields(check.claim), status: check.status, evidence: [...check.evidence], gap: check.gap };
}

/** The result in canonical form: what `renderJson` serialises. */
export function toReportJson(result: AuditResult): Omit<AuditResult, 'gates'> & { gates?: { base: GateRunJson | null; head: GateRunJson | null } } {
  return {
    version: result.version,
    tool: { name: result.tool.name, version: result.tool.version },
    verdict: result.verdict,
    range: result.range,
    base: revision(result.base),
    head: revision(result.head),
    policy: result.policy,
    findings: sortFindings(result.findings).map(finding),
    claims: sortClaims(result.claims).map(claimCheck),
    ...(result.gates === undefined ? {} : { gates: { base: result.gates.base && gateRunJson(result.gates.base), head: result.gates.head && gateRunJson(result.gates.head) } }),
    stats: stats(result.stats),
  };
}

export function renderJson(result: AuditResult): string {
  return redactText(`${JSON.stringify(toReportJson(redactResult(result)), null, 2)}\n`);
}
