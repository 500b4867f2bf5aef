import type { Category, FindingDraft, Severity } from '../core/types.js';
import type { DiffEntry, CommitInfo } from '../git/repository.js';
import type { Inspector, ProjectInspector } from '../inspect/inspector.js';
import type { PathGroups } from '../policy/path-groups.js';
import type { CoverageEvidence } from '../evidence/coverage/evidence.js';
import type { TestRunReport } from '../evidence/tests/model.js';
import type { GateRun } from '../gates/model.js';
import type { ClaimCheck } from '../claims/model.js';

/** A small base/head example: files as path → content. The docs show it; a test runs it. */
export interface RuleExample {
  base: Record<string, string>;
  head: Record<string, string>;
  /** Coverage reports of the base and head runs, for rules that read evidence. */
  coverage?: { base: string; head: string };
  /** Gate runs of base and head, for rules that read gate results. */
  gates?: { base: GateRun | null; head: GateRun | null };
  /** The agent's report (`--report`), for rules that read claims. */
  report?: string;
  /** JUnit XML texts of the base and head test runs, for rules that read test results. */
  junit?: { base: string | null; head: string | null };
}

export interface RuleDocs {
  /** One line: what the rule reports. */
  summary: string;
  /** Why it weakens a gate. Shown with every finding. */
  why: string;
  /** How to fix it or acknowledge it. Shown with every finding. */
  fix: string;
  /** Longer reference material for the rule's page (an order, a table), in Markdown. */
  details?: string;
  /** A change the rule reports, and a similar change it must not report. Checked by a test. */
  bad: RuleExample;
  good: RuleExample;
}

/** One changed file, with the facts of both sides already computed by the rule's inspectors. */
export interface ChangedFile {
  status: DiffEntry['status'];
  basePath: string | null;
  headPath: string | null;
  similarity?: number;
  /** Facts at base; null when the side does not exist, the file was skipped, or could not be parsed. */
  base<F>(inspector: Inspector<F>): F | null;
  head<F>(inspector: Inspector<F>): F | null;
  /** Parse failures on the head side, by inspector. */
  headUnparseable: { inspector: string; line: number; message: string }[];
}

export interface RuleContext {
  files: readonly ChangedFile[];
  /** Path groups from the base policy (tests, generated, vendored). */
  paths: PathGroups;
  commits: readonly CommitInfo[];
  /** The agent's report text (`--report`), if any. */
  report: string | null;
  /**
   * Whole-revision facts of a project inspector the rule declared, for base and head; null when
   * the change cannot affect them (the inspector did not run, and there is nothing to compare).
   */
  readonly project: <F>(inspector: ProjectInspector<F>) => { base: F; head: F } | null;
  /** Trusted evidence given to the audit, if any. */
  evidence: {
    /** Coverage reports of the base and head runs, compared over the same files. */
    coverage: CoverageEvidence | null;
    /** JUnit results of the base and head test runs; null when neither side has any. */
    tests: { base: TestRunReport | null; head: TestRunReport | null } | null;
    /** Gate runs of base and head (`audit --check`); null when gates were not run. */
    gates: { base: GateRun | null; head: GateRun | null } | null;
  };
  /**
   * The agent's claims, each checked against the evidence and the other rules' findings. Empty
   * except for rules that declare `readsClaims`, which run after every other rule.
   */
  claims: readonly ClaimCheck[];
}

export interface Rule {
  /** `<area>/<name>`, e.g. `tests/disabled`; stable, used in policy and fingerprints. */
  id: string;
  category: Category;
  severity: Severity;
  docs: RuleDocs;
  /** Inspectors whose facts the rule reads; the engine runs them on the changed files. */
  inspectors: readonly Inspector<unknown>[];
  /** Whole-revision inspectors whose facts the rule reads (coverage scope, effective configs). */
  projectInspectors?: readonly ProjectInspector<unknown>[];
  /**
   * Also judged commit by commit under `audit --history`: what the rule reports stays in history
   * even when a later commit of the range takes it back (a committed credential).
   */
  history?: boolean;
  /** Reads `context.claims`: runs after every other rule, because claims are checked against their findings. */
  readsClaims?: boolean;
  /** Pure: the same facts give the same findings. */
  check(context: RuleContext): FindingDraft[];
}

/** Identity helper so rule modules are checked against the contract at their definition. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
