/**
 * GitHub Actions workflow commands: one annotation per active finding, then a summary notice.
 * Escaping follows the runner (actions/toolkit `command.ts`): data escapes `%`, CR and LF;
 * property values additionally escape `:` and `,`.
 */
import { redactResult, redactText } from '../core/redact.js';
import type { AuditResult } from '../core/result.js';
import type { Finding, Severity } from '../core/types.js';
import {
  SEVERITY_LABEL,
  VERDICT_LABEL,
  activeFindings,
  claimsSummary,
  countBySeverity,
  fileAndLine,
  ignoredFindings,
  plural,
  proseLines,
  visible,
} from './common.js';

type AnnotationCommand = 'error' | 'warning' | 'notice';

export const GITHUB_COMMAND: Readonly<Record<Severity, AnnotationCommand>> = {
  block: 'error',
  warn: 'warning',
  info: 'notice',
};

export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::command key=value,…::message`, properties in the given order, empty ones left out. */
export function workflowCommand(
  command: string,
  properties: readonly (readonly [string, string | undefined])[],
  message: string,
): string {
  const props = properties
    .filter((entry): entry is readonly [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  return `::${command}${props === '' ? '' : ` ${props}`}::${escapeData(message)}`;
}

/** Prose kept on its own lines (the annotation shows line breaks), each line made visible. */
function prose(text: string): string {
  return proseLines(text).map(visible).join('\n');
}

function annotationMessage(finding: Finding): string {
  const where =
    finding.category === 'claims'
      ? `${visible(fileAndLine(finding.file, finding.line))}: `
      : finding.commit !== undefined
      ? `${visible(fileAndLine(finding.file, finding.line))} (commit ${finding.commit.slice(0, 12)}): `
      : finding.side === 'base'
        ? `${visible(fileAndLine(finding.file, finding.line))} (base): `
        : '';
  return [`${where}${prose(finding.message)}`, '', `Why: ${prose(finding.why)}`, `Fix: ${prose(finding.fix)}`].join('\n');
}

function annotation(finding: Finding): string {
  // Only a head-side finding about the range's end state has a line in the pull request's diff;
  // a claim's place is the agent's report, the PR description or a commit message.
  const head = finding.side === 'head' && finding.commit === undefined && finding.category !== 'claims';
  return workflowCommand(
    GITHUB_COMMAND[finding.severity],
    [
      // The path is the real one (the runner matches it to the diff); escaping keeps it on one line.
      ['file', head ? finding.file : undefined],
      ['line', head && finding.line >= 1 ? String(finding.line) : undefined],
      ['title', `${SEVERITY_LABEL[finding.severity]} ${visible(finding.ruleId)}`],
    ],
    annotationMessage(finding),
  );
}

/** GitHub shows at most this many annotations of each level per step (and 50 per job). */
export const GITHUB_ANNOTATIONS_PER_LEVEL = 10;

/**
 * Info findings annotated as notices: one place is kept for the summary notice, which would
 * otherwise be the one GitHub drops.
 */
const INFO_ANNOTATIONS = GITHUB_ANNOTATIONS_PER_LEVEL - 1;

function limitNote(counts: Record<Severity, number>): string[] {
  const notes: string[] = [];
  if (counts.info > INFO_ANNOTATIONS) notes.push(`${counts.info - INFO_ANNOTATIONS} info not annotated`);
  const crowded = (['block', 'warn'] as const).filter((severity) => counts[severity] > GITHUB_ANNOTATIONS_PER_LEVEL);
  if (crowded.length > 0) notes.push(`GitHub shows only the first ${GITHUB_ANNOTATIONS_PER_LEVEL} ${crowded.map((severity) => GITHUB_COMMAND[severity]).join(' and ')} annotations`);
  return notes.length === 0 ? [] : [`${notes.join('; ')}: see the full report`];
}

function summary(result: AuditResult, active: readonly Finding[], ignored: number): string {
  const counts = countBySeverity(active);
  const parts = [
    `${counts.block} block, ${counts.warn} warn, ${counts.info} info, ${ignored} ignored by policy`,
    `${plural(result.stats.filesChanged, 'file')} changed`,
    `${plural(result.stats.skipped.length, 'file')} skipped`,
    ...(result.claims.length === 0 ? [] : [claimsSummary(result.claims)]),
    ...limitNote(counts),
  ];
  return workflowCommand(
    'notice',
    [],
    `Gatehouse ${VERDICT_LABEL[result.verdict]} for ${visible(result.range)}: ${parts.join('; ')}`,
  );
}

/** Every block and warn finding; info findings up to INFO_ANNOTATIONS, most relevant categories first. */
function annotated(active: readonly Finding[]): Finding[] {
  const info = active.filter((finding) => finding.severity === 'info').slice(0, INFO_ANNOTATIONS);
  return active.filter((finding) => finding.severity !== 'info' || info.includes(finding));
}

export function renderGithub(unredacted: AuditResult): string {
  const result = redactResult(unredacted);
  const active = activeFindings(result);
  const lines = [...annotated(active).map(annotation), summary(result, active, ignoredFindings(result).length)];
  return redactText(`${lines.join('\n')}\n`);
}
