import { InputError } from '../core/errors.js';
import type { Repository } from './repository.js';
import { inOrder } from '../core/settle.js';

export interface RangeSpec {
  /** `A..B`, `A...B`, or a single revision (that commit against its first parent). */
  range?: string;
  base?: string;
  head?: string;
}

export interface ResolvedRange {
  /** The base commit, or null for the empty tree (auditing a root commit). */
  base: string | null;
  head: string;
  /** What to diff against: the base commit or the empty tree. */
  baseTreeish: string;
  /** How the range was chosen, for reports (`main...HEAD`, `abc123^1..abc123`). */
  label: string;
  /** The revisions as the user named them (`main`, `HEAD~3`, `(empty tree)`). */
  baseRef: string;
  headRef: string;
}

/** Turn what the user typed into a base and head commit, the way git reads ranges. */
export async function resolveRange(repo: Repository, spec: RangeSpec): Promise<ResolvedRange> {
  if (spec.range && (spec.base || spec.head)) throw new InputError('give either a RANGE or --base/--head, not both');
  if (spec.base || spec.head) {
    if (!spec.base) throw new InputError('--head needs --base');
    return between(repo, spec.base, spec.head ?? 'HEAD', `${spec.base}..${spec.head ?? 'HEAD'}`);
  }
  const range = spec.range;
  if (!range) return sinceDefaultBranch(repo);
  const threeDots = range.indexOf('...');
  if (threeDots >= 0) {
    const a = range.slice(0, threeDots) || 'HEAD';
    const b = range.slice(threeDots + 3) || 'HEAD';
    return symmetric(repo, a, b, range);
  }
  const twoDots = range.indexOf('..');
  if (twoDots >= 0) {
    return between(repo, range.slice(0, twoDots) || 'HEAD', range.slice(twoDots + 2) || 'HEAD', range);
  }
  return singleCommit(repo, range);
}

/** Both revisions resolved at once (one git process each); when both are unknown the error names the first. */
function resolveBoth(repo: Repository, a: string, b: string): Promise<[string, string]> {
  return inOrder<[string, string]>([repo.resolveCommit(a), repo.resolveCommit(b)]);
}

async function between(repo: Repository, a: string, b: string, label: string): Promise<ResolvedRange> {
  const [base, head] = await resolveBoth(repo, a, b);
  return { base, head, baseTreeish: base, label, baseRef: a, headRef: b };
}

async function symmetric(repo: Repository, a: string, b: string, label: string): Promise<ResolvedRange> {
  const [left, head] = await resolveBoth(repo, a, b);
  const base = await repo.mergeBase(left, head);
  if (!base) {
    const hint = repo.isShallow ? ' (this is a shallow clone: run `git fetch --unshallow` or deepen it)' : '';
    throw new InputError(`'${a}' and '${b}' have no merge base${hint}`);
  }
  return { base, head, baseTreeish: base, label, baseRef: `merge-base(${a}, ${b})`, headRef: b };
}

/** A single commit is audited against its first parent (a merge's mainline), a root commit against the empty tree. */
async function singleCommit(repo: Repository, rev: string): Promise<ResolvedRange> {
  const head = await repo.resolveCommit(rev);
  const parents = await repo.parents(head);
  if (parents === null) {
    throw new InputError(`the parent of '${rev}' is not in this shallow clone; run \`git fetch --deepen=1\` or give a range`);
  }
  const base = parents[0] ?? null;
  return {
    base,
    head,
    baseTreeish: base ?? repo.emptyTree,
    label: base ? `${rev}^1..${rev}` : `(empty tree)..${rev}`,
    baseRef: base ? `${rev}^1` : '(empty tree)',
    headRef: rev,
  };
}

async function sinceDefaultBranch(repo: Repository): Promise<ResolvedRange> {
  const branch = await repo.defaultBranch();
  if (!branch) {
    throw new InputError('cannot find the default branch (no origin/HEAD, main or master); give a range such as main..HEAD');
  }
  return symmetric(repo, branch, 'HEAD', `${branch}...HEAD`);
}
