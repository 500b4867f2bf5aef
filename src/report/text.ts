/**
 * The terminal report: for a person reading the output of `gatehouse audit`.
 * Colour only when asked; user content (paths, excerpts, messages) is shown with control
 * characters made visible, so a file cannot inject escape codes into the terminal.
 */
import { redactResult, redactText } from '../core/redact.js';
import type { AuditResult, SkippedFile } from '../core/result.js';
import type { Finding, Severity, Verdict } from '../core/types.js';
import { createPalette } from './colour.js';
import type { Paint, Palette } from './colour.js';
import type { ClaimCheck, ClaimStatus } from '../claims/model.js';
import {
  CLAIM_STATUS_LABEL,
  SEVERITY_LABEL,
  SKIP_REASON_LABEL,
  VERDICT_LABEL,
  activeFindings,
  claimWhere,
  claimsSummary,
  compareSkipped,
  countBySeverity,
  excerptLines,
  fileAndLine,
  formatBytes,
  formatDuration,
  groupByCategory,
  ignoredFindings,
  plural,
  proseLines,
  shortCommit,
  sortClaims,
  visible,
} from './common.js';

export interface TextOptions {
  /** ANSI colour; the CLI turns it on for a TTY without NO_COLOR. */
  color: boolean;
}

const DETAIL = '    ';
const EXCERPT = '      ';
const TAG_WIDTH = Math.max(...Object.values(SEVERITY_LABEL).map((label) => label.length));

function verdictPaint(verdict: Verdict, paint: Palette): Paint {
  const hue: Record<Verdict, Paint> = { pass: paint.green, 'needs-human': paint.yellow, block: paint.red };
  return (text) => paint.bold(hue[verdict](text));
}

function severityPaint(severity: Severity, paint: Palette): Paint {
  const hue: Record<Severity, Paint> = { block: paint.red, warn: paint.yellow, info: paint.blue };
  return hue[severity];
}

function severityTag(severity: Severity, paint: Palette): string {
  return severityPaint(severity, paint)(SEVERITY_LABEL[severity].padEnd(TAG_WIDTH));
}

/** `file:line`, with `(base)` when the line is in the old version of the file. */
function location(finding: Finding): string {
  const where = fileAndLine(visible(finding.file), finding.line);
  if (finding.commit !== undefined) return `${where} (commit ${finding.commit.slice(0, 12)})`;
  return finding.side === 'base' ? `${where} (base)` : where;
}

function headerLines(result: AuditResult, active: readonly Finding[], ignored: number, paint: Palette): string[] {
  const counts = countBySeverity(active);
  const revisions = `${shortCommit(result.base.commit)}..${shortCommit(result.head.commit)}`;
  const summary = [
    `${counts.block} block`,
    `${counts.warn} warn`,
    `${counts.info} info`,
    `${ignored} ignored by policy`,
    `policy ${visible(result.policy)}`,
  ].join(' · ');
  return [
    `${paint.bold('Gatehouse')}  ${verdictPaint(result.verdict, paint)(VERDICT_LABEL[result.verdict])}  ${visible(result.range)}  ${paint.dim(revisions)}`,
    summary,
  ];
}

/** `label: first line`, continuation lines aligned under the first. */
function labelled(label: string, text: string, paint: Palette): string[] {
  const [first = '', ...rest] = proseLines(text).map(visible);
  const pad = ' '.repeat(label.length + 2);
  return [`${DETAIL}${paint.dim(`${label}:`)} ${first}`, ...rest.map((line) => `${DETAIL}${pad}${line}`)];
}

function excerpt(label: 'before' | 'after', text: string | undefined, paint: Palette): string[] {
  if (text === undefined) return [];
  const mark = label === 'before' ? paint.red : paint.green;
  const prefix = label === 'before' ? '- ' : '+ ';
  return [`${DETAIL}${paint.dim(`${label}:`)}`, ...excerptLines(text).map((line) => `${EXCERPT}${mark(prefix + visible(line))}`)];
}

function findingLines(finding: Finding, paint: Palette): string[] {
  const [first = '', ...rest] = proseLines(finding.message).map(visible);
  const group = finding.pathGroup === undefined ? '' : ` ${paint.dim(`(path group: ${visible(finding.pathGroup)})`)}`;
  return [
    `  ${severityTag(finding.severity, paint)}  ${paint.bold(location(finding))}${group}  ${first}  ${paint.dim(`[${visible(finding.ruleId)}]`)}`,
    ...rest.map((line) => `${DETAIL}${line}`),
    ...excerpt('before', finding.before, paint),
    ...excerpt('after', finding.after, paint),
    ...labelled('why', finding.why, paint),
    ...labelled('fix', finding.fix, paint),
  ];
}

function findingsSection(active: readonly Finding[], paint: Palette): string[] {
  if (active.length === 0) return ['No findings.'];
  return groupByCategory(active).flatMap(([category, group], index) => [
    ...(index === 0 ? [] : ['']),
    paint.bold(`${category} (${group.length})`),
    ...group.flatMap((finding, at) => [...(at === 0 ? [] : ['']), ...findingLines(finding, paint)]),
  ]);
}

function claimPaint(status: ClaimStatus, paint: Palette): Paint {
  const hue: Record<ClaimStatus, Paint> = { contradicted: paint.red, unverifiable: paint.yellow, supported: paint.green };
  return hue[status];
}

const CLAIM_MARK: Readonly<Record<ClaimStatus, string>> = { contradicted: '✗', unverifiable: '?', supported: '✓' };

function claimLines(check: ClaimCheck, paint: Palette): string[] {
  const tag = claimPaint(check.status, paint)(`${CLAIM_MARK[check.status]} ${CLAIM_STATUS_LABEL[check.status]}`.padEnd(15));
  return [
    `  ${tag} ${paint.bold(visible(claimWhere(check)))}  "${visible(check.claim.text)}"`,
    ...(check.gap === null ? [] : labelled(check.status === 'unverifiable' ? 'needs' : 'gap', check.gap, paint)),
    ...check.evidence.flatMap((line) => labelled('evidence', line, paint)),
  ];
}

/** What the agent said, and what the evidence says. Listed whatever the status: unverifiable claims are not hidden. */
function claimsSection(claims: readonly ClaimCheck[], paint: Palette): string[] {
  if (claims.length === 0) return [];
  return [paint.bold(`Claims vs evidence (${claimsSummary(claims)})`), ...sortClaims(claims).flatMap((check) => claimLines(check, paint))];
}

function ignoredLine(finding: Finding, paint: Palette): string {
  const reason = proseLines(finding.ignored?.reason ?? '').map(visible).join(' ');
  const group = finding.pathGroup === undefined ? '' : ` (path group: ${visible(finding.pathGroup)})`;
  return `  ${severityTag(finding.severity, paint)}  ${location(finding)}  ${paint.dim(`[${visible(finding.ruleId)}]`)}  reason: ${reason}${group}`;
}

function ignoredSection(ignored: readonly Finding[], paint: Palette): string[] {
  if (ignored.length === 0) return [];
  return [paint.bold(`Ignored by policy (${ignored.length})`), ...ignored.map((finding) => ignoredLine(finding, paint))];
}

function skippedLine(file: SkippedFile): string {
  const size = file.reason === 'too-large' && file.size !== undefined ? `, ${formatBytes(file.size)}` : '';
  return `  ${visible(file.path)} (${file.side}): ${SKIP_REASON_LABEL[file.reason]}${size}`;
}

function skippedSection(skipped: readonly SkippedFile[], paint: Palette): string[] {
  if (skipped.length === 0) return [];
  return [
    paint.bold(`Skipped, not inspected (${skipped.length})`),
    ...[...skipped].sort(compareSkipped).map(skippedLine),
  ];
}

function statsLine(result: AuditResult, paint: Palette): string {
  const { stats } = result;
  return paint.dim(
    [
      `${plural(stats.filesChanged, 'file')} changed, ${stats.filesInspected} inspected`,
      plural(stats.commits, 'commit'),
      `${plural(stats.rulesRun, 'rule')} run`,
      formatDuration(stats.durationMs),
      `${result.tool.name} ${visible(result.tool.version)}`,
    ].join(' · '),
  );
}

export function renderText(unredacted: AuditResult, options: TextOptions): string {
  const result = redactResult(unredacted);
  const paint = createPalette(options.color);
  const active = activeFindings(result);
  const ignored = ignoredFindings(result);
  const sections = [
    headerLines(result, active, ignored.length, paint),
    claimsSection(result.claims, paint),
    findingsSection(active, paint),
    ignoredSection(ignored, paint),
    skippedSection(result.stats.skipped, paint),
    [statsLine(result, paint)],
  ];
  return redactText(
    `${sections
      .filter((section) => section.length > 0)
      .map((section) => section.join('\n'))
      .join('\n\n')}\n`,
  );
}
