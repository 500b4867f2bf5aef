/**
 * `audit --history`: every commit of the range on its own, for what history keeps even when a
 * later commit takes it back — a credential added in one commit and removed in the next is
 * still leaked. The range audit judges the end state; this adds the commits in between.
 *
 * One streaming pass of `git log -p` runs the secret detectors over each commit's added lines
 * (a fast filter, holding one file's lines at a time). Only commits where it finds something are
 * then audited exactly as a one-commit change, by the `secrets/added` rule itself, on the whole
 * blobs of both sides: the same placeholders, documented examples, moves and allow comments.
 */
import { performance } from 'node:perf_hooks';
import type { Finding } from '../core/types.js';
import type { SkippedFile } from '../core/result.js';
import { streamPatches, type AddedLines, type PatchCommit } from '../git/patch-stream.js';
import type { Repository } from '../git/repository.js';
import type { ResolvedRange } from '../git/range.js';
import { detectSecrets } from '../inspect/secrets/engine.js';
import { FactStore } from '../model/revision.js';
import type { Policy } from '../policy/policy.js';
import type { Rule, RuleContext } from '../rules/rule.js';
import { inspectChanges } from './changed-files.js';
import { findingsOf } from './findings-of.js';

export interface HistoryStats {
  /** Commits scanned (merges are not: they add nothing their parents did not). */
  commits: number;
  /** Commits the filter found a candidate in, audited in full. */
  audited: number;
  /** Bytes of `git log -p` output read. */
  bytes: number;
  /** Files whose added lines were not scanned, by reason. */
  skipped: Record<SkippedFile['reason'], number>;
  durationMs: number;
}

export interface HistoryOptions {
  repo: Repository;
  range: ResolvedRange;
  policy: Policy;
  sizeLimit: number;
  /** The rules to run on each commit (those of `secrets/added`'s kind). */
  rules: readonly Rule[];
  /** Keys the range audit already reported, per rule id: the end state names them already. */
  reported: ReadonlyMap<string, ReadonlySet<string>>;
  /** Called every few hundred commits with the count so far, for a progress line. */
  onProgress?: (commits: number) => void;
}

/** A line of a PEM or OpenSSH body: a changed line inside a key block makes the commit a candidate. */
const KEY_BODY_LINE = /^[A-Za-z0-9+/]{60,76}={0,2}$/m;

/** The detectors over one file's added lines: does this commit need a full look? */
function isCandidate(file: AddedLines): boolean {
  if (file.skipped || !file.text) return false;
  return detectSecrets(file.text, file.path ?? '').length > 0 || KEY_BODY_LINE.test(file.text);
}

export async function scanHistory(options: HistoryOptions): Promise<{ findings: Finding[]; stats: HistoryStats }> {
  const started = performance.now();
  const candidates: PatchCommit[] = [];
  const skipped: HistoryStats['skipped'] = { binary: 0, 'too-large': 0, 'not-a-file': 0 };
  let commits = 0;
  let candidate = false;
  const { bytes } = await streamPatches(
    options.repo.gitDir,
    options.range.base,
    options.range.head,
    {
      commit: () => {
        candidate = false;
      },
      file: (file) => {
        if (file.skipped) skipped[file.skipped]++;
        else if (!candidate) candidate = isCandidate(file);
      },
      endCommit: (commit) => {
        commits++;
        if (candidate) candidates.push(commit);
        if (commits % 250 === 0) options.onProgress?.(commits);
      },
    },
    { sizeLimit: options.sizeLimit },
  );
  const findings: Finding[] = [];
  const reported = new Map([...options.reported].map(([id, keys]) => [id, new Set(keys)]));
  for (const commit of candidates) findings.push(...(await auditCommit(commit, options, reported)));
  return { findings, stats: { commits, audited: candidates.length, bytes, skipped, durationMs: Math.round(performance.now() - started) } };
}

/** One commit against its first parent, with the history rules; each key is reported once, at its first commit. */
async function auditCommit(commit: PatchCommit, options: HistoryOptions, reported: Map<string, Set<string>>): Promise<Finding[]> {
  const { repo, policy } = options;
  const diff = await repo.diff(commit.parents[0] ?? repo.emptyTree, commit.sha);
  // A store per commit: its blobs are not needed again, and memory stays flat over the range.
  const store = new FactStore(repo, options.sizeLimit);
  const inspectors = [...new Map(options.rules.flatMap((rule) => rule.inspectors).map((inspector) => [inspector.id, inspector])).values()];
  const { files } = await inspectChanges(store, diff, inspectors, policy.paths);
  const context: RuleContext = {
    files,
    paths: policy.paths,
    commits: [{ sha: commit.sha, message: commit.subject }],
    report: null,
    project: () => null,
    evidence: { coverage: null, tests: null, gates: null },
    claims: [],
  };
  const short = commit.sha.slice(0, 12);
  return options.rules.flatMap((rule) => {
    const seen = reported.get(rule.id) ?? new Set<string>();
    reported.set(rule.id, seen);
    const drafts = rule.check(context).filter((draft) => {
      if (seen.has(draft.key)) return false;
      seen.add(draft.key);
      return true;
    });
    const described = drafts.map((draft) => ({
      ...draft,
      message: `In commit ${short} (${commit.subject}): ${draft.message}. The range as a whole does not add it — a later commit took it out — but history keeps it`,
    }));
    return findingsOf(rule, described, policy, { commit: commit.sha });
  });
}
