/**
 * Helpers shared by the renderers: ordering, counting and the small formatting functions that
 * turn values into text. Everything a person reads is built from these modules, so a later
 * redaction step has one place to hook in.
 */
import type { AuditResult, SkippedFile } from '../core/result.js';
import { CATEGORIES, SEVERITIES } from '../core/types.js';
import type { Category, Finding, Severity, Verdict } from '../core/types.js';
import type { ClaimCheck, ClaimStatus } from '../claims/model.js';
import { claimSourceName } from '../claims/source.js';

export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = {
  pass: 'PASS',
  'needs-human': 'NEEDS HUMAN',
  block: 'BLOCK',
};

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  block: 'BLOCK',
  warn: 'WARN',
  info: 'INFO',
};

export const SKIP_REASON_LABEL: Readonly<Record<SkippedFile['reason'], string>> = {
  binary: 'binary',
  'too-large': 'too large',
  'not-a-file': 'not a file (submodule or symlink)',
};

/** Plain code-unit comparison: the same order on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

const categoryRank = (category: Category): number => CATEGORIES.indexOf(category);
const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity);

/** Category (in CATEGORIES order), severity (most severe first), file, line, then tie-breakers. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    categoryRank(a.category) - categoryRank(b.category) ||
    severityRank(a.severity) - severityRank(b.severity) ||
    compareText(a.file, b.file) ||
    a.line - b.line ||
    compareText(a.side, b.side) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.fingerprint, b.fingerprint) ||
    compareText(a.message, b.message)
  );
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

export function compareSkipped(a: SkippedFile, b: SkippedFile): number {
  return compareText(a.path, b.path) || compareText(a.side, b.side) || compareText(a.reason, b.reason);
}

export function activeFindings(result: AuditResult): Finding[] {
  return sortFindings(result.findings.filter((finding) => finding.ignored === undefined));
}

export function ignoredFindings(result: AuditResult): Finding[] {
  return sortFindings(result.findings.filter((finding) => finding.ignored !== undefined));
}

/** Active findings grouped by category, in CATEGORIES order; empty categories are left out. */
export function groupByCategory(findings: readonly Finding[]): [Category, Finding[]][] {
  return CATEGORIES.map((category): [Category, Finding[]] => [
    category,
    sortFindings(findings.filter((finding) => finding.category === category)),
  ]).filter(([, group]) => group.length > 0);
}

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { block: 0, warn: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

export function shortCommit(commit: string | null): string {
  return commit === null ? '(empty tree)' : commit.slice(0, 7);
}

/** `file:line`, or just `file` when the finding is about the file as a whole (line < 1). */
export function fileAndLine(file: string, line: number): string {
  return line >= 1 ? `${file}:${line}` : file;
}

export function formatBytes(bytes: number): string {
  const units = ['KiB', 'MiB', 'GiB'] as const;
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit] ?? 'GiB'}`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Splits an excerpt into lines. A single trailing line break ends the last line rather than
 * starting an empty one; an empty excerpt is one empty line.
 */
export function excerptLines(excerpt: string): string[] {
  return excerpt.replace(/(\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/);
}

/** Prose (message, why, fix, reason) as lines; rule docs may be wrapped. */
export function proseLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r' };

/**
 * C0/C1 control characters (tab excepted), DEL, and the Unicode bidirectional controls that can
 * make text read differently from what it is ("Trojan Source").
 */
function isInvisible(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09) ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

function escapeInvisible(code: number): string {
  const named = NAMED_ESCAPES[String.fromCharCode(code)];
  if (named !== undefined) return named;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Renders invisible and control characters as visible escapes (`\n`, `\x1b`, `\u202e`) in
 * human-facing formats, so a file name or excerpt cannot move the cursor, recolour a terminal,
 * break a line or reorder what a reviewer sees. Lossy by design: JSON and SARIF keep exact values.
 */
export function visible(text: string): string {
  let out = '';
  let from = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (!isInvisible(code)) continue;
    out += text.slice(from, index) + escapeInvisible(code);
    from = index + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

export const CLAIM_STATUS_LABEL: Readonly<Record<ClaimStatus, string>> = {
  contradicted: 'CONTRADICTED',
  unverifiable: 'UNVERIFIABLE',
  supported: 'SUPPORTED',
};

const CLAIM_STATUS_ORDER: readonly ClaimStatus[] = ['contradicted', 'unverifiable', 'supported'];

/** Contradicted first, then unverifiable, then supported; within a status, in the order they were read. */
export function sortClaims(claims: readonly ClaimCheck[]): ClaimCheck[] {
  return claims
    .map((check, index) => ({ check, index }))
    .sort((a, b) => CLAIM_STATUS_ORDER.indexOf(a.check.status) - CLAIM_STATUS_ORDER.indexOf(b.check.status) || a.index - b.index)
    .map(({ check }) => check);
}

/** `agent-report.md:12`, `PR description:3`, `commit 1a2b3c4d5e6f:1`. */
export function claimWhere(check: ClaimCheck): string {
  return `${claimSourceName(check.claim.source)}:${check.claim.source.line}`;
}

/** `3 claims: 1 contradicted, 1 unverifiable, 1 supported`. */
export function claimsSummary(claims: readonly ClaimCheck[]): string {
  const counts = CLAIM_STATUS_ORDER.map((status) => `${claims.filter((check) => check.status === status).length} ${status}`);
  return `${claims.length} claim${claims.length === 1 ? '' : 's'}: ${counts.join(', ')}`;
}
