/**
 * Checks each claim against evidence Gatehouse trusts — coverage reports, JUnit, gate runs, the
 * findings of this audit and the diff — and never against the agent's own words. A claim no
 * evidence decides is unverifiable, with the evidence that would decide it; a claim that the
 * evidence disagrees with is contradicted, with the gap in one sentence and the figures quoted.
 */
import picomatch from 'picomatch';
import type { Finding } from '../core/types.js';
import { compareCoverage, sumTotals, type Totals } from '../evidence/coverage/compare.js';
import type { CoverageMetric, CoverageReport } from '../evidence/coverage/model.js';
import type { LintReport } from '../evidence/lint/model.js';
import type { TestResult, TestRunReport } from '../evidence/tests/model.js';
import type { TypecheckReport } from '../evidence/typecheck/model.js';
import type { GateKind, GateResult } from '../gates/model.js';
import type { Claim, ClaimCheck, ClaimEvidence } from './model.js';

export function verifyClaims(claims: readonly Claim[], evidence: ClaimEvidence): ClaimCheck[] {
  return claims.map((claim) => verifyClaim(claim, evidence));
}

function verifyClaim(claim: Claim, evidence: ClaimEvidence): ClaimCheck {
  switch (claim.kind) {
    case 'coverage':
      return verifyCoverage(claim, evidence);
    case 'tests-pass':
      return verifyTestsPass(claim, evidence);
    case 'lint-clean':
      return verifyGate(claim, evidence, ['lint'], LINT_LOOK_AWAY, 'lint');
    case 'types-clean':
      return verifyGate(claim, evidence, ['typecheck'], TYPES_LOOK_AWAY, 'type check');
    case 'build-passes':
      return verifyGate(claim, evidence, ['build'], null, 'build');
    case 'no-behaviour-change':
      return verifyNoBehaviourChange(claim, evidence);
    case 'only-touched':
      return verifyOnlyTouched(claim, evidence);
    case 'tests-added':
      return verifyTestsAdded(claim, evidence);
    case 'tests-updated':
      return verifyTestsUpdated(claim, evidence);
    case 'fixes-issue':
      return {
        claim,
        status: 'unverifiable',
        evidence: [],
        gap: `whether #${claim.issue} is fixed is not in any evidence Gatehouse reads: a test that reproduces the issue and passes at head (and fails at base) would decide it`,
      };
  }
}

const supported = (claim: Claim, evidence: readonly string[]): ClaimCheck => ({ claim, status: 'supported', evidence, gap: null });
const contradicted = (claim: Claim, evidence: readonly string[], gap: string): ClaimCheck => ({ claim, status: 'contradicted', evidence, gap });
const unverifiable = (claim: Claim, evidence: readonly string[], gap: string): ClaimCheck => ({ claim, status: 'unverifiable', evidence, gap });

// ---------------------------------------------------------------------------------------------
// Findings and gates.

/** Findings the base policy ignored were accepted by a person; they do not take a claim back. */
function active(evidence: ClaimEvidence, matches: (finding: Finding) => boolean): Finding[] {
  return evidence.findings.filter((finding) => finding.ignored === undefined && matches(finding));
}

function quoteFinding(finding: Finding): string {
  const where = finding.line > 0 ? `${finding.file}:${finding.line}` : finding.file;
  return `${finding.ruleId} ${where}: ${finding.message}`;
}

function listFindings(findings: readonly Finding[], limit = 3): string {
  const shown = findings.slice(0, limit).map((finding) => `${finding.line > 0 ? `${finding.file}:${finding.line}` : finding.file} (${finding.message})`);
  return findings.length > limit ? `${shown.join('; ')}; and ${findings.length - limit} more` : shown.join('; ');
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function headGates(evidence: ClaimEvidence, kinds: readonly GateKind[]): GateResult[] {
  return evidence.gates.head?.results.filter((result) => kinds.includes(result.kind)) ?? [];
}

function quoteGate(gate: GateResult): string {
  const state = gate.state === 'passed' ? 'passed' : `${gate.state}${gate.reason === null ? '' : ` (${gate.reason})`}`;
  return `gate ${gate.name} (${gate.kind}) at head: ${state}${gate.cached ? ', cached' : ''}`;
}

function gateEvidence<K extends 'tests' | 'coverage' | 'lint' | 'typecheck'>(gates: readonly GateResult[], kind: K) {
  const reports = [];
  for (const gate of gates) {
    for (const result of gate.evidence) {
      if (result.evidence?.kind === kind) reports.push(result.evidence.report);
    }
  }
  return reports as (K extends 'tests' ? TestRunReport : K extends 'coverage' ? CoverageReport : K extends 'lint' ? LintReport : TypecheckReport)[];
}

// ---------------------------------------------------------------------------------------------
// Coverage.

const COVERAGE_LOOK_AWAY = new Set(['coverage-scope', 'coverage-threshold', 'coverage-pragma']);
const DECIMALS = (value: number) => (String(value).split('.')[1] ?? '').length;

interface CoverageFigures {
  readonly totals: Totals;
  /** How the figures were computed, for the gap sentence: "over the files measured at base". */
  readonly basis: string;
  readonly quotes: readonly string[];
  readonly dropped: number;
}

function coverageFigures(evidence: ClaimEvidence): CoverageFigures | null {
  let pair = evidence.coverage;
  const allGates = evidence.gates;
  if (pair === null && allGates.base !== null && allGates.head !== null) {
    const base = gateEvidence(allGates.base.results, 'coverage')[0];
    const head = gateEvidence(allGates.head.results, 'coverage')[0];
    if (base !== undefined && head !== undefined) {
      const deleted = new Set(evidence.diff.filter((entry) => entry.status === 'deleted' && entry.basePath !== null).map((entry) => entry.basePath!));
      const renamed = new Map(evidence.diff.filter((entry) => entry.status === 'renamed').map((entry) => [entry.basePath!, entry.headPath!]));
      pair = { base, head, comparison: compareCoverage(base, head, { deleted, renamed }) };
    }
  }
  if (pair !== null) {
    const { comparison } = pair;
    const quotes = [
      `coverage ${pair.head.sourceName} over the ${pair.base.files.size} files ${pair.base.sourceName} measured: ${describeTotals(comparison.headOverBaseSet)}`,
      `coverage ${pair.head.sourceName} as reported: ${describeTotals(comparison.headOwn)}`,
    ];
    if (comparison.droppedFiles.length > 0) {
      quotes.push(`measured at base, not at head: ${comparison.droppedFiles.slice(0, 10).join(', ')}${comparison.droppedFiles.length > 10 ? `, and ${comparison.droppedFiles.length - 10} more` : ''}`);
    }
    return { totals: comparison.headOverBaseSet, basis: 'measured over the files measured at base', quotes, dropped: comparison.droppedFiles.length };
  }
  const head = evidence.headCoverage ?? (evidence.gates.head === null ? undefined : gateEvidence(evidence.gates.head.results, 'coverage')[0]);
  if (head === undefined) return null;
  const totals = sumTotals([...head.files.values()]);
  return {
    totals,
    basis: `measured by ${head.sourceName} (no base report to check its file set against)`,
    quotes: [`coverage ${head.sourceName} (${head.files.size} files): ${describeTotals(totals)}`],
    dropped: 0,
  };
}

const METRICS: readonly CoverageMetric[] = ['lines', 'statements', 'functions', 'branches'];

function describeTotals(totals: Totals): string {
  return METRICS.flatMap((metric) => {
    const figure = totals[metric];
    if (figure === null) return [];
    return [`${metric} ${figure.pct === null ? 'nothing measured' : `${figure.pct}%`} (${figure.covered}/${figure.total})`];
  }).join(', ');
}

/**
 * Which metrics a claim is held to. Named metrics are checked each. An unnamed "100%" or "full
 * coverage" is held to every metric the report measures — full coverage with uncovered branches
 * is not full — while an unnamed lower figure ("coverage is now 92.5%") is the lines figure (or
 * statements where lines are not measured), the one tools print first.
 */
function metricsOf(claim: Extract<Claim, { kind: 'coverage' }>, totals: Totals): CoverageMetric[] {
  if (claim.metrics.length > 0) return [...claim.metrics];
  const measured = METRICS.filter((metric) => totals[metric] !== null);
  if (claim.percent === 100) return measured;
  return measured.includes('lines') ? ['lines'] : measured.slice(0, 1);
}

/**
 * Whether a measured figure meets a claimed one. People round: "92.5%" is met by anything that
 * rounds to at least 92.5 (≥ 92.45), "85%" by ≥ 84.5. "100%" has no tolerance — it means every
 * item is covered, and 99.96% is not that. Claims are floors: measuring more than claimed supports.
 */
function meets(claimed: number, covered: number, total: number): boolean {
  if (claimed >= 100) return covered === total;
  const half = 0.5 / 10 ** DECIMALS(claimed);
  // Compare in integers scaled by 10^6 to stay clear of floating-point edges like 84.5.
  return covered * 100_000_000 >= Math.round((claimed - half) * 1_000_000) * total;
}

function claimWording(claim: Extract<Claim, { kind: 'coverage' }>): string {
  const metrics = claim.metrics.length === 0 ? '' : ` ${claim.metrics.join(', ')}`;
  return `${claim.relation === 'at-least' ? 'at least ' : ''}${claim.percent}%${metrics} coverage`;
}

function verifyCoverage(claim: Extract<Claim, { kind: 'coverage' }>, evidence: ClaimEvidence): ClaimCheck {
  const figures = coverageFigures(evidence);
  const lookAway = active(evidence, (finding) => COVERAGE_LOOK_AWAY.has(finding.category));
  if (figures === null) {
    return unverifiable(
      claim,
      lookAway.map(quoteFinding),
      'no coverage report: run `gatehouse audit --check` with a coverage gate, or pass --coverage-base and --coverage-head',
    );
  }
  const quotes = [...figures.quotes, ...lookAway.map(quoteFinding)];
  const short: string[] = [];
  const unknown: string[] = [];
  const checked: CoverageMetric[] = [];
  for (const metric of metricsOf(claim, figures.totals)) {
    const figure = figures.totals[metric];
    if (figure === null) unknown.push(`does not measure ${metric}`);
    else if (figure.pct === null) {
      // Nothing to cover (no branches in the code): an unnamed claim is not about this metric.
      if (claim.metrics.length > 0) unknown.push(`measured no ${metric}`);
    } else {
      checked.push(metric);
      if (!meets(claim.percent, figure.covered, figure.total)) short.push(`${metric} ${figure.pct}%`);
    }
  }
  const droppedNote = figures.dropped > 0 ? ` — ${plural(figures.dropped, 'file was', 'files were')} removed from measurement` : '';
  if (short.length > 0) return contradicted(claim, quotes, `claims ${claimWording(claim)}; ${figures.basis}: ${short.join(', ')}${droppedNote}`);
  if (claim.percent === 100 && lookAway.length > 0) {
    return contradicted(
      claim,
      quotes,
      `claims ${claimWording(claim)}, and the figures say so, but this change moved the goalposts: ${listFindings(lookAway)}`,
    );
  }
  if (unknown.length > 0) {
    return unverifiable(claim, quotes, `the coverage report ${unknown.join(' and ')}: a report that measures it (istanbul JSON measures all four metrics) would decide it`);
  }
  if (checked.length === 0) return unverifiable(claim, quotes, 'the coverage report measured nothing this claim is about');
  return supported(claim, quotes);
}

// ---------------------------------------------------------------------------------------------
// Tests pass.

/** Findings that mean some test did not really run or could not fail. */
function testLookAway(finding: Finding): boolean {
  return (
    finding.category === 'test-disabled' ||
    finding.category === 'test-deleted' ||
    finding.category === 'test-runner' ||
    finding.ruleId === 'tests/no-assertions' ||
    finding.ruleId === 'tests/swallowed-failure' ||
    (finding.category === 'evidence' && finding.ruleId.startsWith('tests/'))
  );
}

const LOOK_AWAY_PHRASE: Readonly<Record<string, string>> = {
  'test-disabled': 'skipped by this change',
  'test-deleted': 'deleted by this change',
  'test-runner': 'left out of the run by this change',
};

function lookAwayPhrase(finding: Finding): string {
  if (finding.ruleId === 'tests/no-assertions' || finding.ruleId === 'tests/swallowed-failure') return 'made unable to fail by this change';
  if (finding.category === 'evidence') return 'not run at head';
  return LOOK_AWAY_PHRASE[finding.category] ?? 'weakened by this change';
}

function describeRun(report: TestRunReport): string {
  const { tests, passed, failed, errors, skipped } = report.totals;
  const parts = [`${passed} passed`];
  if (failed > 0) parts.push(`${failed} failed`);
  if (errors > 0) parts.push(`${errors} errors`);
  if (skipped > 0) parts.push(`${skipped} skipped`);
  return `junit ${report.sourceName}: ${parts.join(', ')} of ${tests}`;
}

function names(tests: readonly TestResult[], limit = 3): string {
  const shown = tests.slice(0, limit).map((test) => `'${test.id}'`);
  return tests.length > limit ? `${shown.join(', ')} and ${tests.length - limit} more` : shown.join(', ');
}

function headTestReports(evidence: ClaimEvidence): TestRunReport[] {
  const reports = evidence.tests.head === null ? [] : [evidence.tests.head];
  const seen = new Set(reports.map((report) => report.sourceName));
  for (const report of gateEvidence(headGates(evidence, ['test', 'e2e']), 'tests')) {
    if (!seen.has(report.sourceName)) reports.push(report);
    seen.add(report.sourceName);
  }
  return reports;
}

/**
 * Tests that ran at base (not skipped) and did not run at head. A test whose file the change
 * deleted is tests/deleted's finding, not a test that stopped running; a test whose file was
 * renamed is looked up under the new path.
 */
function notRunAtHead(base: TestRunReport, head: readonly TestResult[], evidence: ClaimEvidence): TestResult[] {
  const ran = new Set(head.filter((test) => test.outcome !== 'skipped').map((test) => test.id));
  const deleted = new Set(evidence.diff.filter((entry) => entry.status === 'deleted').map((entry) => entry.basePath));
  const renamed = new Map(evidence.diff.filter((entry) => entry.status === 'renamed').map((entry) => [entry.basePath, entry.headPath]));
  return base.tests.filter((test) => {
    if (test.outcome === 'skipped' || ran.has(test.id)) return false;
    if (test.file === null) return true;
    if (deleted.has(test.file)) return false;
    const moved = renamed.get(test.file);
    return !(moved !== undefined && moved !== null && test.id.startsWith(test.file) && ran.has(moved + test.id.slice(test.file.length)));
  });
}

function verifyTestsPass(claim: Extract<Claim, { kind: 'tests-pass' }>, evidence: ClaimEvidence): ClaimCheck {
  const reports = headTestReports(evidence);
  const gates = headGates(evidence, ['test', 'e2e']);
  const lookAway = active(evidence, testLookAway);
  const quotes = [...reports.map(describeRun), ...gates.map(quoteGate), ...lookAway.map(quoteFinding)];
  const gaps: string[] = [];

  const all = reports.flatMap((report) => report.tests);
  const base = evidence.tests.base;
  const failing = all.filter((test) => test.outcome === 'failed' || test.outcome === 'error');
  // A test skipped at base too was not skipped by this change; without a base run, every skip counts.
  const skippedAtBase = new Set(base?.tests.filter((test) => test.outcome === 'skipped').map((test) => test.id) ?? []);
  const skipped = all.filter((test) => test.outcome === 'skipped' && !skippedAtBase.has(test.id));
  if (failing.length > 0) gaps.push(`${plural(failing.length, 'test')} failed at head: ${names(failing)}`);
  if (skipped.length > 0) gaps.push(`${plural(skipped.length, 'test was', 'tests were')} skipped at head${base === null ? '' : ' and not at base'}: ${names(skipped)}`);
  if (claim.count !== null && reports.length > 0) {
    const passed = all.filter((test) => test.outcome === 'passed').length;
    if (passed !== claim.count) gaps.push(`claims ${claim.count} passing, the head run has ${passed} passing of ${all.length}`);
  }
  // tests/not-run, when it reported, already matched renamed and deleted tests: its findings stand instead.
  if (base !== null && reports.length > 0 && !lookAway.some((finding) => finding.ruleId === 'tests/not-run')) {
    const missing = notRunAtHead(base, all, evidence);
    if (missing.length > 0) gaps.push(`${plural(missing.length, 'test')} that ran at base did not run at head: ${names(missing)}`);
  }
  const byPhrase = new Map<string, Finding[]>();
  for (const finding of lookAway) byPhrase.set(lookAwayPhrase(finding), [...(byPhrase.get(lookAwayPhrase(finding)) ?? []), finding]);
  for (const [phrase, findings] of byPhrase) {
    gaps.push(`${plural(findings.length, 'test was', 'tests were')} ${phrase}: ${listFindings(findings)}`);
  }
  const badGates = gates.filter((gate) => gate.state === 'failed' || gate.state === 'timed-out');
  for (const gate of badGates) gaps.push(`gate ${gate.name} ${gate.state}${gate.reason === null ? '' : `: ${gate.reason}`}`);

  if (gaps.length > 0) return contradicted(claim, quotes, `claims ${claim.count === null ? 'the tests pass' : `${claim.count} tests pass`}; ${gaps.join('; ')}`);
  if (reports.length > 0) {
    if (all.length === 0) return contradicted(claim, quotes, 'claims the tests pass; the head test run reported zero tests');
    return supported(claim, quotes);
  }
  const notRun = gates.filter((gate) => gate.state !== 'passed');
  if (notRun.length > 0) return unverifiable(claim, quotes, `the test gate did not complete: ${notRun.map((gate) => `${gate.name} ${gate.state}`).join(', ')}`);
  if (gates.length > 0) {
    return unverifiable(claim, quotes, 'the test gate passed but left no JUnit report, so what it ran cannot be counted: declare `evidence: { junit: <path> }` on the gate');
  }
  return unverifiable(claim, quotes, 'no test results: pass --junit-base and --junit-head, or run `gatehouse audit --check` with a test gate that declares JUnit evidence');
}

// ---------------------------------------------------------------------------------------------
// Lint, type check, build.

const LINT_LOOK_AWAY = new Set(['lint-suppression', 'lint-config']);
const TYPES_LOOK_AWAY = new Set(['type-suppression', 'type-strictness']);

function reportQuotes(gates: readonly GateResult[]): { quotes: string[]; errors: string[] } {
  const quotes: string[] = [];
  const errors: string[] = [];
  for (const report of gateEvidence(gates, 'lint')) {
    const files = report.filesLinted === null ? '' : ` in ${plural(report.filesLinted, 'file')}`;
    quotes.push(`${report.tool} ${report.sourceName}: ${plural(report.errorCount, 'error')}, ${plural(report.warningCount, 'warning')}${files}`);
    if (report.errorCount > 0) {
      const first = report.problems.find((problem) => problem.severity === 'error');
      errors.push(`${report.tool} ${report.sourceName} reports ${plural(report.errorCount, 'error')}${first === undefined ? '' : `, first ${first.file}:${first.line} ${first.ruleId ?? ''} ${first.message}`.trimEnd()}`);
    }
  }
  for (const report of gateEvidence(gates, 'typecheck')) {
    quotes.push(`tsc ${report.sourceName}: ${plural(report.errorCount, 'error')}`);
    if (report.errorCount > 0) {
      const first = report.diagnostics.find((diagnostic) => diagnostic.category === 'error');
      errors.push(`tsc ${report.sourceName} reports ${plural(report.errorCount, 'error')}${first === undefined ? '' : `, first ${first.file ?? '(global)'}:${first.line} ${first.code} ${first.message}`}`);
    }
  }
  return { quotes, errors };
}

function verifyGate(claim: Claim, evidence: ClaimEvidence, kinds: readonly GateKind[], lookAwayCategories: ReadonlySet<string> | null, what: string): ClaimCheck {
  const gates = headGates(evidence, kinds);
  const lookAway = lookAwayCategories === null ? [] : active(evidence, (finding) => lookAwayCategories.has(finding.category));
  const reports = reportQuotes(gates);
  const quotes = [...gates.map(quoteGate), ...reports.quotes, ...lookAway.map(quoteFinding)];
  const failed = gates.filter((gate) => gate.state === 'failed' || gate.state === 'timed-out');
  if (failed.length > 0) {
    const reasons = failed.map((gate) => `gate ${gate.name} ${gate.state}${gate.reason === null ? '' : ` (${gate.reason})`}`);
    return contradicted(claim, quotes, `claims the ${what} passes; ${[...reasons, ...reports.errors].join('; ')}`);
  }
  if (reports.errors.length > 0) return contradicted(claim, quotes, `claims the ${what} is clean; ${reports.errors.join('; ')}`);
  if (lookAway.length > 0) {
    // Green because it was told to look away: the change added suppressions or loosened the config.
    const wording = lookAway.length === 1 ? 'this change told it to look away' : `this change told it to look away ${lookAway.length} times`;
    return contradicted(claim, quotes, `claims the ${what} is clean, but ${wording}: ${listFindings(lookAway)}`);
  }
  const passed = gates.filter((gate) => gate.state === 'passed');
  if (gates.length > 0 && passed.length === gates.length) return supported(claim, quotes);
  if (gates.length > 0) {
    return unverifiable(claim, quotes, `the ${what} gate did not run to the end: ${gates.filter((gate) => gate.state !== 'passed').map((gate) => `${gate.name} ${gate.state}`).join(', ')}`);
  }
  return unverifiable(claim, quotes, `no ${what} gate ran: run \`gatehouse audit --check\` with a gate of kind ${kinds.join(' or ')} in gatehouse.yml`);
}

// ---------------------------------------------------------------------------------------------
// Behaviour, scope, tests added or updated.

const BEHAVIOUR_RULES = new Set(['tests/expectation-rewritten', 'tests/assertion-weakened', 'tests/snapshot-rewritten', 'tests/assertions-removed']);

function verifyNoBehaviourChange(claim: Claim, evidence: ClaimEvidence): ClaimCheck {
  const changed = active(evidence, (finding) => BEHAVIOUR_RULES.has(finding.ruleId));
  if (changed.length > 0) {
    return contradicted(
      claim,
      changed.map(quoteFinding),
      `claims no behaviour change, but ${plural(changed.length, 'test expectation was', 'test expectations were')} changed with the code — a test had to be told the new behaviour: ${listFindings(changed)}`,
    );
  }
  return unverifiable(
    claim,
    [],
    'a static audit cannot prove two revisions behave the same; no test expectation was rewritten or weakened, so the tests did not have to be told of a change — review the diff to decide',
  );
}

function changedPaths(evidence: ClaimEvidence): string[] {
  const paths = new Set<string>();
  for (const entry of evidence.diff) {
    if (entry.headPath !== null) paths.add(entry.headPath);
    if (entry.basePath !== null) paths.add(entry.basePath);
  }
  return [...paths].sort();
}

/** A claimed path: a glob (picomatch), a directory (`src/auth/` or `src/auth`) or a file. */
function pathMatcher(claimed: string): (path: string) => boolean {
  const path = claimed.replace(/^\.\//, '');
  if (/[*?{[]/.test(path)) return picomatch(path, { dot: true });
  const directory = path.endsWith('/') ? path : `${path}/`;
  return (candidate) => candidate === path || candidate.startsWith(directory);
}

function verifyOnlyTouched(claim: Extract<Claim, { kind: 'only-touched' }>, evidence: ClaimEvidence): ClaimCheck {
  const matchers = claim.paths.map(pathMatcher);
  const paths = changedPaths(evidence);
  const outside = paths.filter((path) => !matchers.some((matches) => matches(path)));
  const quote = `diff: ${plural(paths.length, 'file')} changed`;
  if (outside.length === 0) return supported(claim, [`${quote}, all within ${claim.paths.join(', ')}`]);
  const shown = outside.slice(0, 10).join(', ');
  const more = outside.length > 10 ? `, and ${outside.length - 10} more` : '';
  return contradicted(claim, [quote], `claims only ${claim.paths.join(', ')} changed; ${plural(outside.length, 'file')} outside it changed: ${shown}${more}`);
}

/** Test files by the conventions of jest, vitest, mocha, pytest, go and the usual test folders. */
const TEST_FILE = /(?:^|\/)(?:__tests__|tests?|specs?|e2e)\/|\.(?:test|spec|e2e)\.[cm]?[jt]sx?$|(?:^|\/)test_[^/]*\.py$|_test\.(?:py|go)$|\.snap$/;

function testFileChanges(evidence: ClaimEvidence) {
  const added = evidence.diff.filter((entry) => entry.status === 'added' && entry.headPath !== null && TEST_FILE.test(entry.headPath)).map((entry) => entry.headPath!);
  const touched = changedPaths(evidence).filter((path) => TEST_FILE.test(path));
  return { added, touched };
}

function verifyTestsAdded(claim: Extract<Claim, { kind: 'tests-added' }>, evidence: ClaimEvidence): ClaimCheck {
  const { added, touched } = testFileChanges(evidence);
  const base = evidence.tests.base;
  const head = evidence.tests.head;
  const quotes: string[] = [];
  if (added.length > 0) quotes.push(`diff adds ${plural(added.length, 'test file')}: ${added.slice(0, 5).join(', ')}${added.length > 5 ? ', …' : ''}`);
  let newTests: TestResult[] | null = null;
  if (base !== null && head !== null) {
    const before = new Set(base.tests.map((test) => test.id));
    newTests = head.tests.filter((test) => !before.has(test.id));
    quotes.push(`junit ${head.sourceName}: ${plural(newTests.length, 'test')} not in ${base.sourceName}${newTests.length > 0 ? ` (${names(newTests)})` : ''}`);
  }
  if (added.length > 0 || (newTests !== null && newTests.length > 0)) return supported(claim, quotes);
  if (touched.length === 0) return contradicted(claim, quotes, `claims tests were added${claim.subject === null ? '' : ` for ${claim.subject}`}; the change touches no test file`);
  quotes.push(`diff modifies ${plural(touched.length, 'test file')}: ${touched.slice(0, 5).join(', ')}`);
  if (newTests !== null) {
    return contradicted(claim, quotes, `claims tests were added${claim.subject === null ? '' : ` for ${claim.subject}`}; test files changed, but the head run has no test the base run did not`);
  }
  return unverifiable(claim, quotes, 'test files changed but none was added: JUnit reports of base and head would show whether new tests ran');
}

function verifyTestsUpdated(claim: Claim, evidence: ClaimEvidence): ClaimCheck {
  const { touched } = testFileChanges(evidence);
  if (touched.length > 0) return supported(claim, [`diff changes ${plural(touched.length, 'test file')}: ${touched.slice(0, 5).join(', ')}${touched.length > 5 ? ', …' : ''}`]);
  return contradicted(claim, [`diff: ${plural(changedPaths(evidence).length, 'file')} changed`], 'claims the tests were updated; the change touches no test file');
}
