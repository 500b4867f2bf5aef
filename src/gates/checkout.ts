import { copyFileSync, existsSync, mkdtempSync, realpathSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { git } from './git.js';

/** Where a repository lives: its checkout root (null when bare) and its git directory. */
export interface RepoLocation {
  readonly root: string | null;
  readonly gitDir: string;
  /** Where Gatehouse keeps its files: `<root>/.gatehouse`, or `<git dir>/gatehouse` for a bare repository. */
  readonly stateDir: string;
}

export const STATE_DIR = '.gatehouse';

export async function locateRepo(dir: string): Promise<RepoLocation> {
  if (!existsSync(dir)) throw new InputError(`--repo ${dir}: no such directory`);
  let probe: string;
  try {
    // One process for both answers; --show-toplevel would fail in a bare repository.
    probe = await git(dir, ['rev-parse', '--absolute-git-dir', '--is-bare-repository']);
  } catch {
    throw new InputError(`${dir}: not a git repository`);
  }
  const [gitDir = '', bare] = probe.split('\n');
  if (bare === 'true') return { root: null, gitDir, stateDir: path.join(gitDir, 'gatehouse') };
  const root = await git(dir, ['rev-parse', '--show-toplevel']);
  return { root, gitDir, stateDir: path.join(root, STATE_DIR) };
}

/** Where to run git for repository-wide commands: the checkout root, or the git directory when bare. */
export function repoCwd(repo: RepoLocation): string {
  return repo.root ?? repo.gitDir;
}

/** The commit and tree of a revision. */
export async function resolveRevision(repo: RepoLocation, revision: string): Promise<{ commit: string; tree: string }> {
  if (revision.startsWith('-')) throw new InputError(`--rev ${revision}: not a revision`);
  try {
    const [commit, tree] = (await git(repoCwd(repo), ['rev-parse', `${revision}^{commit}`, `${revision}^{tree}`])).split('\n');
    return { commit: commit!, tree: tree! };
  } catch {
    throw new InputError(`--rev ${revision}: not a commit in this repository`);
  }
}

/**
 * The tree hash of the working tree as it is: tracked files with their uncommitted edits, and
 * untracked files that are not ignored. Built in a temporary copy of the index so the user's
 * real index (their staged changes) is never touched. Paths in `exclude` — Gatehouse's own state
 * and the evidence files gates write — are left out: a gate's output must not change the key
 * its result is cached under.
 */
export async function workingTreeHash(repo: RepoLocation, exclude: readonly string[]): Promise<string> {
  if (repo.root === null) throw new InputError('a bare repository has no working tree: give --rev');
  const folder = mkdtempSync(path.join(tmpdir(), 'gatehouse-index-'));
  try {
    const index = path.join(folder, 'index');
    // Starting from the real index lets git reuse its stat cache instead of hashing every file.
    const real = path.join(repo.gitDir, 'index');
    if (existsSync(real)) {
      copyFileSync(real, index);
      // Keep the index's own mtime: git re-hashes entries changed in the same second as the
      // index was written ("racy git") only when the index looks as old as it is. A copy with a
      // fresh mtime would let a same-size edit made right after a commit hash as unchanged.
      const { atime, mtime } = statSync(real);
      utimesSync(index, atime, mtime);
    }
    const env = { GIT_INDEX_FILE: index };
    // Exclusions are removed afterwards: as `add` pathspecs, git refuses ones that are ignored.
    await git(repo.root, ['add', '-A', '--', '.'], env);
    if (exclude.length > 0) await git(repo.root, ['rm', '-r', '-q', '--cached', '--ignore-unmatch', '--', ...exclude.map((file) => `:(literal)${file}`)], env);
    return await git(repo.root, ['write-tree'], env);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A temporary checkout of one revision, outside the repository; `remove` is safe to call twice. */
export interface TemporaryCheckout {
  readonly dir: string;
  remove(): Promise<void>;
}

/** `git worktree add --detach` under os.tmpdir(); removed with `worktree remove --force` and `prune`. */
export async function checkoutRevision(repo: RepoLocation, commit: string): Promise<TemporaryCheckout> {
  const folder = realpathSync(mkdtempSync(path.join(tmpdir(), 'gatehouse-check-')));
  const dir = path.join(folder, 'checkout');
  let removed = false;
  const remove = async (): Promise<void> => {
    if (removed) return;
    removed = true;
    await git(repoCwd(repo), ['worktree', 'remove', '--force', dir]).catch(() => undefined);
    rmSync(folder, { recursive: true, force: true });
    await git(repoCwd(repo), ['worktree', 'prune']).catch(() => undefined);
  };
  try {
    await git(repoCwd(repo), ['worktree', 'add', '--detach', '--quiet', dir, commit]);
  } catch (error) {
    await remove();
    throw error;
  }
  return { dir, remove };
}
