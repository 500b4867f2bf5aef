/**
 * The JSON report: the AuditResult, described by `schema/report.schema.json`.
 * Stable: keys in a fixed order, findings and skipped files sorted, 2-space indent, trailing
 * newline, so the same result always gives the same bytes. Properties outside the contract are
 * dropped rather than leaked.
 */
import { redactResult, redactText } from '../core/redact.js';
import type { AuditResult, AuditStats, RevisionInfo, SkippedFile } from '../core/result.js';
import type { Finding } from '../core/types.js';
import { compareSkipped, sortFindings } from './common.js';

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

/** The result in canonical form: what `renderJson` serialises. */
export function toReportJson(result: AuditResult): AuditResult {
  return {
    version: result.version,
    tool: { name: result.tool.name, version: result.tool.version },
    verdict: result.verdict,
    range: result.range,
    base: revision(result.base),
    head: revision(result.head),
    policy: result.policy,
    findings: sortFindings(result.findings).map(finding),
    stats: stats(result.stats),
  };
}

export function renderJson(result: AuditResult): string {
  return redactText(`${JSON.stringify(toReportJson(redactResult(result)), null, 2)}\n`);
}
