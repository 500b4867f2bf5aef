import type { Finding, Verdict } from './types.js';
import type { ClaimCheck } from '../claims/model.js';
import type { GateRun } from '../gates/model.js';

/** Version of the JSON report schema (`schema/report.schema.json`). Bump on any breaking change. */
export const REPORT_VERSION = 1;

export interface RevisionInfo {
  /** Full commit id, or null for the empty tree (a root commit's base). */
  commit: string | null;
  /** What the user asked for (`main`, `HEAD~3`), or `(empty tree)`. */
  ref: string;
}

export interface SkippedFile {
  path: string;
  side: 'base' | 'head';
  reason: 'binary' | 'too-large' | 'not-a-file';
  size?: number;
}

export interface AuditStats {
  filesChanged: number;
  filesInspected: number;
  commits: number;
  rulesRun: number;
  findings: { block: number; warn: number; info: number; ignored: number };
  /** Files not inspected, and why: binary, above the size limit, submodules and symlinks. */
  skipped: SkippedFile[];
  /** `audit --history`: the per-commit pass over the range. */
  history?: {
    commits: number;
    audited: number;
    bytes: number;
    skipped: Record<SkippedFile['reason'], number>;
    durationMs: number;
  };
  durationMs: number;
}

export interface AuditResult {
  version: typeof REPORT_VERSION;
  tool: { name: 'gatehouse'; version: string };
  verdict: Verdict;
  range: string;
  base: RevisionInfo;
  head: RevisionInfo;
  /** Where the policy came from: `gatehouse.yml@<base commit>`, or `defaults`. */
  policy: string;
  findings: Finding[];
  /** The agent's claims (report, PR description, commit messages), each checked against evidence. */
  claims: ClaimCheck[];
  /** Gate runs of base and head (`audit --check`, or given to the audit); absent when gates were not run. */
  gates?: { base: GateRun | null; head: GateRun | null };
  stats: AuditStats;
}
