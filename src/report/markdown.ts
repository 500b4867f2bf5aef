/**
 * The Markdown report: a pull-request comment. Everything taken from the change (paths,
 * excerpts, messages, reasons) is escaped: inline text gets Markdown and HTML escapes, paths go
 * in code spans and excerpts in fenced blocks whose fence is longer than any backtick run inside.
 */
import { redactResult, redactText } from '../core/redact.js';
import type { AuditResult, SkippedFile } from '../core/result.js';
import { SEVERITIES } from '../core/types.js';
import type { Finding } from '../core/types.js';
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

/** Hidden marker so a bot can find and update its own comment. */
export const MARKDOWN_MARKER = '<!-- gatehouse-report -->';

/** GitHub rejects comments above 65,536 characters; stay well below. */
export const DEFAULT_MARKDOWN_MAX_LENGTH = 60_000;

export interface MarkdownOptions {
  /** Findings that do not fit are counted, not shown. Defaults to DEFAULT_MARKDOWN_MAX_LENGTH. */
  maxLength?: number;
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * One line of user text, safe inline: control characters made visible, HTML special characters as
 * entities, and every character that can start Markdown syntax (emphasis, code, links, tables,
 * strikethrough, math, headings) backslash-escaped.
 */
export function escapeInline(text: string): string {
  return visible(text)
    .replace(/[\\`*_[\]|~$#]/g, (char) => `\\${char}`)
    .replace(/[&<>]/g, (char) => HTML_ENTITIES[char] ?? char);
}

/** Multi-line prose on one Markdown line: a line break in the text cannot start a block. */
function escapeProse(text: string): string {
  return proseLines(text).map(escapeInline).join('<br>');
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}

/** A code span that shows `text` literally, whatever backticks or spaces it holds. */
export function codeSpan(text: string): string {
  const content = visible(text);
  const fence = '`'.repeat(longestBacktickRun(content) + 1);
  const pad = /^[` ]|[` ]$/.test(content) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

const LANGUAGES: Readonly<Record<string, string>> = {
  ts: 'ts',
  tsx: 'tsx',
  mts: 'ts',
  cts: 'ts',
  js: 'js',
  jsx: 'jsx',
  mjs: 'js',
  cjs: 'js',
  json: 'json',
  jsonc: 'jsonc',
  yml: 'yaml',
  yaml: 'yaml',
  toml: 'toml',
  py: 'python',
  sh: 'sh',
  md: 'markdown',
};

function languageOf(file: string): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase();
  return extension === undefined ? '' : (LANGUAGES[extension] ?? '');
}

/** A fenced block longer than any backtick run in the excerpt, so nothing inside can close it. */
export function codeBlock(excerpt: string, language: string): string {
  const lines = excerptLines(excerpt).map(visible);
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(lines.join('\n')) + 1));
  return [`${fence}${language}`, ...lines, fence].join('\n');
}

function location(finding: Finding): string {
  const where = codeSpan(fileAndLine(finding.file, finding.line));
  if (finding.commit !== undefined) return `${where} (commit ${codeSpan(finding.commit.slice(0, 12))})`;
  return finding.side === 'base' ? `${where} (base)` : where;
}

function pathGroupNote(finding: Finding): string {
  return finding.pathGroup === undefined ? '' : ` · path group ${codeSpan(finding.pathGroup)}`;
}

function excerptPart(label: 'Before' | 'After', text: string | undefined, language: string): string[] {
  return text === undefined ? [] : [`${label}:`, '', codeBlock(text, language), ''];
}

function findingBlock(finding: Finding): string {
  const language = languageOf(finding.file);
  const evidence = finding.before !== undefined || finding.after !== undefined;
  return [
    `**${SEVERITY_LABEL[finding.severity]}** ${location(finding)} — ${escapeProse(finding.message)} · ${codeSpan(finding.ruleId)}${pathGroupNote(finding)}`,
    '',
    `<details><summary>${evidence ? 'Before and after, why and fix' : 'Why and fix'}</summary>`,
    '',
    ...excerptPart('Before', finding.before, language),
    ...excerptPart('After', finding.after, language),
    `**Why:** ${escapeProse(finding.why)}`,
    '',
    `**Fix:** ${escapeProse(finding.fix)}`,
    '',
    '</details>',
  ].join('\n');
}

function summaryTable(active: readonly Finding[]): string {
  const rows = groupByCategory(active).map(([category, group]) => {
    const counts = countBySeverity(group);
    return `| ${category} | ${SEVERITIES.map((severity) => counts[severity]).join(' | ')} |`;
  });
  const total = countBySeverity(active);
  return [
    '| Category | Block | Warn | Info |',
    '| :-- | --: | --: | --: |',
    ...rows,
    `| **Total** | ${SEVERITIES.map((severity) => `**${total[severity]}**`).join(' | ')} |`,
  ].join('\n');
}

function header(result: AuditResult, active: readonly Finding[], ignored: number): string {
  const counts = countBySeverity(active);
  const revisions = `${codeSpan(shortCommit(result.base.commit))}..${codeSpan(shortCommit(result.head.commit))}`;
  return [
    MARKDOWN_MARKER,
    `## Gatehouse: ${VERDICT_LABEL[result.verdict]}`,
    '',
    [
      `**${counts.block} block · ${counts.warn} warn · ${counts.info} info**`,
      `${ignored} ignored by policy`,
      `range ${codeSpan(result.range)} (${revisions})`,
      `policy ${codeSpan(result.policy)}`,
    ].join(' · '),
    '',
    active.length === 0 ? 'No findings.' : summaryTable(active),
  ].join('\n');
}

/** A finding block per entry, with a category heading before the first finding of each category. */
function findingBlocks(active: readonly Finding[]): string[] {
  return groupByCategory(active).flatMap(([category, group]) =>
    group.map((finding, index) => (index === 0 ? `### ${category}\n\n${findingBlock(finding)}` : findingBlock(finding))),
  );
}

function collapsible(summary: string, items: readonly string[]): string {
  return ['<details>', `<summary>${summary}</summary>`, '', ...items, '', '</details>'].join('\n');
}

function ignoredItem(finding: Finding): string {
  return `- **${SEVERITY_LABEL[finding.severity]}** ${location(finding)} · ${codeSpan(finding.ruleId)} — ${escapeProse(finding.ignored?.reason ?? '')}${pathGroupNote(finding)}`;
}

function ignoredSection(ignored: readonly Finding[]): string[] {
  return ignored.length === 0 ? [] : [collapsible(`Ignored by policy (${ignored.length})`, ignored.map(ignoredItem))];
}

function skippedItem(file: SkippedFile): string {
  const size = file.reason === 'too-large' && file.size !== undefined ? `, ${formatBytes(file.size)}` : '';
  return `- ${codeSpan(file.path)} (${file.side}): ${SKIP_REASON_LABEL[file.reason]}${size}`;
}

function skippedSection(skipped: readonly SkippedFile[]): string[] {
  if (skipped.length === 0) return [];
  const items = [...skipped].sort(compareSkipped).map(skippedItem);
  return [collapsible(`Skipped, not inspected (${skipped.length})`, items)];
}

function footer(result: AuditResult): string {
  const { stats } = result;
  const parts = [
    `${escapeInline(result.tool.name)} ${escapeInline(result.tool.version)}`,
    `${plural(stats.filesChanged, 'file')} changed, ${stats.filesInspected} inspected`,
    plural(stats.commits, 'commit'),
    `${plural(stats.rulesRun, 'rule')} run`,
    formatDuration(stats.durationMs),
  ];
  return `<sub>${parts.join(' · ')}</sub>`;
}

const CLAIM_ICON: Readonly<Record<ClaimStatus, string>> = { contradicted: '❌', unverifiable: '❔', supported: '✅' };

/** One table row per claim: status, where, the claim, and the evidence or the gap. */
function claimRow(check: ClaimCheck): string {
  // escapeProse escapes `|` and turns line breaks into <br>: safe inside a table cell.
  const said = [check.gap, ...check.evidence].filter((part): part is string => part !== null).map(escapeProse).join('<br>');
  return `| ${CLAIM_ICON[check.status]} ${CLAIM_STATUS_LABEL[check.status].toLowerCase()} | ${escapeInline(claimWhere(check))} | ${escapeProse(check.claim.text)} | ${said || '—'} |`;
}

/** What the agent said, and what the evidence says; unverifiable claims are listed, not hidden. */
function claimsSection(claims: readonly ClaimCheck[]): string[] {
  if (claims.length === 0) return [];
  return [
    [`### Claims vs evidence`, '', `${claimsSummary(claims)}.`, '', '| Status | Where | Claim | Evidence |', '| --- | --- | --- | --- |', ...sortClaims(claims).map(claimRow)].join('\n'),
  ];
}

interface BodyPart {
  text: string;
  /** How the part is counted when it does not fit. */
  kind: 'finding' | 'ignored' | 'skipped' | 'claims';
}

/** Keeps parts in order while they fit in `budget`; everything after the first misfit is left out. */
function fitting(parts: readonly BodyPart[], budget: number): { kept: BodyPart[]; left: BodyPart[] } {
  let used = 0;
  const index = parts.findIndex((part) => {
    used += part.text.length + 2;
    return used > budget;
  });
  return index === -1 ? { kept: [...parts], left: [] } : { kept: parts.slice(0, index), left: parts.slice(index) };
}

function omissionNote(left: readonly BodyPart[]): string[] {
  if (left.length === 0) return [];
  const findings = left.filter((part) => part.kind === 'finding').length;
  const lists = left.filter((part) => part.kind !== 'finding').map((part) => `the ${part.kind} list`);
  const what = [...(findings === 0 ? [] : [plural(findings, 'finding')]), ...lists].join(', ');
  return [`_Not shown, to keep this comment within GitHub's size limit: ${what}. The JSON or SARIF report has everything._`];
}

const OMISSION_RESERVE = 300;

export function renderMarkdown(unredacted: AuditResult, options: MarkdownOptions = {}): string {
  const result = redactResult(unredacted);
  const maxLength = options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH;
  const active = activeFindings(result);
  const ignored = ignoredFindings(result);
  const head = header(result, active, ignored.length);
  const tail = footer(result);
  const body: BodyPart[] = [
    ...claimsSection(result.claims).map((text): BodyPart => ({ text, kind: 'claims' })),
    ...findingBlocks(active).map((text): BodyPart => ({ text, kind: 'finding' })),
    ...ignoredSection(ignored).map((text): BodyPart => ({ text, kind: 'ignored' })),
    ...skippedSection(result.stats.skipped).map((text): BodyPart => ({ text, kind: 'skipped' })),
  ];
  const { kept, left } = fitting(body, maxLength - head.length - tail.length - OMISSION_RESERVE);
  return redactText(`${[head, ...kept.map((part) => part.text), ...omissionNote(left), tail].join('\n\n')}\n`);
}
