/**
 * The SARIF 2.1.0 report, for code-scanning tools (GitHub code scanning, IDE viewers).
 * Validated against the OASIS schema in `schema/sarif-2.1.0.json` by the tests.
 */
import { createHash } from 'node:crypto';
import type { ClaimCheck, ClaimStatus } from '../claims/model.js';
import { redactResult, redactText } from '../core/redact.js';
import type { AuditResult } from '../core/result.js';
import type { Category, Finding, Severity } from '../core/types.js';
import { claimWhere, compareText, sortClaims, sortFindings } from './common.js';
import { claimsContradicted } from '../rules/claims/contradicted.js';

/** What SARIF needs from a rule; the rule registry passes `Rule` objects, which have these fields. */
export interface SarifRuleMeta {
  id: string;
  category: Category;
  severity: Severity;
  docs: { summary: string; why: string; fix: string };
}

/** The key of `partialFingerprints` holding a finding's fingerprint. */
export const SARIF_FINGERPRINT_KEY = 'gatehouse/v1';
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_URI_BASE_ID = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

export const SARIF_LEVEL: Readonly<Record<Severity, SarifLevel>> = {
  block: 'error',
  warn: 'warning',
  info: 'note',
};

interface SarifMessage {
  text: string;
}

interface SarifReportingDescriptor {
  id: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  defaultConfiguration: { level: SarifLevel };
  properties: { category: Category; tags: string[] };
}

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId: string };
    region?: { startLine: number };
  };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  /** `pass` and `review` for claims the evidence supports or cannot decide; findings are `fail` (the default, left out). */
  kind?: 'pass' | 'review';
  level: SarifLevel | 'none';
  message: SarifMessage;
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  properties: {
    category: Category;
    claim?: { kind: string; status: ClaimStatus; evidence: readonly string[]; gap: string | null };
    side: Finding['side'];
    commit?: string;
    before?: string;
    after?: string;
    pathGroup?: string;
  };
  suppressions?: { kind: 'external'; status: 'accepted'; justification: string }[];
}

interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: { driver: { name: string; version: string; rules: SarifReportingDescriptor[] } };
      results: SarifResult[];
      properties: {
        verdict: AuditResult['verdict'];
        range: string;
        baseCommit: string | null;
        headCommit: string | null;
        policy: string;
      };
    },
  ];
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A repository-relative path as a relative URI reference: each segment percent-encoded as UTF-8
 * (spaces, non-ASCII, `%`, `#`, `?`, `:` and control characters included), `/` kept as separator.
 * Encoding `:` keeps a first segment like `c:` from reading as a scheme.
 */
export function pathToUri(path: string): string {
  return path
    .replace(LONE_SURROGATE, '\uFFFD')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function descriptor(rule: SarifRuleMeta): SarifReportingDescriptor {
  return {
    id: rule.id,
    shortDescription: { text: rule.docs.summary },
    fullDescription: { text: rule.docs.why },
    help: { text: `${rule.docs.why}\n\nHow to fix: ${rule.docs.fix}` },
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: { category: rule.category, tags: ['gatehouse', rule.category] },
  };
}

/** A rule for a finding whose rule was not passed in, so every result has a valid ruleIndex. */
function metaFromFinding(finding: Finding): SarifRuleMeta {
  return {
    id: finding.ruleId,
    category: finding.category,
    severity: finding.severity,
    docs: { summary: finding.ruleId, why: finding.why, fix: finding.fix },
  };
}

/** The given rules plus any rule a finding names that is missing, one per id, sorted by id. */
function ruleTable(rules: readonly SarifRuleMeta[], findings: readonly Finding[]): SarifRuleMeta[] {
  const byId = new Map<string, SarifRuleMeta>();
  for (const rule of rules) if (!byId.has(rule.id)) byId.set(rule.id, rule);
  for (const finding of findings) if (!byId.has(finding.ruleId)) byId.set(finding.ruleId, metaFromFinding(finding));
  return [...byId.values()].sort((a, b) => compareText(a.id, b.id));
}

function location(finding: Pick<Finding, 'file' | 'line'>): SarifLocation {
  return {
    physicalLocation: {
      artifactLocation: { uri: pathToUri(finding.file), uriBaseId: SARIF_URI_BASE_ID },
      ...(finding.line >= 1 ? { region: { startLine: finding.line } } : {}),
    },
  };
}

function messageText(finding: Finding): string {
  return finding.side === 'base' ? `${finding.message} (line ${finding.line} of the base revision)` : finding.message;
}

function sarifResult(finding: Finding, ruleIndex: number): SarifResult {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: SARIF_LEVEL[finding.severity],
    message: { text: messageText(finding) },
    locations: [location(finding)],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: finding.fingerprint },
    properties: {
      category: finding.category,
      side: finding.side,
      ...(finding.commit === undefined ? {} : { commit: finding.commit }),
      ...(finding.before === undefined ? {} : { before: finding.before }),
      ...(finding.after === undefined ? {} : { after: finding.after }),
      ...(finding.pathGroup === undefined ? {} : { pathGroup: finding.pathGroup }),
    },
    ...(finding.ignored === undefined
      ? {}
      : { suppressions: [{ kind: 'external', status: 'accepted', justification: finding.ignored.reason }] }),
  };
}

/** The rule whose results claims are; its own metadata when the caller passed no rule table. */
const CLAIMS_RULE: SarifRuleMeta = claimsContradicted;

/**
 * Claims the evidence supports (`kind: pass`) or cannot decide (`kind: review`), as results of
 * `claims/contradicted` with level `none`: every claim is on the report, and contradicted ones are
 * already there as that rule's findings (`fail`, level `error`).
 */
function claimResult(check: ClaimCheck, ruleIndex: number): SarifResult {
  const where = claimWhere(check);
  const text = check.status === 'supported' ? `Supported: "${check.claim.text}"` : `Unverifiable: "${check.claim.text}"${check.gap === null ? '' : ` — ${check.gap}`}`;
  return {
    ruleId: CLAIMS_RULE.id,
    ruleIndex,
    kind: check.status === 'supported' ? 'pass' : 'review',
    level: 'none',
    message: { text: `${text} (${where})` },
    locations: check.claim.source.origin === 'report' ? [location({ file: check.claim.source.name, line: check.claim.source.line })] : [],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: claimFingerprint(check) },
    properties: { category: 'claims', side: 'head', claim: { kind: check.claim.kind, status: check.status, evidence: check.evidence, gap: check.gap } },
  };
}

function claimFingerprint(check: ClaimCheck): string {
  return createHash('sha256').update(`claim\0${check.claim.kind}\0${check.claim.source.origin}\0${check.claim.text.toLowerCase()}`).digest('hex').slice(0, 32);
}

export function toSarif(result: AuditResult, rules: readonly SarifRuleMeta[]): SarifLog {
  const findings = sortFindings(result.findings);
  const undecided = sortClaims(result.claims).filter((check) => check.status !== 'contradicted');
  const table = ruleTable(undecided.length > 0 && !rules.some((rule) => rule.id === CLAIMS_RULE.id) ? [...rules, CLAIMS_RULE] : rules, findings);
  const indexOf = new Map(table.map((rule, index) => [rule.id, index]));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'gatehouse', version: result.tool.version, rules: table.map(descriptor) } },
        results: [
          ...findings.map((finding) => sarifResult(finding, indexOf.get(finding.ruleId) ?? -1)),
          ...undecided.map((check) => claimResult(check, indexOf.get(CLAIMS_RULE.id) ?? -1)),
        ],
        properties: {
          verdict: result.verdict,
          range: result.range,
          baseCommit: result.base.commit,
          headCommit: result.head.commit,
          policy: result.policy,
        },
      },
    ],
  };
}

export function renderSarif(result: AuditResult, rules: readonly SarifRuleMeta[]): string {
  return redactText(`${JSON.stringify(toSarif(redactResult(result), rules), null, 2)}\n`);
}
