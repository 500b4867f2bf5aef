import { formatDuration } from './duration.js';
import type { GateResult, GateRun, GateState } from './model.js';

/** Output lines of a failed gate shown under the summary (the result keeps more). */
const SHOWN_OUTPUT_LINES = 12;

const LABEL: Record<GateState, string> = {
  passed: 'passed',
  failed: 'failed',
  'timed-out': 'timed out',
  'not-run': 'not run',
  cancelled: 'cancelled',
};

export interface SummaryOptions {
  color?: boolean;
  /** Show the last lines of output of gates that did not pass (default true). */
  output?: boolean;
}

/** How one result reads in a line: `passed in 12.3s`, `passed (cached)`, `failed in 2s: exited 1`. */
export function describeResult(result: GateResult): string {
  const reason = result.reason !== null ? `: ${result.reason}` : '';
  if (result.cached) return `${LABEL[result.state]} (cached)${reason}`;
  // Gates that never started (a need failed, or interrupted first) have nothing but their reason.
  if (result.state !== 'passed' && result.durationMs === 0 && result.exitCode === null) return result.reason ?? LABEL[result.state];
  return `${LABEL[result.state]} in ${formatDuration(result.durationMs)}${reason}`;
}

/** The summary table of a gate run, as text. */
export function renderGateSummary(run: GateRun, options: SummaryOptions = {}): string {
  const paint = painter(options.color ?? false);
  const where = run.commit === null ? 'the working tree' : run.commit.slice(0, 12);
  const lines = [`Gates on ${where} (tree ${run.tree.slice(0, 12)})`, ''];
  const width = Math.max(4, ...run.results.map((result) => result.name.length));
  const stateWidth = Math.max(...Object.values(LABEL).map((label) => label.length));
  for (const result of run.results) {
    const mark = result.state === 'passed' ? paint.green('✓') : paint.red('✗');
    const state = result.state === 'passed' ? paint.green(LABEL.passed.padEnd(stateWidth)) : paint.red(LABEL[result.state].padEnd(stateWidth));
    const time = result.cached ? 'cached' : result.durationMs > 0 ? formatDuration(result.durationMs) : '-';
    lines.push(`  ${mark} ${result.name.padEnd(width)}  ${state}  ${time.padEnd(8)}${result.reason !== null ? `  ${result.reason}` : ''}`.trimEnd());
    for (const evidence of result.evidence) {
      if (evidence.status !== 'ok' && evidence.problem !== null && evidence.problem !== result.reason) lines.push(`      ${paint.dim(evidence.problem)}`);
    }
    if ((options.output ?? true) && result.state !== 'passed' && result.outputTail !== '') {
      for (const line of result.outputTail.split('\n').slice(-SHOWN_OUTPUT_LINES)) lines.push(`      ${paint.dim(`│ ${line}`)}`);
    }
  }
  const count = (state: GateState): number => run.results.filter((result) => result.state === state).length;
  const parts = (['passed', 'failed', 'timed-out', 'not-run', 'cancelled'] as const).filter((state) => count(state) > 0).map((state) => `${count(state)} ${LABEL[state]}`);
  const cached = run.results.filter((result) => result.cached).length;
  lines.push('', `${run.results.length} gate${run.results.length === 1 ? '' : 's'}: ${parts.join(', ') || 'none'}${cached > 0 ? ` (${cached} from cache)` : ''}`);
  return `${lines.join('\n')}\n`;
}

export function painter(color: boolean) {
  const wrap = (code: string) => (text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  return { green: wrap('32'), red: wrap('31'), yellow: wrap('33'), dim: wrap('2'), bold: wrap('1') };
}

/** What one evidence file told, in counts: the JSON reports carry this, never the parsed files. */
export type EvidenceSummary =
  | { kind: 'tests'; tests: number; passed: number; failed: number; errors: number; skipped: number }
  | { kind: 'coverage'; files: number; lines: { covered: number; total: number } }
  | { kind: 'lint'; errors: number; warnings: number }
  | { kind: 'typecheck'; errors: number };

export interface GateRunJson {
  tree: string;
  commit: string | null;
  results: {
    name: string;
    kind: GateResult['kind'];
    state: GateState;
    reason: string | null;
    exitCode: number | null;
    durationMs: number;
    cached: boolean;
    evidence: { format: string; path: string | null; status: string; problem: string | null; summary: EvidenceSummary | null }[];
  }[];
}

function evidenceSummary(entry: GateResult['evidence'][number]): EvidenceSummary | null {
  const evidence = entry.evidence;
  if (evidence === null) return null;
  switch (evidence.kind) {
    case 'tests':
      return { kind: 'tests', ...evidence.report.totals };
    case 'coverage': {
      let covered = 0;
      let total = 0;
      for (const file of evidence.report.files.values()) {
        covered += file.lines?.covered ?? 0;
        total += file.lines?.total ?? 0;
      }
      return { kind: 'coverage', files: evidence.report.files.size, lines: { covered, total } };
    }
    case 'lint':
      return { kind: 'lint', errors: evidence.report.errorCount, warnings: evidence.report.warningCount };
    case 'typecheck':
      return { kind: 'typecheck', errors: evidence.report.errorCount };
  }
}

/** A gate run as `gatehouse check --format json` and the audit's JSON report give it: stable keys, counts instead of parsed files. */
export function gateRunJson(run: GateRun): GateRunJson {
  return {
    tree: run.tree,
    commit: run.commit,
    results: run.results.map((result) => ({
      name: result.name,
      kind: result.kind,
      state: result.state,
      reason: result.reason,
      exitCode: result.exitCode,
      durationMs: result.durationMs,
      cached: result.cached,
      evidence: result.evidence.map((entry) => ({
        format: entry.spec.format,
        path: entry.spec.path,
        status: entry.status,
        problem: entry.problem,
        summary: evidenceSummary(entry),
      })),
    })),
  };
}
