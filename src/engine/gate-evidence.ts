/**
 * `audit --check`: run the base policy's gates on both revisions and turn what they left behind
 * into the evidence the rules and the claim checks read. Nothing here trusts the head: the gate
 * definitions are the base's, and a side without usable evidence has none (never a pass).
 */
import type { CoverageReport, FileCoverage } from '../evidence/coverage/model.js';
import { testTotals, type TestResult, type TestRunReport } from '../evidence/tests/model.js';
import type { ResolvedRange } from '../git/range.js';
import type { GateDefinition, GateRun } from '../gates/model.js';
import type { ProgressSink } from '../gates/run.js';
import { InputError, InterruptedError } from '../core/errors.js';

export interface CheckOptions {
  /** Run every gate even when a result for the same tree is cached. */
  noCache?: boolean;
  jobs?: number;
  /** A progress display per side, made when that side starts. */
  progress?: (side: 'base' | 'head', gates: readonly GateDefinition[]) => ProgressSink & { stop?(): void };
  signal?: AbortSignal;
}

export interface GateEvidence {
  runs: { base: GateRun | null; head: GateRun };
  tests: { base: TestRunReport | null; head: TestRunReport | null };
  coverage: { base: CoverageReport | null; head: CoverageReport | null };
}

/** Base first, then head: each side's gates already run in parallel, and two sides at once would double the load. */
export async function runGateEvidence(repoDir: string, range: ResolvedRange, gates: readonly GateDefinition[], source: string, options: CheckOptions): Promise<GateEvidence> {
  if (gates.length === 0) throw new InputError(`--check: ${source} declares no gates (add a \`gates:\` section; see docs/gates.md)`);
  const { runGates } = await import('../gates/run.js');
  const run = async (side: 'base' | 'head', revision: string): Promise<GateRun> => {
    const progress = options.progress?.(side, gates);
    try {
      return await runGates({
        repoDir,
        revision,
        gates,
        ...(options.noCache ? { noCache: true } : {}),
        ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
        ...(progress ? { progress } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } finally {
      progress?.stop?.();
    }
  };
  // Interrupted gates leave cancelled results: no audit is made of them.
  const stopIfInterrupted = (): void => {
    if (options.signal?.aborted) throw new InterruptedError('interrupted while running the gates; worktrees removed');
  };
  // A root commit's base is the empty tree: there is nothing to run there.
  const base = range.base === null ? null : await run('base', range.base);
  stopIfInterrupted();
  const head = await run('head', range.head);
  stopIfInterrupted();
  return {
    runs: { base, head },
    tests: { base: testsOf(base), head: testsOf(head) },
    coverage: { base: coverageOf(base), head: coverageOf(head) },
  };
}

/** Every usable JUnit report of a run, as one: a project's unit and e2e gates together are its tests. */
export function testsOf(run: GateRun | null): TestRunReport | null {
  const reports = usable(run).flatMap((evidence) => (evidence.kind === 'tests' ? [evidence.report] : []));
  if (reports.length === 0) return null;
  if (reports.length === 1) return reports[0]!;
  const byId = new Map<string, TestResult>();
  for (const report of reports) for (const test of report.tests) if (!byId.has(test.id)) byId.set(test.id, test);
  const tests = [...byId.values()];
  return { format: 'junit', sourceName: reports.map((report) => report.sourceName).join(', '), tests, totals: testTotals(tests) };
}

/**
 * The run's coverage, as one report: several gates (one per package) measure different files, so
 * their files are put together; a file two reports measure keeps the first report's counts.
 */
export function coverageOf(run: GateRun | null): CoverageReport | null {
  const reports = usable(run).flatMap((evidence) => (evidence.kind === 'coverage' ? [evidence.report] : []));
  if (reports.length <= 1) return reports[0] ?? null;
  const files = new Map<string, FileCoverage>();
  for (const report of reports) for (const [file, counts] of report.files) if (!files.has(file)) files.set(file, counts);
  return {
    format: reports[0]!.format,
    sourceName: reports.map((report) => report.sourceName).join(', '),
    files,
    // Stated totals belong to one report each; together they state nothing.
    statedTotals: null,
    unresolvedPaths: reports.flatMap((report) => report.unresolvedPaths),
  };
}

function usable(run: GateRun | null) {
  return (run?.results ?? []).flatMap((result) => result.evidence.flatMap((entry) => (entry.status === 'ok' && entry.evidence !== null ? [entry.evidence] : [])));
}
