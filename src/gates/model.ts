/**
 * Gates: the project's own checks (lint, type check, tests, coverage, build), declared in
 * `gatehouse.yml`, run by `gatehouse check`, and the evidence they leave behind.
 */
import type { CoverageReport } from '../evidence/coverage/model.js';
import type { LintReport } from '../evidence/lint/model.js';
import type { TestRunReport } from '../evidence/tests/model.js';
import type { TypecheckReport } from '../evidence/typecheck/model.js';

export const GATE_KINDS = ['lint', 'typecheck', 'test', 'e2e', 'coverage', 'build', 'custom'] as const;
export type GateKind = (typeof GATE_KINDS)[number];

/** Evidence formats a gate may declare; `coverage` is detected from content (lcov, istanbul, cobertura, coverage.py). */
export const EVIDENCE_FORMATS = ['junit', 'coverage', 'eslint', 'sarif', 'tsc'] as const;
export type EvidenceFormat = (typeof EVIDENCE_FORMATS)[number];

/** Parsed evidence, by what it tells. */
export type Evidence =
  | { readonly kind: 'tests'; readonly report: TestRunReport }
  | { readonly kind: 'coverage'; readonly report: CoverageReport }
  | { readonly kind: 'lint'; readonly report: LintReport }
  | { readonly kind: 'typecheck'; readonly report: TypecheckReport };

export interface EvidenceSpec {
  readonly format: EvidenceFormat;
  /** Relative to the checkout root. For `tsc`, the gate's own output is the evidence when no path is given. */
  readonly path: string | null;
}

export interface GateDefinition {
  readonly name: string;
  readonly kind: GateKind;
  /** Shell command, run with `sh -c` in the checkout root (or `cwd`). */
  readonly run: string;
  readonly evidence: readonly EvidenceSpec[];
  readonly timeoutMs: number;
  readonly env: Readonly<Record<string, string>>;
  /** Gates that must pass first; a gate whose need failed is `not-run`. */
  readonly needs: readonly string[];
  /** Most skipped tests the gate's JUnit evidence may report; null = no limit. */
  readonly maxSkipped: number | null;
  /** Relative directory to run in, '' = checkout root. */
  readonly cwd: string;
  /** Line of the gate's name in `gatehouse.yml`, for findings (additive: absent for gates built in code). */
  readonly line?: number;
}

export type GateState = 'passed' | 'failed' | 'timed-out' | 'not-run' | 'cancelled';

/**
 * What made a gate fail, so each problem becomes one finding: `evidence` failures (the command
 * passed but its evidence is missing, empty, stale or unparseable) belong to gates/missing-evidence,
 * every other one (`report`: the evidence itself shows a failure — zero tests, failed tests, too
 * many skipped, lint or type errors) to gates/failed.
 */
export type GateFailure = 'exit' | 'timeout' | 'browser' | 'evidence' | 'report' | 'needs' | 'cancelled' | 'error';

export interface EvidenceResult {
  readonly spec: EvidenceSpec;
  readonly status: 'ok' | 'missing' | 'empty' | 'unparseable';
  /** Why it is not ok, one line naming the file (and line when the parser knows it). */
  readonly problem: string | null;
  /** The parsed evidence when `status` is ok. */
  readonly evidence: Evidence | null;
}

export interface GateResult {
  readonly name: string;
  readonly kind: GateKind;
  readonly state: GateState;
  /** For every state but passed: one sentence a person understands ("exited 1", "reported zero tests", …). */
  readonly reason: string | null;
  readonly exitCode: number | null;
  readonly durationMs: number;
  readonly evidence: readonly EvidenceResult[];
  /** True when the result was reused from the cache (same tree, same definition). */
  readonly cached: boolean;
  /** Last lines of the command's output, redacted, for reports. */
  readonly outputTail: string;
  /** Why the gate did not pass, by kind; null when it passed (additive: may be absent in older runs). */
  readonly failure?: GateFailure | null;
  /** Line of the gate in `gatehouse.yml` (additive; from GateDefinition.line). */
  readonly line?: number;
}

/** All gates of one revision (or the working tree). */
export interface GateRun {
  /** The tree hash the gates ran on. */
  readonly tree: string;
  /** The commit, or null for the working tree. */
  readonly commit: string | null;
  readonly results: readonly GateResult[];
}
