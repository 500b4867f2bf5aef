import type { PathGroups } from '../policy/path-groups.js';

/**
 * An inspector turns one file of one revision into one kind of fact. It is a pure function of
 * the file's path and text, so its result can be memoized by blob id. A file it cannot parse
 * makes it throw `UnparseableError`, which the engine reports as an `unresolvable` finding.
 */
export interface Inspector<F> {
  /** Stable id; part of the memo key. Bump `version`-like suffixes when the facts change shape. */
  readonly id: string;
  /** Whether this inspector has anything to say about a path (path groups come from the base policy). */
  appliesTo(path: string, paths: PathGroups): boolean;
  /** Extra memo key from the path when the same bytes parse differently by name (`.ts` vs `.tsx`). */
  cacheKey?(path: string): string;
  /**
   * Asynchronous set-up done once before the first `inspect` (loading a WebAssembly parser). The
   * engine awaits it only when the inspector applies to a changed file, so an audit that never
   * meets such a file never pays for it.
   */
  prepare?(): Promise<void>;
  inspect(path: string, text: string): F;
}

/** Read access to one whole revision, for inspectors whose facts span many files. */
export interface RevisionFiles {
  /** Every regular file path of the revision. */
  readonly paths: readonly string[];
  /** Text of a file, or null when absent, binary, a submodule or above the size limit. */
  readText(path: string): Promise<string | null>;
}

/**
 * An inspector over a whole revision (coverage scope, effective configuration). It runs only
 * when the change can affect its facts, so a change that touches none of its inputs costs
 * nothing; both revisions are then inspected the same way.
 */
export interface ProjectInspector<F> {
  readonly id: string;
  /** Whether any of these changed paths can change the facts. */
  affectedBy(changed: readonly ChangedPath[]): boolean;
  /**
   * Whether the facts of the changed files call for this inspector even though no input of it
   * changed (a file with tests under an unconventional name: only the runner's configuration
   * says whether it is a test file). Asked after the changed files are inspected.
   */
  affectedByFacts?(files: readonly InspectedChange[], paths: PathGroups): boolean;
  /**
   * False when `collect` reads only files it names and never the path list: the engine then
   * skips listing the revisions' trees (tens of milliseconds on a large repository).
   */
  readonly readsPathList?: false;
  /** `changes` is given when the inspector runs for its `affectedByFacts`: what called for it. */
  collect(revision: RevisionFiles, changes?: readonly InspectedChange[]): Promise<F>;
}

/** A changed file with the facts its inspectors found on each side. */
export interface InspectedChange {
  basePath: string | null;
  headPath: string | null;
  base<F>(inspector: Inspector<F>): F | null;
  head<F>(inspector: Inspector<F>): F | null;
}

export interface ChangedPath {
  status: 'added' | 'deleted' | 'modified' | 'renamed' | 'copied' | 'type-changed';
  basePath: string | null;
  headPath: string | null;
}
