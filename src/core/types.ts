/**
 * The shared vocabulary of Gatehouse: categories, severities, findings and the rule contract.
 * Everything downstream (policy, verdict, reports) depends only on these types.
 */

/** The fixed list of finding categories. Later rules share it; reports group by it. */
export const CATEGORIES = [
  'coverage-scope',
  'coverage-threshold',
  'coverage-pragma',
  'test-disabled',
  'test-deleted',
  'test-assertions',
  'test-runner',
  'type-suppression',
  'type-strictness',
  'lint-suppression',
  'lint-config',
  'ci-weakened',
  'secret',
  'secret-flow',
  'claims',
  'evidence',
  'protected-config',
  'unresolvable',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Ordered from most to least severe. */
export const SEVERITIES = ['block', 'warn', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Verdict = 'pass' | 'needs-human' | 'block';

/** Which revision a finding's file and line refer to: head for additions, base for removals. */
export type Side = 'base' | 'head';

/** What a rule reports; the engine adds rule metadata, the fingerprint and policy decisions. */
export interface FindingDraft {
  message: string;
  file: string;
  line: number;
  side: Side;
  before?: string;
  after?: string;
  /**
   * What the finding is about, independent of its line number (for example the normalised
   * suppression comment, or the full name of a test). The fingerprint is derived from it so that
   * a finding keeps its identity when unrelated lines move or later commits are added.
   */
  key: string;
  /** A severity other than the rule's default, when the rule's doc says when (e.g. `.only`). */
  severity?: Severity;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  side: Side;
  /**
   * The commit the file and line refer to, for findings of `audit --history` about one commit of
   * the range (a secret added and later removed); absent for findings about the range as a whole.
   */
  commit?: string;
  before?: string;
  after?: string;
  /** Why this weakens a gate, from the rule's documentation. */
  why: string;
  /** How to fix or acknowledge it, from the rule's documentation. */
  fix: string;
  fingerprint: string;
  /** Set when the base policy ignores this finding; ignored findings do not count for the verdict. */
  ignored?: { reason: string };
  /** Set when the file belongs to a path group that caps severity (generated or vendored code). */
  pathGroup?: string;
}
