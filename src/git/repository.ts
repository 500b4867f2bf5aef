import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { CatFile, type BlobRead } from './cat-file.js';
import { runGit } from './process.js';

/** One changed path between two trees, from `git diff-tree --raw -z -M`. */
export interface DiffEntry {
  status: 'added' | 'deleted' | 'modified' | 'renamed' | 'copied' | 'type-changed';
  basePath: string | null;
  headPath: string | null;
  baseOid: string | null;
  headOid: string | null;
  baseMode: string | null;
  headMode: string | null;
  /** Rename or copy similarity in percent. */
  similarity?: number;
}

export interface TreeEntry {
  path: string;
  mode: string;
  oid: string;
  type: 'blob' | 'commit' | 'tree';
}

export interface CommitInfo {
  sha: string;
  message: string;
}

/** Git file modes that hold readable file content (regular and executable files). */
export function isRegularFile(mode: string | null): boolean {
  return mode === '100644' || mode === '100755';
}

const STATUS: Record<string, DiffEntry['status']> = {
  A: 'added',
  D: 'deleted',
  M: 'modified',
  R: 'renamed',
  C: 'copied',
  T: 'type-changed',
};

/**
 * Read-only access to a git repository (bare or not) through plumbing commands only.
 * Nothing here checks out, writes objects or takes locks.
 */
export class Repository {
  private catFile: CatFile | null = null;
  private constructor(
    readonly gitDir: string,
    readonly isShallow: boolean,
    readonly emptyTree: string,
  ) {}

  static async open(dir: string): Promise<Repository> {
    if (!existsSync(dir)) throw new InputError(`${dir}: no such directory`);
    const probe = await runGit(undefined, ['rev-parse', '--absolute-git-dir', '--is-shallow-repository', '--show-object-format'], dir);
    if (probe.code !== 0) throw new InputError(`${dir}: not a git repository`);
    const [gitDir = '', shallow, format] = probe.stdout.toString('utf8').trim().split('\n');
    return new Repository(gitDir, shallow === 'true', EMPTY_TREE[format ?? 'sha1'] ?? (await hashEmptyTree(gitDir)));
  }

  /** Resolve a revision to a full commit id, with an explanation when it cannot be found. */
  async resolveCommit(rev: string): Promise<string> {
    if (rev.startsWith('-')) throw new InputError(`unknown revision '${rev}'`);
    const result = await runGit(this.gitDir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
    if (result.code === 0) return result.stdout.toString('utf8').trim();
    const hint = this.isShallow
      ? ' (this is a shallow clone: the commit may lie outside its history; run `git fetch --unshallow`)'
      : '';
    throw new InputError(`unknown revision '${rev}'${hint}`);
  }

  /** The best common ancestor, or null when the histories share none. */
  async mergeBase(a: string, b: string): Promise<string | null> {
    const result = await runGit(this.gitDir, ['merge-base', a, b]);
    return result.code === 0 ? result.stdout.toString('utf8').trim() : null;
  }

  /** The commit's parents, or null when its history was cut off by a shallow clone. */
  async parents(commit: string): Promise<string[] | null> {
    if (this.shallowCommits().has(commit)) return null;
    const result = await runGit(this.gitDir, ['rev-list', '--parents', '-n', '1', commit]);
    if (result.code !== 0) throw new InputError(`cannot read commit ${commit}: ${result.stderr}`);
    return result.stdout.toString('utf8').trim().split(' ').slice(1);
  }

  /** Commits cut off from their parents by a shallow clone. */
  private shallowCommits(): Set<string> {
    if (!this.isShallow) return new Set();
    const file = path.join(this.gitDir, 'shallow');
    if (!existsSync(file)) return new Set();
    return new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean));
  }

  /** The name of the default branch: origin's HEAD if known, else main, master or trunk. */
  async defaultBranch(): Promise<string | null> {
    const remoteHead = await runGit(this.gitDir, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
    if (remoteHead.code === 0) return remoteHead.stdout.toString('utf8').trim();
    for (const name of ['main', 'master', 'trunk', 'origin/main', 'origin/master']) {
      const probe = await runGit(this.gitDir, ['rev-parse', '--verify', '--quiet', `${name}^{commit}`]);
      if (probe.code === 0) return name;
    }
    return null;
  }

  /** Every file in a tree, recursively; submodules appear with type 'commit'. */
  async listTree(treeish: string): Promise<TreeEntry[]> {
    const result = await runGit(this.gitDir, ['ls-tree', '-r', '-z', '--full-tree', treeish]);
    if (result.code !== 0) throw new InputError(`cannot list tree ${treeish}: ${result.stderr}`);
    const entries: TreeEntry[] = [];
    for (const record of splitNul(result.stdout)) {
      const tab = record.indexOf('\t');
      const [mode = '', type = '', oid = ''] = record.slice(0, tab).split(' ');
      entries.push({ mode, type: type as TreeEntry['type'], oid, path: record.slice(tab + 1) });
    }
    return entries;
  }

  /** Changed paths between two trees (or commits), with rename and copy detection. */
  async diff(base: string, head: string): Promise<DiffEntry[]> {
    const result = await runGit(this.gitDir, ['diff-tree', '-r', '-z', '--raw', '-M', '--no-commit-id', '--no-abbrev', base, head]);
    if (result.code !== 0) throw new InputError(`cannot diff ${base} ${head}: ${result.stderr}`);
    return parseRawDiff(result.stdout);
  }

  /** Commit messages of the commits reachable from head but not from base (base null: all of them). */
  async commitMessages(base: string | null, head: string, limit = 10_000): Promise<CommitInfo[]> {
    const range = base ? [`${base}..${head}`] : [head];
    const result = await runGit(this.gitDir, ['log', '-z', `--max-count=${limit}`, '--format=%H%n%B', ...range, '--']);
    if (result.code !== 0) throw new InputError(`cannot read commit messages: ${result.stderr}`);
    return splitNul(result.stdout).map((record) => {
      const newline = record.indexOf('\n');
      return { sha: record.slice(0, newline), message: record.slice(newline + 1).trim() };
    });
  }

  /** Read a blob through the shared cat-file process. */
  readBlob(oid: string, limit?: number): Promise<BlobRead> {
    this.catFile ??= new CatFile(this.gitDir);
    return this.catFile.read(oid, limit);
  }

  close(): void {
    this.catFile?.close();
    this.catFile = null;
  }
}

/** The empty tree's id in each object format git knows (it is a constant of the format). */
const EMPTY_TREE: Record<string, string> = {
  sha1: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
  sha256: '6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321',
};

/** For an object format not in the table: hash an empty tree without writing it. */
async function hashEmptyTree(gitDir: string): Promise<string> {
  const empty = await runGit(gitDir, ['hash-object', '-t', 'tree', '--stdin']);
  return empty.stdout.toString('utf8').trim();
}

function splitNul(buffer: Buffer): string[] {
  const text = buffer.toString('utf8');
  const parts = text.split('\0');
  if (parts.at(-1) === '') parts.pop();
  return parts;
}

/**
 * Parse `diff-tree --raw -z` output: `:mode mode oid oid status\0path\0[path\0]`.
 * Paths are NUL-terminated, so spaces, newlines and unicode pass through untouched.
 */
export function parseRawDiff(buffer: Buffer): DiffEntry[] {
  const fields = splitNul(buffer);
  const entries: DiffEntry[] = [];
  for (let i = 0; i < fields.length; ) {
    const meta = fields[i++] ?? '';
    const [baseMode = '', headMode = '', baseOid = '', headOid = '', code = ''] = meta.slice(1).split(' ');
    const letter = code[0] ?? '';
    const status = STATUS[letter];
    if (!status) throw new Error(`unexpected diff status '${code}'`);
    const first = fields[i++] ?? '';
    const second = letter === 'R' || letter === 'C' ? (fields[i++] ?? '') : null;
    const nullOid = /^0+$/;
    entries.push({
      status,
      basePath: status === 'added' ? null : first,
      headPath: status === 'deleted' ? null : (second ?? first),
      baseOid: nullOid.test(baseOid) ? null : baseOid,
      headOid: nullOid.test(headOid) ? null : headOid,
      baseMode: baseMode === '000000' ? null : baseMode,
      headMode: headMode === '000000' ? null : headMode,
      ...(second !== null ? { similarity: Number(code.slice(1)) } : {}),
    });
  }
  return entries;
}
