/**
 * Claims: what the agent says it did and verified, parsed deterministically from its report, the
 * PR description and the commit messages, and checked against evidence — never against its words.
 */
import type { CoverageEvidence } from '../evidence/coverage/evidence.js';
import type { CoverageMetric } from '../evidence/coverage/model.js';
import type { TestRunReport } from '../evidence/tests/model.js';
import type { Finding } from '../core/types.js';
import type { DiffEntry } from '../git/repository.js';
import type { GateRun } from '../gates/model.js';

export interface ClaimSource {
  readonly origin: 'report' | 'pr' | 'commit';
  /** The report's file name (`-` for standard input), `PR description`, or the commit's short sha. */
  readonly name: string;
  /** 1-based line within that text. */
  readonly line: number;
}

interface ClaimCommon {
  /** The sentence or list item as written, Markdown decoration removed, whitespace collapsed. */
  readonly text: string;
  readonly source: ClaimSource;
}

export type Claim = ClaimCommon &
  (
    | {
        readonly kind: 'coverage';
        /** Metrics named; empty when the claim names none ("100% coverage"). */
        readonly metrics: readonly CoverageMetric[];
        readonly percent: number;
        /** "is 100%" → exactly; "at least / over / ≥ 90%" → at-least; "increased coverage to 85%" → exactly. */
        readonly relation: 'exactly' | 'at-least';
      }
    | { readonly kind: 'tests-pass'; /** "All 142 tests pass" → 142. */ readonly count: number | null }
    | { readonly kind: 'tests-added'; /** "added tests for the parser" → "the parser". */ readonly subject: string | null }
    | { readonly kind: 'tests-updated' }
    | { readonly kind: 'lint-clean' }
    | { readonly kind: 'types-clean' }
    | { readonly kind: 'build-passes' }
    | { readonly kind: 'no-behaviour-change' }
    | { readonly kind: 'only-touched'; /** Paths or globs as written ("only touched src/auth/"). */ readonly paths: readonly string[] }
    | { readonly kind: 'fixes-issue'; readonly issue: number }
  );

export type ClaimKind = Claim['kind'];

export type ClaimStatus = 'supported' | 'contradicted' | 'unverifiable';

export interface ClaimCheck {
  readonly claim: Claim;
  readonly status: ClaimStatus;
  /** The evidence, quoted: "junit reports/junit.xml: 140 passed, 1 failed, 3 skipped". Empty when there is none. */
  readonly evidence: readonly string[];
  /** Contradicted: the gap, one sentence. Unverifiable: what evidence would decide it. Supported: null. */
  readonly gap: string | null;
}

/** Everything a claim may be checked against. */
export interface ClaimEvidence {
  /** Coverage of the base and head runs, compared over the same files. */
  readonly coverage: CoverageEvidence | null;
  /** Head coverage alone, when there is no base report to compare with. */
  readonly headCoverage: CoverageEvidence['head'] | null;
  readonly tests: { readonly base: TestRunReport | null; readonly head: TestRunReport | null };
  /** Gate runs of base and head (`audit --check`), each null when not run. */
  readonly gates: { readonly base: GateRun | null; readonly head: GateRun | null };
  /** Findings of every other rule in this audit. */
  readonly findings: readonly Finding[];
  readonly diff: readonly DiffEntry[];
}
