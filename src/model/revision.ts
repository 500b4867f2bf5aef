import { UnparseableError } from '../core/errors.js';
import type { Inspector, RevisionFiles } from '../inspect/inspector.js';
import { isRegularFile, type Repository, type TreeEntry } from '../git/repository.js';

/** Files above this many bytes are skipped (and counted) rather than parsed. */
export const DEFAULT_SIZE_LIMIT = 1024 * 1024;

export type FileContent =
  | { kind: 'text'; text: string }
  | { kind: 'binary'; size: number }
  | { kind: 'too-large'; size: number }
  | { kind: 'missing' };

export type FactResult<F> =
  | { kind: 'facts'; facts: F }
  | { kind: 'unparseable'; line: number; message: string }
  | { kind: 'skipped'; reason: 'binary' | 'too-large' | 'missing' | 'not-a-file'; size?: number };

/**
 * Blob contents and inspector facts, memoized by blob id so that a file unchanged between
 * revisions (or commits of a range) is read and parsed once. Shared by base and head.
 */
export class FactStore {
  private readonly contents = new Map<string, Promise<FileContent>>();
  private readonly facts = new Map<string, Promise<FactResult<unknown>>>();

  constructor(
    readonly repo: Repository,
    readonly sizeLimit = DEFAULT_SIZE_LIMIT,
  ) {}

  /** Content of an object named `<treeish>:<path>` (no tree listing needed); memoized by name. */
  contentByName(name: string): Promise<FileContent> {
    return this.content(name);
  }

  content(oid: string): Promise<FileContent> {
    let pending = this.contents.get(oid);
    if (!pending) {
      pending = this.repo.readBlob(oid, this.sizeLimit).then(toContent);
      this.contents.set(oid, pending);
    }
    return pending;
  }

  /** Facts of one file; `mode` rules out submodules and symlinks, which have no content to parse. */
  factsOf<F>(inspector: Inspector<F>, file: { path: string; oid: string; mode: string | null }): Promise<FactResult<F>> {
    if (!isRegularFile(file.mode)) return Promise.resolve({ kind: 'skipped', reason: 'not-a-file' });
    const key = `${inspector.id}\0${file.oid}\0${inspector.cacheKey?.(file.path) ?? ''}`;
    let pending = this.facts.get(key) as Promise<FactResult<F>> | undefined;
    if (!pending) {
      pending = this.content(file.oid).then((content) => inspectContent(inspector, file.path, content));
      this.facts.set(key, pending);
    }
    return pending;
  }
}

function toContent(read: Awaited<ReturnType<Repository['readBlob']>>): FileContent {
  if (read.kind !== 'blob') return read;
  // git's own heuristic: a NUL byte in the first 8000 bytes means binary.
  if (read.content.subarray(0, 8000).includes(0)) return { kind: 'binary', size: read.size };
  return { kind: 'text', text: read.content.toString('utf8') };
}

function inspectContent<F>(inspector: Inspector<F>, path: string, content: FileContent): FactResult<F> {
  if (content.kind !== 'text') {
    return content.kind === 'missing' ? { kind: 'skipped', reason: 'missing' } : { kind: 'skipped', reason: content.kind, size: content.size };
  }
  try {
    return { kind: 'facts', facts: inspector.inspect(path, content.text) };
  } catch (error) {
    if (error instanceof UnparseableError) return { kind: 'unparseable', line: error.line, message: error.message };
    throw error;
  }
}

/** One side of a change: a commit (or the empty tree), read lazily. */
export class Revision {
  private tree: Promise<Map<string, TreeEntry>> | null = null;
  private asFilesView: Promise<RevisionFiles> | null = null;

  constructor(
    readonly store: FactStore,
    /** Null for the empty tree. */
    readonly commit: string | null,
    readonly treeish: string,
  ) {}

  /** Every file of the revision by path; listed once, on first use. */
  files(): Promise<Map<string, TreeEntry>> {
    this.tree ??= this.store.repo.listTree(this.treeish).then((entries) => new Map(entries.map((entry) => [entry.path, entry])));
    return this.tree;
  }

  async read(path: string): Promise<FileContent> {
    const entry = (await this.files()).get(path);
    if (!entry || entry.type !== 'blob' || !isRegularFile(entry.mode)) return { kind: 'missing' };
    return this.store.content(entry.oid);
  }

  /**
   * The revision for a project inspector that reads a few files by path and never lists the
   * tree (`readsPathList: false`): a file is read by name (`<treeish>:<path>`) unless the tree is
   * listed anyway. Its `paths` throws, so an inspector that declared it wrongly fails loudly.
   */
  reader(): RevisionFiles {
    const byName = async (path: string): Promise<string | null> => {
      if (this.tree) return this.readText(path);
      const content = await this.store.contentByName(`${this.treeish}:${path}`);
      return content.kind === 'text' ? content.text : null;
    };
    return {
      get paths(): readonly string[] {
        throw new Error('this revision view reads files by path and has no path list (readsPathList: false)');
      },
      readText: byName,
    };
  }

  private async readText(path: string): Promise<string | null> {
    const content = await this.read(path);
    return content.kind === 'text' ? content.text : null;
  }

  /**
   * The revision as a project inspector sees it: its file paths and their text. One view per
   * revision, so every inspector shares the same path list (and the caches keyed on it).
   */
  asFiles(): Promise<RevisionFiles> {
    this.asFilesView ??= this.buildFiles();
    return this.asFilesView;
  }

  private async buildFiles(): Promise<RevisionFiles> {
    const files = await this.files();
    const paths = [...files.values()].filter((entry) => entry.type === 'blob' && isRegularFile(entry.mode)).map((entry) => entry.path);
    return { paths, readText: (path) => this.readText(path) };
  }
}
