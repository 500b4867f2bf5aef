import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { redactText } from '../core/redact.js';
import { formatDuration } from './duration.js';
import { browserFailure } from './browser.js';
import type { CommandOutcome } from './exec.js';
import type { Evidence, EvidenceFormat, EvidenceResult, EvidenceSpec, GateDefinition, GateFailure, GateResult, GateState } from './model.js';

/** `parseEvidence` of src/evidence/parse.ts: throws (an InputError) for malformed input. */
export type EvidenceParser = (
  format: EvidenceFormat,
  text: string,
  sourceName: string,
  options?: { repoRoot?: string; knownPaths?: ReadonlySet<string> },
) => Evidence;

/** What an evidence file looked like before the command ran, to tell a fresh file from a stale one. */
export type EvidenceSnapshot = ReadonlyMap<string, { mtimeMs: number; size: number }>;

/** Larger evidence is refused rather than read into memory: no test report is that big. */
const MAX_EVIDENCE_BYTES = 256 * 1024 * 1024;

/** Lines of output kept in a result for reports. */
export const OUTPUT_TAIL_LINES = 40;

/** Snapshot the declared evidence files of a gate before it runs. */
export function snapshotEvidence(gate: GateDefinition, root: string): EvidenceSnapshot {
  const snapshot = new Map<string, { mtimeMs: number; size: number }>();
  for (const spec of gate.evidence) {
    if (spec.path === null) continue;
    try {
      const stat = statSync(path.join(root, spec.path));
      snapshot.set(spec.path, { mtimeMs: stat.mtimeMs, size: stat.size });
    } catch {
      // Absent before the run: whatever is there afterwards was written by it.
    }
  }
  return snapshot;
}

/**
 * The verdict on one gate run, failing closed: a gate passes only when its command exited 0 in
 * time, it did not report a browser that would not start, every declared evidence file was
 * written by this run and parses, its test reports contain tests (and no failures the exit code
 * hid), and no more tests were skipped than `max-skipped` allows.
 */
export function evaluateGate(
  gate: GateDefinition,
  outcome: CommandOutcome,
  root: string,
  before: EvidenceSnapshot,
  parse: EvidenceParser,
): GateResult {
  const evidence = outcome.timedOut || outcome.cancelled || outcome.spawnError !== null ? [] : gate.evidence.map((spec) => readEvidence(spec, root, outcome, before, parse));
  const verdict = decide(gate, outcome, evidence);
  return {
    name: gate.name,
    kind: gate.kind,
    state: verdict.state,
    reason: verdict.reason,
    exitCode: outcome.exitCode,
    durationMs: outcome.durationMs,
    evidence,
    cached: false,
    outputTail: outputTail(outcome.output),
    failure: verdict.failure,
    ...(gate.line !== undefined ? { line: gate.line } : {}),
  };
}

interface Verdict {
  state: GateState;
  reason: string | null;
  failure: GateFailure | null;
}

function decide(gate: GateDefinition, outcome: CommandOutcome, evidence: readonly EvidenceResult[]): Verdict {
  const failed = (failure: GateFailure, reason: string): Verdict => ({ state: 'failed', reason, failure });
  if (outcome.spawnError !== null) return failed('error', `could not start: ${outcome.spawnError}`);
  if (outcome.cancelled) return { state: 'cancelled', reason: 'cancelled before it finished (interrupted)', failure: 'cancelled' };
  if (outcome.timedOut) return { state: 'timed-out', reason: `timed out after ${formatDuration(gate.timeoutMs)}`, failure: 'timeout' };
  const browser = browserFailure(outcome.output);
  if (browser !== null) return failed('browser', `could not start its browser: ${redactText(browser)}`);
  if (outcome.exitCode !== 0) return failed('exit', outcome.exitCode === null ? `killed by ${outcome.signal ?? 'a signal'}` : `exited ${outcome.exitCode}`);
  const bad = evidence.filter((result) => result.status !== 'ok');
  if (bad.length > 0) return failed('evidence', `${bad[0]!.problem ?? 'evidence missing'}${bad.length > 1 ? ` (and ${bad.length - 1} more evidence problem${bad.length > 2 ? 's' : ''})` : ''}`);
  for (const result of evidence) {
    const problem = reportedFailure(gate, result);
    if (problem !== null) return failed('report', problem);
  }
  return { state: 'passed', reason: null, failure: null };
}

/** A failure the evidence itself shows, though the command exited 0. */
function reportedFailure(gate: GateDefinition, result: EvidenceResult): string | null {
  const found = result.evidence;
  const file = result.spec.path ?? 'its output';
  if (found === null) return null;
  if (found.kind === 'tests') {
    const totals = found.report.totals;
    if (totals.tests === 0) return `reported zero tests (${file})`;
    const failing = totals.failed + totals.errors;
    if (failing > 0) return `${file} reports ${plural(failing, 'failing test')}, though the command exited 0`;
    if (gate.maxSkipped !== null && totals.skipped > gate.maxSkipped) return `${file} reports ${plural(totals.skipped, 'skipped test')}, more than max-skipped ${gate.maxSkipped}`;
  }
  if (found.kind === 'lint' && found.report.errorCount > 0) return `${file} reports ${plural(found.report.errorCount, 'lint error')}, though the command exited 0`;
  if (found.kind === 'typecheck' && found.report.errorCount > 0) return `${file} reports ${plural(found.report.errorCount, 'type error')}, though the command exited 0`;
  return null;
}

function readEvidence(spec: EvidenceSpec, root: string, outcome: CommandOutcome, before: EvidenceSnapshot, parse: EvidenceParser): EvidenceResult {
  const result = (status: EvidenceResult['status'], problem: string | null, evidence: Evidence | null = null): EvidenceResult => ({ spec, status, problem, evidence });
  let text: string;
  let sourceName: string;
  if (spec.path === null) {
    // `tsc: null`: the command's own output is the evidence; tsc prints nothing when all is well.
    text = outcome.stdout;
    sourceName = 'output';
  } else {
    sourceName = spec.path;
    const file = path.join(root, spec.path);
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return result('missing', `${spec.path}: missing (the command did not write it)`);
    }
    if (!stat.isFile()) return result('missing', `${spec.path}: not a file`);
    if (!isInside(root, file)) return result('missing', `${spec.path}: a link pointing outside the checkout`);
    const previous = before.get(spec.path);
    if (previous !== undefined && previous.mtimeMs === stat.mtimeMs && previous.size === stat.size) {
      return result('missing', `${spec.path}: not written by this run (the file is older than the run)`);
    }
    if (stat.size > MAX_EVIDENCE_BYTES) return result('unparseable', `${spec.path}: too large to read (${stat.size} bytes; the limit is ${MAX_EVIDENCE_BYTES})`);
    text = readFileSync(file, 'utf8');
    if (text.trim() === '') return result('empty', `${spec.path}: empty`);
  }
  try {
    return result('ok', null, parse(spec.format, text, sourceName, { repoRoot: root }));
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    const named = message.startsWith(sourceName) ? message : `${sourceName}: ${message}`;
    return result('unparseable', `unparseable ${spec.format} evidence: ${redactText(named)}`);
  }
}

function isInside(root: string, file: string): boolean {
  const real = realpathSync(file);
  const base = realpathSync(root);
  return real === base || real.startsWith(base + path.sep);
}

/** The last lines of the output, redacted: reports show them, and they may quote a credential. */
export function outputTail(output: string): string {
  const lines = output.replace(/\s+$/, '').split('\n');
  return redactText(lines.slice(-OUTPUT_TAIL_LINES).join('\n'));
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
