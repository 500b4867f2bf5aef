import { existsSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { cacheable, cacheKey, readCached, writeCached } from './cache.js';
import { checkoutRevision, locateRepo, resolveRevision, STATE_DIR, workingTreeHash, type TemporaryCheckout } from './checkout.js';
import { evaluateGate, snapshotEvidence, type EvidenceParser, type EvidenceSnapshot } from './evaluate.js';
import { runCommand } from './exec.js';
import type { GateDefinition, GateResult, GateRun } from './model.js';

/** Told as gates start and finish, for a live display. */
export interface ProgressSink {
  gateStarted(gate: GateDefinition): void;
  gateFinished(result: GateResult): void;
}

export interface RunGatesOptions {
  /** Any directory of the repository (bare or not). */
  repoDir: string;
  /** A revision, run in a temporary worktree; or `'worktree'`: the working tree as it is, edits included. */
  revision: string;
  /** The gates to run, with every gate they need. */
  gates: readonly GateDefinition[];
  /** Run every gate even when a result for the same tree and definition is cached. */
  noCache?: boolean;
  /** Most gates running at once (default: the number of CPUs). */
  jobs?: number;
  progress?: ProgressSink;
  /** Aborting kills the running gates' process groups; the rest are reported cancelled. */
  signal?: AbortSignal;
  /** The evidence parser; src/evidence/parse.ts by default (loaded only when a gate runs). */
  parseEvidence?: EvidenceParser;
}

/**
 * Run gates on a revision or the working tree: independent gates in parallel, each after the
 * gates it needs, reusing cached results for the same tree. Every gate gets a result: a gate
 * whose need did not pass is `not-run`, one left over after an interruption `cancelled`. A
 * temporary worktree is removed before this returns, whatever happened.
 */
export async function runGates(options: RunGatesOptions): Promise<GateRun> {
  const gates = options.gates;
  const names = new Set(gates.map((gate) => gate.name));
  for (const gate of gates) {
    for (const need of gate.needs) if (!names.has(need)) throw new InputError(`gate '${gate.name}' needs '${need}', which is not among the gates to run`);
  }
  const repo = await locateRepo(options.repoDir);
  const worktree = options.revision === 'worktree';
  let tree: string;
  let commit: string | null = null;
  if (worktree) {
    // Gatehouse's state folder and the gates' own evidence are outputs, not inputs of the tree.
    const outputs = [...new Set(gates.flatMap((gate) => gate.evidence.flatMap((spec) => (spec.path === null ? [] : [spec.path]))))];
    tree = await workingTreeHash(repo, [STATE_DIR, ...outputs]);
  } else {
    ({ commit, tree } = await resolveRevision(repo, options.revision));
  }

  // Made on the first gate that has to run: a fully cached revision needs no checkout.
  const temporary: { checkout: Promise<TemporaryCheckout> | null } = { checkout: null };
  const checkoutRoot = async (): Promise<string> => {
    if (worktree) return repo.root!;
    temporary.checkout ??= checkoutRevision(repo, commit!);
    return (await temporary.checkout).dir;
  };
  let parser: Promise<EvidenceParser> | null = null;
  const loadParser = (): Promise<EvidenceParser> => {
    if (options.parseEvidence) return Promise.resolve(options.parseEvidence);
    parser ??= import('../evidence/parse.js').then((module) => module.parseEvidence);
    return parser;
  };

  const results = new Map<string, GateResult>();
  try {
    await schedule(gates, Math.max(1, options.jobs ?? availableParallelism()), async (gate) => {
      const blocked = gate.needs.find((need) => results.get(need)?.state !== 'passed');
      let result: GateResult;
      if (blocked !== undefined) {
        result = notRun(gate, blocked, results.get(blocked)!);
      } else if (options.signal?.aborted) {
        result = cancelled(gate);
      } else {
        const key = cacheKey(tree, gate);
        const cached = options.noCache ? null : readCached(repo.stateDir, key);
        if (cached) {
          result = { ...cached, cached: true, ...(gate.line !== undefined ? { line: gate.line } : {}) };
        } else {
          options.progress?.gateStarted(gate);
          let root: string | null = null;
          try {
            root = await checkoutRoot();
            result = await runOne(gate, root, !worktree, loadParser, options.signal);
          } catch (error) {
            // Fail closed and keep the other gates' results: a checkout that could not be made or
            // an unexpected error is this gate's failure, never a reason to abandon running gates.
            result = failedToStart(gate, `${root === null ? `could not check out ${options.revision}` : 'could not run'}: ${error instanceof Error ? error.message.split('\n')[0]! : String(error)}`);
          }
          if (root !== null && cacheable(result) && !options.signal?.aborted) writeCached(repo.stateDir, key, result, root);
        }
      }
      results.set(gate.name, result);
      options.progress?.gateFinished(result);
    });
  } finally {
    if (temporary.checkout) await (await temporary.checkout.catch(() => null))?.remove();
  }
  return { tree, commit, results: gates.map((gate) => results.get(gate.name) ?? cancelled(gate)) };
}

async function runOne(gate: GateDefinition, root: string, fresh: boolean, loadParser: () => Promise<EvidenceParser>, signal: AbortSignal | undefined): Promise<GateResult> {
  const cwd = path.join(root, gate.cwd);
  if (!existsSync(cwd)) return failedToStart(gate, `cwd '${gate.cwd}' does not exist in the checkout`);
  let before: EvidenceSnapshot = new Map();
  if (fresh) {
    // A committed copy of an evidence file must not pass for this run's output.
    for (const spec of gate.evidence) if (spec.path !== null) rmSync(path.join(root, spec.path), { force: true, recursive: true });
  } else {
    before = snapshotEvidence(gate, root);
  }
  const parse = gate.evidence.length > 0 ? await loadParser() : () => {
    throw new Error('no evidence declared');
  };
  const outcome = await runCommand({ command: gate.run, cwd, env: gate.env, timeoutMs: gate.timeoutMs, signal });
  return evaluateGate(gate, outcome, root, before, parse);
}

/**
 * Start each gate once all its needs have finished (passed or not), at most `jobs` at a time, in
 * definition order among those ready.
 */
async function schedule(gates: readonly GateDefinition[], jobs: number, run: (gate: GateDefinition) => Promise<void>): Promise<void> {
  const finished = new Set<string>();
  const started = new Set<string>();
  const running = new Set<Promise<void>>();
  for (;;) {
    for (const gate of gates) {
      if (running.size >= jobs) break;
      if (started.has(gate.name) || !gate.needs.every((need) => finished.has(need))) continue;
      started.add(gate.name);
      const task: Promise<void> = run(gate).finally(() => {
        finished.add(gate.name);
        running.delete(task);
      });
      running.add(task);
    }
    if (running.size === 0) break;
    await Promise.race(running);
  }
}

function notRun(gate: GateDefinition, need: string, needResult: GateResult): GateResult {
  const how = needResult.state === 'timed-out' ? 'timed out' : needResult.state === 'passed' ? 'passed' : needResult.state === 'failed' ? 'failed' : needResult.state === 'cancelled' ? 'was cancelled' : 'did not run';
  return skeleton(gate, 'not-run', `not run: needs '${need}', which ${how}`, 'needs');
}

function cancelled(gate: GateDefinition): GateResult {
  return skeleton(gate, 'cancelled', 'not run: cancelled (interrupted)', 'cancelled');
}

function failedToStart(gate: GateDefinition, reason: string): GateResult {
  return skeleton(gate, 'failed', reason, 'error');
}

function skeleton(gate: GateDefinition, state: GateResult['state'], reason: string, failure: NonNullable<GateResult['failure']>): GateResult {
  return {
    name: gate.name,
    kind: gate.kind,
    state,
    reason,
    exitCode: null,
    durationMs: 0,
    evidence: [],
    cached: false,
    outputTail: '',
    failure,
    ...(gate.line !== undefined ? { line: gate.line } : {}),
  };
}

/** The text summary of a run, for callers of runGates (kept in summary.ts with the display code). */
export { renderGateSummary } from './summary.js';
