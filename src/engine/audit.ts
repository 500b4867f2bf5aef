import { InputError } from '../core/errors.js';
import { inOrder } from '../core/settle.js';
import { performance } from 'node:perf_hooks';
import { REPORT_VERSION, type AuditResult } from '../core/result.js';
import type { Finding } from '../core/types.js';
import { Repository, type CommitInfo, type DiffEntry } from '../git/repository.js';
import { resolveRange, type RangeSpec, type ResolvedRange } from '../git/range.js';
import type { InspectedChange, Inspector, ProjectInspector, RevisionFiles } from '../inspect/inspector.js';
import { DEFAULT_SIZE_LIMIT, FactStore, Revision } from '../model/revision.js';
import { defaultPolicy, POLICY_FILE, type Policy } from '../policy/policy.js';
import { allRules } from '../rules/index.js';
import type { Rule, RuleContext } from '../rules/rule.js';
import { severityRank, verdictOf } from './apply-policy.js';
import { inspectChanges } from './changed-files.js';
import { findingsOf } from './findings-of.js';
import type { HistoryStats } from './history.js';
import type { CheckOptions, GateEvidence } from './gate-evidence.js';
import { checkClaims } from './claims.js';
import { CATEGORIES } from '../core/types.js';
import { VERSION } from '../core/version.js';
import type { CoverageEvidence, CoverageEvidenceFiles } from '../evidence/coverage/evidence.js';
import type { TestRunReport } from '../evidence/tests/model.js';
import type { GateRun } from '../gates/model.js';

export interface AuditOptions {
  repoDir: string;
  range: RangeSpec;
  /** The agent's report text (`--report FILE|-`). */
  report?: string | null;
  /** What the report was read from, for claims' sources (`agent-report.md`, `-`). */
  reportName?: string;
  /** The pull request's description, when known. */
  prDescription?: string | null;
  rules?: readonly Rule[];
  sizeLimit?: number;
  /** Coverage reports of the base and head runs (`--coverage-base`, `--coverage-head`). */
  coverageEvidence?: CoverageEvidenceFiles;
  /** Parsed JUnit results of the base and head test runs. */
  testEvidence?: { base: TestRunReport | null; head: TestRunReport | null };
  /** JUnit XML files of the base and head test runs (`--junit-base`, `--junit-head`). */
  junitFiles?: { base: string; head: string };
  /** Gate runs of base and head (`audit --check`). */
  gateRuns?: { base: GateRun | null; head: GateRun | null };
  /** Run the base policy's gates on base and head first and read their evidence (`--check`). */
  check?: CheckOptions;
  /** Also audit every commit of the range on its own with the rules about history (`--history`). */
  history?: { onProgress?: (commits: number) => void };
}

/** Audit one change: resolve the range, read the base policy, inspect changed files, run the rules. */
export async function audit(options: AuditOptions): Promise<AuditResult> {
  const started = performance.now();
  const repo = await Repository.open(options.repoDir);
  try {
    const range = await resolveRange(repo, options.range);
    const rules = options.rules ?? allRules;
    // The policy, the diff and the commit messages do not depend on each other: one round of git.
    const [policy, diff, commits] = await inOrder<[Policy, DiffEntry[], CommitInfo[]]>([loadBasePolicy(repo, range, rules), repo.diff(range.baseTreeish, range.head), repo.commitMessages(range.base, range.head)]);
    // The gates come from the base policy, like every rule: the change cannot choose how it is checked.
    const gateEvidence = options.check ? await (await import('./gate-evidence.js')).runGateEvidence(options.repoDir, range, policy.gates, policy.source, options.check) : null;
    const store = new FactStore(repo, options.sizeLimit ?? DEFAULT_SIZE_LIMIT);
    const enabled = rules.filter((rule) => policy.severities[rule.id] !== 'off');
    const inspectors = uniqueInspectors(enabled);
    const baseRevision = new Revision(store, range.base, range.baseTreeish);
    const headRevision = new Revision(store, range.head, range.head);
    const projectInspectors = uniqueProjectInspectors(enabled);
    const [{ files, skipped, inspected }, project] = await Promise.all([
      inspectChanges(store, diff, inspectors, policy.paths),
      collectProjectFacts(projectInspectors.filter((inspector) => inspector.affectedBy(diff)), baseRevision, headRevision),
    ]);
    // Second round: inspectors that the changed files' facts call for (see `affectedByFacts`).
    const calledFor = projectInspectors.filter((inspector) => !project.has(inspector.id) && inspector.affectedByFacts?.(files, policy.paths) === true);
    for (const [id, facts] of await collectProjectFacts(calledFor, baseRevision, headRevision, files)) project.set(id, facts);
    const context: RuleContext = {
      files,
      paths: policy.paths,
      commits,
      report: options.report ?? null,
      claims: [],
      project: <F>(inspector: ProjectInspector<F>) => (project.get(inspector.id) as { base: F; head: F } | undefined) ?? null,
      evidence: await trustedEvidence(options, gateEvidence, diff, baseRevision, headRevision),
    };
    const drafts = new Map(enabled.filter((rule) => rule.readsClaims !== true).map((rule) => [rule, rule.check(context)]));
    const findings = [...drafts].flatMap(([rule, ruleDrafts]) => findingsOf(rule, ruleDrafts, policy));
    // Claims are checked against the evidence and every other rule's findings, so they come last.
    const claims = await checkClaims(
      { report: options.report ? { name: options.reportName ?? 'report', text: options.report } : null, prDescription: options.prDescription ?? null, commits },
      {
        coverage: context.evidence.coverage,
        headCoverage: context.evidence.coverage?.head ?? gateEvidence?.coverage.head ?? null,
        tests: { base: context.evidence.tests?.base ?? null, head: context.evidence.tests?.head ?? null },
        gates: { base: context.evidence.gates?.base ?? null, head: context.evidence.gates?.head ?? null },
        findings,
        diff,
      },
    );
    for (const rule of enabled.filter((candidate) => candidate.readsClaims === true)) findings.push(...findingsOf(rule, rule.check({ ...context, claims }), policy));
    let history: HistoryStats | undefined;
    if (options.history) {
      const historyRules = enabled.filter((rule) => rule.history === true);
      // What the range as a whole reports is not repeated for the commit that introduced it.
      const reported = new Map(historyRules.map((rule) => [rule.id, new Set((drafts.get(rule) ?? []).map((draft) => draft.key))]));
      const { scanHistory } = await import('./history.js');
      const scan = await scanHistory({ repo, range, policy, sizeLimit: options.sizeLimit ?? DEFAULT_SIZE_LIMIT, rules: historyRules, reported, ...options.history });
      findings.push(...scan.findings);
      history = scan.stats;
    }
    findings.sort(compareFindings);
    const count = (severity: Finding['severity']) => findings.filter((f) => !f.ignored && f.severity === severity).length;
    return {
      version: REPORT_VERSION,
      tool: { name: 'gatehouse', version: VERSION },
      verdict: verdictOf(findings),
      range: range.label,
      base: { commit: range.base, ref: range.baseRef },
      head: { commit: range.head, ref: range.headRef },
      policy: policy.source,
      findings,
      claims,
      ...(context.evidence.gates ? { gates: context.evidence.gates } : {}),
      stats: {
        filesChanged: diff.length,
        filesInspected: inspected,
        commits: commits.length,
        rulesRun: enabled.length,
        findings: { block: count('block'), warn: count('warn'), info: count('info'), ignored: findings.filter((f) => f.ignored).length },
        skipped,
        ...(history ? { history } : {}),
        durationMs: Math.round(performance.now() - started),
      },
    };
  } finally {
    repo.close();
  }
}

/** The policy always comes from the base revision: a change cannot loosen the rules it is judged by. */
async function loadBasePolicy(repo: Repository, range: ResolvedRange, rules: readonly Rule[]): Promise<Policy> {
  if (!range.base) return defaultPolicy();
  const read = await repo.readBlob(`${range.base}:${POLICY_FILE}`);
  if (read.kind === 'missing') return defaultPolicy();
  const source = `${POLICY_FILE}@${range.base.slice(0, 12)}`;
  if (read.kind === 'too-large') throw new InputError(`${source}: too large to be a policy (${read.size} bytes)`);
  const { parsePolicy } = await import('../policy/parse-policy.js');
  // Every shipped rule may be configured, also when this audit runs only some of them.
  const known = new Set([...allRules, ...rules].map((rule) => rule.id));
  return parsePolicy(read.content.toString('utf8'), source, known);
}

function uniqueInspectors(rules: readonly Rule[]): Inspector<unknown>[] {
  const byId = new Map<string, Inspector<unknown>>();
  for (const rule of rules) for (const inspector of rule.inspectors) byId.set(inspector.id, inspector);
  return [...byId.values()];
}

async function coverageEvidence(files: CoverageEvidenceFiles, diff: readonly DiffEntry[], base: Revision, head: Revision): Promise<CoverageEvidence> {
  const [baseFiles, headFiles] = await Promise.all([base.asFiles(), head.asFiles()]);
  // The report parsers (and fast-xml-parser) load only when evidence is given.
  const { loadCoverageEvidence } = await import('../evidence/coverage/evidence.js');
  return loadCoverageEvidence(files, diff, new Set([...baseFiles.paths, ...headFiles.paths]));
}

/**
 * The evidence rules may trust: given on the command line (coverage and JUnit files, parsed
 * here), given by a caller, or left behind by the base policy's gates (`--check`), in that order.
 */
async function trustedEvidence(options: AuditOptions, gateEvidence: GateEvidence | null, diff: readonly DiffEntry[], base: Revision, head: Revision): Promise<RuleContext['evidence']> {
  const gateTests = gateEvidence && (gateEvidence.tests.base ?? gateEvidence.tests.head) ? gateEvidence.tests : null;
  return {
    coverage: options.coverageEvidence ? await coverageEvidence(options.coverageEvidence, diff, base, head) : await gateCoverage(gateEvidence, diff),
    tests: options.testEvidence ?? (options.junitFiles ? await junitEvidence(options.junitFiles, base, head) : gateTests),
    gates: options.gateRuns ?? gateEvidence?.runs ?? null,
  };
}

/** JUnit files given on the command line, each side's paths made relative to its revision. */
async function junitEvidence(files: { base: string; head: string }, base: Revision, head: Revision): Promise<{ base: TestRunReport; head: TestRunReport }> {
  const [baseFiles, headFiles, { parseJUnit }, { readEvidenceText }] = await Promise.all([
    base.asFiles(),
    head.asFiles(),
    import('../evidence/tests/junit.js'),
    import('../evidence/coverage/evidence.js'),
  ]);
  return {
    base: parseJUnit(readEvidenceText(files.base, '--junit-base'), files.base, { knownPaths: new Set(baseFiles.paths) }),
    head: parseJUnit(readEvidenceText(files.head, '--junit-head'), files.head, { knownPaths: new Set(headFiles.paths) }),
  };
}

/** Coverage from the gates' evidence, compared when both sides have a report. */
async function gateCoverage(gateEvidence: GateEvidence | null, diff: readonly DiffEntry[]): Promise<CoverageEvidence | null> {
  const base = gateEvidence?.coverage.base;
  const head = gateEvidence?.coverage.head;
  if (!base || !head) return null;
  const { coverageEvidenceOf } = await import('../evidence/coverage/evidence.js');
  return coverageEvidenceOf(base, head, diff);
}

function uniqueProjectInspectors(rules: readonly Rule[]): ProjectInspector<unknown>[] {
  const byId = new Map<string, ProjectInspector<unknown>>();
  for (const rule of rules) for (const inspector of rule.projectInspectors ?? []) byId.set(inspector.id, inspector);
  return [...byId.values()];
}

/** Run each of these project inspectors on both revisions. */
async function collectProjectFacts(
  affecting: readonly ProjectInspector<unknown>[],
  base: Revision,
  head: Revision,
  changes?: readonly InspectedChange[],
): Promise<Map<string, { base: unknown; head: unknown }>> {
  const facts = new Map<string, { base: unknown; head: unknown }>();
  if (affecting.length === 0) return facts;
  // Trees are listed only for inspectors that read the path list (see `readsPathList`).
  const listed = async (revision: Revision, inspector: ProjectInspector<unknown>): Promise<RevisionFiles> =>
    inspector.readsPathList === false ? revision.reader() : revision.asFiles();
  await Promise.all(
    affecting.map(async (inspector) => {
      const [baseFiles, headFiles] = await Promise.all([listed(base, inspector), listed(head, inspector)]);
      const [before, after] = await Promise.all([inspector.collect(baseFiles, changes), inspector.collect(headFiles, changes)]);
      facts.set(inspector.id, { base: before, head: after });
    }),
  );
  return facts;
}

/** Code-unit order: stable across machines and locales, and far cheaper than localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    Number(Boolean(a.ignored)) - Number(Boolean(b.ignored)) ||
    severityRank(a.severity) - severityRank(b.severity) ||
    CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) ||
    compareText(a.file, b.file) ||
    a.line - b.line ||
    compareText(a.ruleId, b.ruleId)
  );
}

